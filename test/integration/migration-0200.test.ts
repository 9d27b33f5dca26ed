import type Sqlite from 'better-sqlite3-multiple-ciphers'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrations'
import { scratchDatabase, versionBefore } from '../helpers/scratch-db'

/** Migration 0200: the staff and centre settings already on a PC become directory changes waiting to be shared. */
describe('migration 0200 (centre directory)', () => {
  const scratch = scratchDatabase()
  let db: Sqlite.Database
  beforeEach(() => {
    db = scratch.db
  })

  it('turns existing staff and valid stored centre settings into changes dated by their last update, and nothing else', () => {
    const previous = versionBefore(200)
    expect(migrate(db, previous)).toBe(previous)
    db.prepare(
      `INSERT INTO centre (id, number, name, workstation_slot, device_id, created_at, permutation_key)
       VALUES (1, '042', 'GPO', '01', '0190a8c0-0000-7000-8000-000000000001', 1000, '00112233445566778899aabbccddeeff')`,
    ).run()
    db.prepare(
      `INSERT INTO staff (staff_number, name, role, pin_hash, active, created_at, updated_at)
       VALUES ('CLK001', 'Otieno Baraka', 'clerk', 'scrypt$16384$8$1$AAAAAAAAAAAA$BBBBBBBBBBBB', 0, 1500, 2000)`,
    ).run()
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
    put.run('readyGraceMinutes', '45')
    put.run('idleLockMinutes', '"five"')
    put.run('somethingLocal', '1')
    expect(migrate(db, 200)).toBe(200)

    const fields = db
      .prepare('SELECT kind, key, field, value, at FROM directory_fields ORDER BY kind, key, field')
      .all()
    expect(fields).toEqual([
      { kind: 'setting', key: 'readyGraceMinutes', field: 'value', value: '45', at: 1000 },
      { kind: 'staff', key: 'CLK001', field: 'active', value: 'false', at: 2000 },
      { kind: 'staff', key: 'CLK001', field: 'name', value: '"Otieno Baraka"', at: 2000 },
      {
        kind: 'staff',
        key: 'CLK001',
        field: 'pinHash',
        value: '"scrypt$16384$8$1$AAAAAAAAAAAA$BBBBBBBBBBBB"',
        at: 2000,
      },
      { kind: 'staff', key: 'CLK001', field: 'role', value: '"clerk"', at: 2000 },
    ])
    // Every one also waits in the outbox, under the same id.
    const ids = (sql: string) => (db.prepare(sql).all() as { id: string }[]).map((r) => r.id).sort()
    expect(ids('SELECT change_id AS id FROM directory_outbox')).toEqual(
      ids('SELECT change_id AS id FROM directory_fields'),
    )
  })

  it('on a PC never set up, creates the tables and no changes', () => {
    expect(migrate(db, versionBefore(200))).toBe(versionBefore(200))
    expect(migrate(db, 200)).toBe(200)
    expect(db.prepare('SELECT count(*) AS n FROM directory_outbox').get()).toEqual({ n: 0 })
  })
})
