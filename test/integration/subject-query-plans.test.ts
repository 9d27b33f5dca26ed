/**
 * A data subject's request reads through indexes only, on a fully migrated database: matching an ID number or a
 * phone among millions of applications is a search of its index, never a scan. Each statement is the exact SQL the
 * query module prepares.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SUBJECT_SQL } from '../../main/db/queries/subject'
import { setUpCentre, testCore } from '../helpers/core'

let t: ReturnType<typeof testCore>
beforeAll(async () => {
  t = testCore()
  await setUpCentre(t.core)
})
afterAll(() => t.close())

const explain = (sql: string, params: unknown[]): string[] =>
  t.core.store.db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params)
    .map((r) => r.detail)

describe('data subject request query plans', () => {
  it('an ID number is a search of applications_id_number', () => {
    const plan = explain(SUBJECT_SQL.byIdNumber, ['30111222', 501])
    expect(plan[0]).toMatch(/^SEARCH applications USING INDEX applications_id_number \(id_number=\?\)$/)
    expect(plan.filter((d) => /^SCAN /.test(d))).toEqual([])
  })

  it('a phone number is a search of applications_phone, already in registration order', () => {
    const plan = explain(SUBJECT_SQL.byPhone, ['+254722000111', 501])
    expect(plan).toEqual(['SEARCH applications USING INDEX applications_phone (phone=?)'])
  })

  it('what hangs off an application or a phone is read by its index', () => {
    const cases: [keyof typeof SUBJECT_SQL, RegExp][] = [
      ['events', /^SEARCH events USING INDEX events_tracking_number \(tracking_number=\?\)$/],
      ['notifications', /^SEARCH notifications USING INDEX notifications_tracking \(tracking_number=\?\)$/],
      [
        'deliveryOutcomes',
        /^SEARCH delivery_outcomes USING INDEX delivery_outcomes_by_tracking \(tracking_number=\?\)$/,
      ],
      ['calls', /^SEARCH call_log USING INDEX call_log_tracking \(tracking_number=\?\)$/],
      [
        'returnManifests',
        /^SEARCH i USING (COVERING )?INDEX return_manifest_items_tracking \(tracking_number=\?\)$/,
      ],
      ['reminders', /^SEARCH campaign_messages USING INDEX campaign_messages_phone \(phone=\?\)$/],
    ]
    for (const [name, first] of cases) {
      const plan = explain(SUBJECT_SQL[name], ['042012003660'])
      expect(plan[0], name).toMatch(first)
      expect(
        plan.filter((d) => /^SCAN /.test(d)),
        name,
      ).toEqual([])
    }
  })
})
