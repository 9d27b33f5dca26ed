/**
 * The agency turnaround's statements (main/db/queries/manager/agency.ts), explained on a fully migrated database
 * with the exact SQL the service runs: the lateness rollups are read by primary-key range, "still out" and the
 * overdue list through the partial indexes over the documents at the agency, the batch summaries through their day
 * index; none scans `applications` or any other table whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AGENCY_SQL, lateSql } from '../../main/db/queries/manager/agency'
import { setUpCentre, testCore } from '../helpers/core'

let t: ReturnType<typeof testCore>
beforeAll(async () => {
  t = testCore()
  await setUpCentre(t.core)
})
afterAll(() => t.close())

const TEXT_PARAMS = /^(today|codes|agency|from|to)$/

const explain = (sql: string): string[] => {
  const params: Record<string, unknown> = {}
  for (const [, name] of sql.matchAll(/@(\w+)/g)) params[name!] = TEXT_PARAMS.test(name!) ? 'x' : 1
  if (params.codes !== undefined) params.codes = '["ID_NEW","ID_REPLACEMENT"]'
  // The rollup ranges are numbers; the sign-off key is text.
  if (/agency_late_/.test(sql)) Object.assign(params, { from: 1, to: 2 })
  return t.core.store.db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params)
    .map((r) => r.detail)
}

/** A read of a table with no index ('SCAN x' without USING … INDEX); json_each is a table-valued function. */
const fullScans = (plan: string[]): string[] =>
  plan.filter(
    (d) =>
      /^SCAN \w+/.test(d) &&
      !/^SCAN (CONSTANT ROW|json_each)/.test(d) &&
      !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY|USING PRIMARY KEY/.test(d),
  )

const cases: [string, string, RegExp][] = []
for (const t of ['month', 'week', 'day'] as const) {
  const sql = lateSql(t)
  const range = new RegExp(`SEARCH agency_late_${t} USING PRIMARY KEY \\(${t}>\\? AND ${t}<\\?\\)`)
  cases.push([`late ${t} byService`, sql.byService, range])
  cases.push([`late ${t} byBucket`, sql.byBucket, range])
  cases.push([`late ${t} onTime`, sql.onTime, range])
}
cases.push(
  [
    'stillOut',
    AGENCY_SQL.stillOut,
    /SCAN applications USING COVERING INDEX applications_awaiting_by_service/,
  ],
  [
    'overdue',
    AGENCY_SQL.overdue,
    /SEARCH applications USING INDEX applications_awaiting \(expected_ready<\?\)/,
  ],
  [
    'batches',
    AGENCY_SQL.batches,
    /closed_batch_summaries USING (COVERING )?INDEX closed_batch_summaries_day/,
  ],
  ['signOff', AGENCY_SQL.signOff, /SEARCH agency_signoffs USING PRIMARY KEY/],
)

describe('agency turnaround queries use their indexes', () => {
  it.each(cases)('%s', (_name, sql, index) => {
    const plan = explain(sql)
    expect(fullScans(plan), plan.join(' | ')).toEqual([])
    expect(plan.join(' | ')).toMatch(index)
    if (process.env.SHOW_PLANS) console.log(_name, '→', plan.join(' | '))
  })

  it('a trend groups rollup rows in key order (bucket, days late): no sort', () => {
    for (const t of ['month', 'week', 'day'] as const)
      expect(explain(lateSql(t).byBucket).join(' | ')).not.toMatch(/TEMP B-TREE/)
  })

  it('the overdue list is read in expected-ready order from the index (only ties sorted)', () => {
    const plan = explain(AGENCY_SQL.overdue).join(' | ')
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
  })
})
