/**
 * The manager's dashboard and list queries, explained on a fully migrated database with the exact SQL the query
 * modules run (exported from main/db/queries/manager/). The shelf and overdue statements name their index with
 * INDEXED BY, so SQLite uses it or refuses the statement: which index they use is settled by construction and not
 * checked here. What can still go wrong, and is checked: a full SCAN of a table (a subquery, a join, a statement
 * without INDEXED BY), and a page sorted in a TEMP B-TREE instead of read in index order. The statements without
 * INDEXED BY (the last call, the analytics tables) are also checked for the index the planner picks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANALYTICS_SQL } from '../../main/db/queries/manager/analytics'
import {
  OVERDUE_SQL,
  overdueCountSql,
  overduePageSql,
  type OverdueFilter,
} from '../../main/db/queries/manager/overdue'
import {
  SHELF_SQL,
  shelfCountSql,
  shelfPageSql,
  type ShelfFilter,
  type ShelfSort,
} from '../../main/db/queries/manager/shelf'
import { setUpCentre, testCore } from '../helpers/core'

let t: ReturnType<typeof testCore>
beforeAll(async () => {
  t = testCore()
  await setUpCentre(t.core)
})
afterAll(() => t.close())

const TEXT_PARAMS = /^(today|kExpected|kSlot|slot|serviceCode|sms|stage|tn|s\d+)$/

/** Explains `sql` with every named parameter bound (text or number by what it stands for). */
const explain = (sql: string): string[] => {
  const params: Record<string, unknown> = {}
  for (const [, name] of sql.matchAll(/@(\w+)/g)) params[name!] = TEXT_PARAMS.test(name!) ? 'x' : 1
  if (params.stage !== undefined) params.stage = 'agency'
  return t.core.store.db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...(Object.keys(params).length ? [params] : []))
    .map((r) => r.detail)
}

/** Reads of a table with no index at all: 'SCAN <table>' without USING (COVERING) INDEX. */
const fullScans = (plan: string[]): string[] =>
  plan.filter(
    (d) =>
      /^SCAN \w+/.test(d) &&
      d !== 'SCAN CONSTANT ROW' &&
      !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(d),
  )

/** `index`: the index the planner must pick, for statements that do not name one with INDEXED BY. */
const cases: { name: string; sql: string; index?: RegExp }[] = []
const add = (name: string, sql: string, index?: RegExp) =>
  cases.push({ name, sql, ...(index ? { index } : {}) })

add('shelf.byAge', SHELF_SQL.byAge)
add('shelf.byService', SHELF_SQL.byService)
add('shelf.bySlot', SHELF_SQL.bySlot)
add('shelf.bySms', SHELF_SQL.bySms)
add('shelf.lastCall', SHELF_SQL.lastCall, /call_log_tracking/)

const filters: [string, ShelfFilter][] = [
  ['all', {}],
  ['age', { from: 1, before: 2 }],
  ['open-ended age', { before: 2 }],
  ['service', { serviceCode: 'ID_NEW' }],
  ['service+age', { serviceCode: 'ID_NEW', from: 1, before: 2 }],
  ['slot', { slot: 'W45-ID' }],
  ['sms', { sms: 'failed' }],
  ['never sent', { sms: null }],
  ['sms+service', { sms: 'failed', serviceCode: 'ID_NEW' }],
  ['call list', { callList: true }],
  ['call list, not called', { callList: true, notCalled: true }],
]
for (const [label, f] of filters) {
  for (const sort of ['oldest', 'newest', 'slot'] as ShelfSort[]) {
    add(`shelf.page ${label} ${sort}`, shelfPageSql(f, sort, false))
    add(`shelf.page ${label} ${sort} next page`, shelfPageSql(f, sort, true))
  }
  add(`shelf.count ${label}`, shelfCountSql(f))
}

add('overdue.byService', OVERDUE_SQL.byService)
const overdueFilters: [string, OverdueFilter][] = [
  ['all', {}],
  ['service', { serviceCodes: ['PASSPORT'] }],
  ['agency', { serviceCodes: ['ID_NEW', 'ID_REPLACEMENT'] }],
]
for (const [label, f] of overdueFilters) {
  add(`overdue.page ${label}`, overduePageSql(f, false))
  add(`overdue.page ${label} next page`, overduePageSql(f, true))
  add(`overdue.count ${label}`, overdueCountSql(f))
}

add('analytics.histogramMonths', ANALYTICS_SQL.histogramMonths, /PRIMARY KEY/)
add('analytics.histogramDays', ANALYTICS_SQL.histogramDays, /PRIMARY KEY/)
add('analytics.cohort', ANALYTICS_SQL.cohort, /PRIMARY KEY/)
add('analytics.stageDays', ANALYTICS_SQL.stageDays, /PRIMARY KEY/)

describe('manager queries: no full table scan, pages in index order', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const plan = explain(c.sql)
    expect(fullScans(plan), plan.join(' | ')).toEqual([])
    if (c.index) expect(plan.join(' | ')).toMatch(c.index)
    // A page reads rows in list order from its index: never a sort of the whole filtered set.
    if (/\.page /.test(c.name)) expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
    if (process.env.SHOW_PLANS) console.log(c.name, '→', plan.join(' | '))
  })

  it('the checks can fail: without its index the last-call lookup scans call_log', () => {
    const db = t.core.store.db
    db.exec('SAVEPOINT drop_index')
    try {
      db.exec('DROP INDEX call_log_tracking')
      expect(fullScans(explain(SHELF_SQL.lastCall))).not.toEqual([])
    } finally {
      db.exec('ROLLBACK TO drop_index; RELEASE drop_index')
    }
    expect(fullScans(explain(SHELF_SQL.lastCall))).toEqual([])
  })
})
