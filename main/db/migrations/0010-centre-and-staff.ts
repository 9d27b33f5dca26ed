import type { Migration } from './types'

/** The centre this workstation belongs to, its settings, and the staff who sign in to it. */
export const migration0010: Migration = {
  version: 10,
  name: 'centre-and-staff',
  up(db) {
    db.exec(`
      CREATE TABLE centre (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        number TEXT NOT NULL CHECK (length(number) = 3),
        name TEXT NOT NULL,
        workstation_slot TEXT NOT NULL CHECK (length(workstation_slot) = 2),
        device_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        staff_number TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk', 'desk', 'manager', 'admin')),
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        last_sign_in_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
