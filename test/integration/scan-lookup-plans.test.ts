/**
 * The desk's scan look-ups read through their index, on a fully migrated database: an agency reference is found by
 * `applications_agency_ref` whatever the service, and a shelf audit reads its slots through `applications_shelf`.
 * Each statement is the exact SQL the query module prepares.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCAN_LOOKUP_SQL } from '../../main/db/queries/applications'
import { setUpCentre, testCore } from '../helpers/core'

let t: ReturnType<typeof testCore>
beforeAll(async () => {
  t = testCore()
  await setUpCentre(t.core)
})
afterAll(() => t.close())

const explain = (sql: string, param: string): string[] =>
  t.core.store.db
    .prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(param)
    .map((r) => r.detail)

describe('scan look-up query plans', () => {
  it('an agency reference is a search of applications_agency_ref, never a table scan', () => {
    const plan = explain(SCAN_LOOKUP_SQL.sharingAgencyRef, 'AK1234567')
    expect(plan[0]).toMatch(/^SEARCH applications USING INDEX applications_agency_ref \(agency_ref=\?\)$/)
    expect(plan.filter((d) => /^SCAN applications/.test(d))).toEqual([])
  })

  it('the shelf audit reads its slots through applications_shelf', () => {
    const plan = explain(SCAN_LOOKUP_SQL.onShelves, '["W50-GC","26W50-GC"]')
    expect(plan[0]).toMatch(
      /^SEARCH applications USING INDEX applications_shelf \(status=\? AND shelf_slot=\?\)$/,
    )
    expect(plan.filter((d) => /^SCAN applications/.test(d))).toEqual([])
  })
})
