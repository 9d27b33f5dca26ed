/**
 * Every dashboard and list query of the manager's pages reads through an index, so a dropped or changed index fails
 * CI instead of turning a 5-million-row centre's dashboard into a full table scan. Each statement is the exact SQL
 * the query modules run (exported from main/db/queries/manager/), explained on a fully migrated database.
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

/** The index a statement must use (the one migration 0080 made for it) or, where several fit, any of them. */
const cases: { name: string; sql: string; index: RegExp }[] = []
const add = (name: string, sql: string, index: RegExp) => cases.push({ name, sql, index })

const AGE = /applications_arrived_at|applications_shelf_by_/
add('shelf.byAge', SHELF_SQL.byAge, AGE)
add('shelf.byService', SHELF_SQL.byService, /applications_shelf_by_service/)
add('shelf.bySlot', SHELF_SQL.bySlot, /applications_shelf_by_slot/)
add('shelf.bySms', SHELF_SQL.bySms, /applications_shelf_by_sms/)
add('shelf.lastCall', SHELF_SQL.lastCall, /call_log_tracking/)

const filters: [string, ShelfFilter, RegExp][] = [
  ['all', {}, AGE],
  ['age', { from: 1, before: 2 }, AGE],
  ['open-ended age', { before: 2 }, AGE],
  ['service', { serviceCode: 'ID_NEW' }, /applications_shelf_by_service|applications_shelf_service_age/],
  [
    'service+age',
    { serviceCode: 'ID_NEW', from: 1, before: 2 },
    /applications_shelf_by_service|applications_shelf_service_age/,
  ],
  ['slot', { slot: 'W45-ID' }, /applications_shelf_by_slot/],
  ['sms', { sms: 'failed' }, /applications_shelf_by_sms/],
  ['never sent', { sms: null }, /applications_shelf_by_sms/],
  ['sms+service', { sms: 'failed', serviceCode: 'ID_NEW' }, /applications_shelf_by_sms/],
  ['call list', { callList: true }, /applications_call_list/],
  ['call list, not called', { callList: true, notCalled: true }, /applications_call_list/],
]
for (const [label, f, index] of filters) {
  for (const sort of ['oldest', 'newest', 'slot'] as ShelfSort[]) {
    const expected = sort === 'slot' ? /applications_shelf_by_slot/ : index
    add(`shelf.page ${label} ${sort}`, shelfPageSql(f, sort, false), expected)
    add(`shelf.page ${label} ${sort} next page`, shelfPageSql(f, sort, true), expected)
  }
  add(`shelf.count ${label}`, shelfCountSql(f), /applications_/)
}

add('overdue.byService', OVERDUE_SQL.byService, /applications_awaiting_by_service/)
const overdueFilters: [string, OverdueFilter][] = [
  ['all', {}],
  ['service', { serviceCodes: ['PASSPORT'] }],
  ['agency', { serviceCodes: ['ID_NEW', 'ID_REPLACEMENT'] }],
]
for (const [label, f] of overdueFilters) {
  add(`overdue.page ${label}`, overduePageSql(f, false), /applications_awaiting/)
  add(`overdue.page ${label} next page`, overduePageSql(f, true), /applications_awaiting/)
  add(`overdue.count ${label}`, overdueCountSql(f), /applications_awaiting/)
}

add('analytics.histogramMonths', ANALYTICS_SQL.histogramMonths, /PRIMARY KEY/)
add('analytics.histogramDays', ANALYTICS_SQL.histogramDays, /PRIMARY KEY/)
add('analytics.cohort', ANALYTICS_SQL.cohort, /PRIMARY KEY/)
add('analytics.stageDays', ANALYTICS_SQL.stageDays, /PRIMARY KEY/)

describe('manager queries use their indexes', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const plan = explain(c.sql)
    expect(plan.length).toBeGreaterThan(0)
    expect(fullScans(plan), plan.join(' | ')).toEqual([])
    expect(plan.join(' | ')).toMatch(c.index)
    // A page reads rows in list order from its index: never a sort of the whole filtered set.
    if (/\.page /.test(c.name)) expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
    if (process.env.SHOW_PLANS) console.log(c.name, '→', plan.join(' | '))
  })

  it('fails when an index is dropped', () => {
    const db = t.core.store.db
    db.exec('SAVEPOINT drop_index')
    try {
      db.exec('DROP INDEX applications_shelf_by_sms')
      expect(() => explain(SHELF_SQL.bySms)).toThrow(/no such index: applications_shelf_by_sms/)
    } finally {
      db.exec('ROLLBACK TO drop_index; RELEASE drop_index')
    }
    expect(explain(SHELF_SQL.bySms).join(' | ')).toMatch(/applications_shelf_by_sms/)
  })
})
