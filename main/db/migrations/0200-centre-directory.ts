import { directoryChangeProblem, SETTING_FIELD } from '../../../common/directory'
import { uuidv7 } from '../../infra/uuidv7'
import type { Migration } from './types'

/**
 * The centre directory (issue #14): staff and centre settings shared by the centre's PCs.
 * - `directory_fields`: the winning change of every (kind, key, field) this PC knows, with its value; the staff and
 *   settings rows are made from it. Only the current value is kept (no history of PIN hashes).
 * - `directory_outbox`: this PC's changes not yet acknowledged by the central API, each a whole change, written in
 *   the transaction of the staff or settings write it records, with the change of the field it replaced (`base_*`),
 *   so a change that meets it later is a conflict only when this PC had not seen it.
 * Staff and stored settings already here become changes dated by their last update (the centre's creation for
 * settings, which have no date), so the first sync shares them and any later edit anywhere beats them.
 */
export const migration0200: Migration = {
  version: 200,
  name: 'centre-directory',
  up(db) {
    db.exec(`
      CREATE TABLE directory_fields (
        kind TEXT NOT NULL CHECK (kind IN ('staff', 'setting')),
        key TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        change_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        by TEXT,
        device_id TEXT NOT NULL,
        PRIMARY KEY (kind, key, field)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE directory_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        field TEXT NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        at INTEGER NOT NULL,
        by TEXT,
        device_id TEXT NOT NULL,
        base_id TEXT,
        base_at INTEGER
      ) STRICT;
      CREATE INDEX directory_outbox_field ON directory_outbox (kind, key, field);
    `)
    const centre = db.prepare('SELECT device_id, created_at FROM centre').get() as
      { device_id: string; created_at: number } | undefined
    if (!centre) return
    const put = (kind: string, key: string, field: string, value: unknown, at: number): void => {
      const row = {
        id: uuidv7(at),
        kind,
        key,
        field,
        value: JSON.stringify(value),
        at,
        device: centre.device_id,
      }
      db.prepare(
        `INSERT INTO directory_fields (kind, key, field, value, change_id, at, by, device_id)
         VALUES (@kind, @key, @field, @value, @id, @at, NULL, @device)`,
      ).run(row)
      db.prepare(
        `INSERT INTO directory_outbox (change_id, kind, key, field, value, at, by, device_id)
         VALUES (@id, @kind, @key, @field, @value, @at, NULL, @device)`,
      ).run(row)
    }
    const staff = db
      .prepare('SELECT staff_number, name, role, active, pin_hash, updated_at FROM staff ORDER BY id')
      .all() as {
      staff_number: string
      name: string
      role: string
      active: number
      pin_hash: string
      updated_at: number
    }[]
    for (const s of staff) {
      put('staff', s.staff_number, 'name', s.name, s.updated_at)
      put('staff', s.staff_number, 'role', s.role, s.updated_at)
      put('staff', s.staff_number, 'active', s.active === 1, s.updated_at)
      put('staff', s.staff_number, 'pinHash', s.pin_hash, s.updated_at)
    }
    const settings = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
    for (const s of settings) {
      const value = JSON.parse(s.value) as unknown
      // A damaged stored value reads as the default here, so it is not shared either.
      if (directoryChangeProblem({ kind: 'setting', key: s.key, field: SETTING_FIELD, value }) === null)
        put('setting', s.key, SETTING_FIELD, value, centre.created_at)
    }
  },
}
