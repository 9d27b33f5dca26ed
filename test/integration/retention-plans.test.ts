/**
 * The retention sweep reads through its indexes on a fully migrated database: a page is a range of
 * `applications_retention` in index order (never a sort, never the whole table), and the acknowledgement check
 * reads an application's events by `events_tracking_number` and the outbox and dead letters by their keys. Each
 * statement is the exact SQL the query module prepares.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { PRIVACY_SQL } from '../../main/db/queries/privacy'
import { setUpCentre, testCore } from '../helpers/core'

let t: ReturnType<typeof testCore>
beforeAll(async () => {
  t = testCore()
  await setUpCentre(t.core)
})
afterAll(() => t.close())

const explain = (sql: string, params: unknown): string[] =>
  t.core.store.db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(params as never)
    .map((r) => (r as { detail: string }).detail)

it('a retention page is a range of applications_retention in index order', () => {
  const plan = explain(PRIVACY_SQL.retentionPage, { before: 1, fromAt: 0, fromTn: '', limit: 50 })
  expect(plan[0]).toMatch(/^SEARCH applications USING (COVERING )?INDEX applications_retention \(/)
  expect(plan.filter((d) => /^SCAN|TEMP B-TREE/.test(d))).toEqual([])
})

it("the acknowledgement check reads only the application's events, outbox and dead-letter rows by key", () => {
  const plan = explain(PRIVACY_SQL.unacknowledged, ['042011234567'])
  expect(plan.some((d) => /SEARCH e USING (COVERING )?INDEX events_tracking_number/.test(d))).toBe(true)
  expect(plan.filter((d) => /^SCAN/.test(d) || /SCAN (o|d)\b/.test(d))).toEqual([])
})
