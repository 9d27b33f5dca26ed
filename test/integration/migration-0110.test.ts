import type Sqlite from 'better-sqlite3-multiple-ciphers'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrations'
import { scratchDatabase, versionBefore } from '../helpers/scratch-db'

const HOUR = 3_600_000
/** 10:00 Nairobi (07:00 UTC) on a calendar date. */
const at10 = (ymd: string): number => Date.parse(`${ymd}T07:00:00Z`)

/**
 * Migration 0110 on a database whose week slots have no year: each application's slot, the slot its arrival scan
 * reported and the slot a return manifest kept get the ISO week-year of the document's arrival; fixed slots, other
 * shapes and slots of another service's bin are left as they were.
 */
describe('migration 0110 (year-carrying week slots)', () => {
  const scratch = scratchDatabase()
  let db: Sqlite.Database
  beforeEach(() => {
    db = scratch.db
  })

  it('rewrites old week labels from the arrival date, including 30 Dec 2024 (ISO week 1 of 2025)', () => {
    const previous = versionBefore(110)
    expect(previous).toBe(100)
    expect(migrate(db, previous)).toBe(previous)
    const service = db.prepare(
      `INSERT INTO services (code, name_en, name_sw, agency, turnaround_days, id_required, retention_days, updated_at)
       VALUES (?, ?, ?, 'Agency', 10, 0, 60, 0)`,
    )
    for (const code of ['BIRTH_CERT', 'GOOD_CONDUCT', 'ID_NEW', 'PASSPORT']) service.run(code, code, code)
    const app = db.prepare(
      `INSERT INTO applications (tracking_number, service_code, customer_name, phone, language, sms_consent, status,
         registered_at, registered_by, expected_ready, arrived_at, collected_at, shelf_slot, updated_at)
       VALUES (?, ?, 'Wanjiku Kamau', '+254712345678', 'en', 1, ?, 0, 'CLK001', '2020-01-01', ?, ?, ?, 0)`,
    )
    const rows: [string, string, string, number | null, number | null, string | null][] = [
      // tracking number, service, status, arrived_at, collected_at, slot
      ['042010000001', 'BIRTH_CERT', 'arrived', at10('2024-12-30'), null, 'W01-BC'],
      ['042010000002', 'GOOD_CONDUCT', 'arrived', at10('2021-12-14'), null, 'W50-GC'],
      ['042010000003', 'GOOD_CONDUCT', 'arrived', at10('2026-12-08'), null, 'W50-GC'],
      ['042010000004', 'ID_NEW', 'collected', at10('2027-01-01'), at10('2027-01-20'), 'W53-ID'],
      // Just after midnight in Nairobi on Monday 4 Jan 2027 (still Sunday in UTC): week 1 of 2027.
      ['042010000005', 'PASSPORT', 'arrived', Date.parse('2027-01-03T21:30:00Z'), null, 'W01-PP'],
      // Moved to last year's week-52 shelf after New Year (the nearest week 52 to the arrival).
      ['042010000006', 'PASSPORT', 'arrived', at10('2027-01-06'), null, 'W52-PP'],
      // Not week slots of this document's service: a fixed slot, a centre's own name, another service's bin.
      ['042010000007', 'PASSPORT', 'arrived', at10('2026-11-26'), null, 'B-07'],
      ['042010000008', 'PASSPORT', 'arrived', at10('2026-11-26'), null, 'W48-OVERFLOW'],
      ['042010000009', 'PASSPORT', 'arrived', at10('2026-11-26'), null, 'W48-BC'],
      ['042010000010', 'PASSPORT', 'registered', null, null, null],
    ]
    for (const [tn, code, status, arrivedAt, collectedAt, slot] of rows)
      app.run(tn, code, status, arrivedAt, collectedAt, slot)

    db.prepare(
      "INSERT INTO arrival_batches (id, agency, status, opened_at, opened_by) VALUES (1, 'Agency', 'open', 0, 'DSK001')",
    ).run()
    const scan = db.prepare(
      `INSERT INTO batch_scans (batch_id, code, at, staff_number, outcome, tracking_number, slot)
       VALUES (1, ?, ?, 'DSK001', ?, ?, ?)`,
    )
    scan.run('042010000001', at10('2024-12-30'), 'arrived', '042010000001', 'W01-BC')
    scan.run('042010000001', at10('2024-12-30') + HOUR, 'rescan', '042010000001', 'W01-BC')
    scan.run('XK-77Q', at10('2024-12-30'), 'unknown', null, null)
    db.prepare(
      "INSERT INTO return_manifests (id, agency, status, created_at, created_by) VALUES (1, 'Agency', 'open', 0, 'MGR001')",
    ).run()
    db.prepare(
      "INSERT INTO return_manifest_items (manifest_id, tracking_number, slot) VALUES (1, '042010000002', 'W50-GC')",
    ).run()

    expect(migrate(db, 110)).toBe(110)

    const slots = Object.fromEntries(
      db
        .prepare<[], { tracking_number: string; shelf_slot: string | null }>(
          'SELECT tracking_number, shelf_slot FROM applications ORDER BY tracking_number',
        )
        .all()
        .map((r) => [r.tracking_number, r.shelf_slot]),
    )
    expect(slots).toEqual({
      '042010000001': '25W01-BC',
      '042010000002': '21W50-GC',
      '042010000003': '26W50-GC',
      '042010000004': '26W53-ID',
      '042010000005': '27W01-PP',
      '042010000006': '26W52-PP',
      '042010000007': 'B-07',
      '042010000008': 'W48-OVERFLOW',
      '042010000009': 'W48-BC',
      '042010000010': null,
    })
    expect(
      db
        .prepare<[], { code: string; slot: string | null }>('SELECT code, slot FROM batch_scans ORDER BY id')
        .all(),
    ).toEqual([
      { code: '042010000001', slot: '25W01-BC' },
      { code: '042010000001', slot: '25W01-BC' },
      { code: 'XK-77Q', slot: null },
    ])
    expect(db.prepare('SELECT slot FROM return_manifest_items').get()).toEqual({ slot: '21W50-GC' })
    // The shelf index follows the rewrite: the by-slot read finds the new label.
    expect(
      db
        .prepare<[], { n: number }>(
          "SELECT count(*) AS n FROM applications WHERE status = 'arrived' AND shelf_slot = '26W50-GC'",
        )
        .get()?.n,
    ).toBe(1)
  })
})
