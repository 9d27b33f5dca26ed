/**
 * Migration 0080 on a centre that already has a shelf: migrate to 70, put documents, SMS and outcomes in, migrate to
 * 80, and the SMS outcome of each document and the turnaround rollups are there from the start.
 */
import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { migration0080 } from '../../main/db/migrations/0080-manager'
import { migrate, MIGRATIONS } from '../../main/db/migrations/index'
import { tempDir } from '../helpers/temp-dir'

let tmp: ReturnType<typeof tempDir>
let db: Database
afterEach(() => {
  db?.close()
  tmp?.cleanup()
})

const nb = (date: string, hour: number) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+03:00`)

it('0080 backfills SMS outcomes and builds the rollups from existing documents', () => {
  tmp = tempDir()
  db = new Sqlite(path.join(tmp.dir, 'tms.sqlite'))
  migrate(db, migration0080.version - 10, MIGRATIONS)
  db.prepare(
    `INSERT INTO services (code, name_en, name_sw, agency, turnaround_days, id_required, retention_days, updated_at)
     VALUES ('ID_NEW', 'National ID', 'Kitambulisho', 'NRB', 21, 0, 180, 0)`,
  ).run()
  const put = db.prepare(
    `INSERT INTO applications (tracking_number, service_code, customer_name, phone, language, sms_consent, status,
       registered_at, registered_by, expected_ready, arrived_at, collected_at, shelf_slot, updated_at)
     VALUES (?, 'ID_NEW', 'Wanjiku Kamau', '+254712345678', 'en', 1, ?, ?, 'CLK001', '2026-10-20', ?, ?, 'W40-ID', 0)`,
  )
  put.run('042010000001', 'arrived', nb('2026-09-01', 9), nb('2026-09-29', 11), null)
  put.run('042010000002', 'arrived', nb('2026-09-01', 9), nb('2026-09-30', 11), null)
  put.run('042010000003', 'collected', nb('2026-09-01', 9), nb('2026-09-21', 11), nb('2026-09-25', 15))
  put.run('042010000004', 'arrived', nb('2026-09-01', 9), nb('2026-10-01', 11), null)
  const note = db.prepare(
    `INSERT INTO notifications (tracking_number, kind, due_at, status, sent_at) VALUES (?, 'ready', ?, 'sent', ?)`,
  )
  note.run('042010000001', 1, 1)
  note.run('042010000002', 1, 1)
  const outcome = db.prepare(
    'INSERT INTO delivery_outcomes (event_id, tracking_number, outcome, at) VALUES (?, ?, ?, ?)',
  )
  outcome.run('e1', '042010000001', 'failed', 10)
  outcome.run('e2', '042010000001', 'delivered', 20)

  migrate(db, migration0080.version, MIGRATIONS)

  const sms = db
    .prepare('SELECT tracking_number AS tn, sms_outcome AS o FROM applications ORDER BY tracking_number')
    .all()
  expect(sms).toEqual([
    { tn: '042010000001', o: 'delivered' },
    { tn: '042010000002', o: 'pending' },
    { tn: '042010000003', o: null },
    { tn: '042010000004', o: null },
  ])
  expect(db.prepare(`SELECT stage, days, n FROM turnaround_day ORDER BY stage, days`).all()).toEqual([
    { stage: 'agency', days: 20, n: 1 },
    { stage: 'agency', days: 28, n: 1 },
    { stage: 'agency', days: 29, n: 1 },
    { stage: 'agency', days: 30, n: 1 },
    { stage: 'customer', days: 4, n: 1 },
  ])
  expect(
    db.prepare(`SELECT month, sum(n) AS n FROM turnaround_month WHERE stage = 'agency' GROUP BY month`).all(),
  ).toEqual([
    { month: 202609, n: 3 },
    { month: 202610, n: 1 },
  ])
  expect(db.prepare('SELECT sum(arrived) AS a, sum(collected_30) AS c FROM arrival_cohort').get()).toEqual({
    a: 4,
    c: 1,
  })
})
