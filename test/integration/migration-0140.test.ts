import type Sqlite from 'better-sqlite3-multiple-ciphers'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrations'
import { scratchDatabase, versionBefore } from '../helpers/scratch-db'

/**
 * Migration 0140 on a database that already has applications: their name keys are back-filled, the old
 * case-insensitive name index is gone, and rows written afterwards get their keys from the triggers.
 */
describe('migration 0140 (name search keys)', () => {
  const scratch = scratchDatabase()
  let db: Sqlite.Database
  beforeEach(() => {
    db = scratch.db
  })

  const insert = (tn: string, name: string): void => {
    db.prepare(
      `INSERT INTO applications (tracking_number, service_code, customer_name, phone, language, sms_consent, status,
         registered_at, registered_by, expected_ready, updated_at)
       VALUES (?, 'BIRTH_CERT', ?, '+254712345678', 'en', 1, 'registered', 1, 'CLK001', '2026-12-20', 1)`,
    ).run(tn, name)
  }
  const keys = () =>
    db
      .prepare<[], { name_key: string; tracking_number: string }>(
        'SELECT name_key, tracking_number FROM application_name_keys ORDER BY name_key, tracking_number',
      )
      .all()

  it('migrates from the previous version, back-filling the keys of existing applications', () => {
    const previous = versionBefore(140)
    expect(migrate(db, 130)).toBe(previous)
    db.prepare(
      `INSERT INTO services (code, name_en, name_sw, agency, turnaround_days, id_required, retention_days, active,
         is_default, updated_at)
       VALUES ('BIRTH_CERT', 'Birth certificate', 'Cheti cha kuzaliwa', 'Civil Registration', 10, 1, 90, 1, 1, 1)`,
    ).run()
    insert('042010000001', 'Zöë Wanjikũ')
    insert('042010000002', 'Otieno Otieno')

    expect(migrate(db, 140)).toBe(140)
    expect(keys()).toEqual([
      { name_key: 'otieno', tracking_number: '042010000002' },
      { name_key: 'otieno otieno', tracking_number: '042010000002' },
      { name_key: 'wanjiku', tracking_number: '042010000001' },
      { name_key: 'zoe wanjiku', tracking_number: '042010000001' },
    ])
    const indexes = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'applications'",
      )
      .all()
      .map((r) => r.name)
    expect(indexes).not.toContain('applications_name')

    insert('042010000003', 'Akinyi Mũthoni')
    db.prepare('DELETE FROM applications WHERE tracking_number = ?').run('042010000002')
    expect(keys().map((k) => k.name_key)).toEqual(['akinyi muthoni', 'muthoni', 'wanjiku', 'zoe wanjiku'])
  })
})
