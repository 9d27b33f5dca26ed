/**
 * The agency turnaround's statements (main/db/queries/manager/agency.ts), explained on a fully migrated database
 * with the exact SQL the service runs: the lateness rollups are read by primary-key range, "still out" and the
 * overdue list through the partial indexes over the documents at the agency, the batch summaries through their day
 * index; none scans `applications` or any other table whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AGENCY_SQL } from '../../main/db/queries/manager/agency'
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

const cases: [string, string, RegExp][] = [
  [
    'lateMonths',
    AGENCY_SQL.lateMonths,
    /SEARCH agency_late_month USING PRIMARY KEY \(month>\? AND month<\?\)/,
  ],
  ['lateWeeks', AGENCY_SQL.lateWeeks, /SEARCH agency_late_week USING PRIMARY KEY \(week>\? AND week<\?\)/],
  ['lateDays', AGENCY_SQL.lateDays, /SEARCH agency_late_day USING PRIMARY KEY \(day>\? AND day<\?\)/],
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
]

describe('agency turnaround queries use their indexes', () => {
  it.each(cases)('%s', (_name, sql, index) => {
    const plan = explain(sql)
    expect(fullScans(plan), plan.join(' | ')).toEqual([])
    expect(plan.join(' | ')).toMatch(index)
    if (process.env.SHOW_PLANS) console.log(_name, '→', plan.join(' | '))
  })

  it('the overdue list is read in expected-ready order from the index (only ties sorted)', () => {
    const plan = explain(AGENCY_SQL.overdue).join(' | ')
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
  })
})
