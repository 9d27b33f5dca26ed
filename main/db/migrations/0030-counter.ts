import { randomBytes } from 'node:crypto'
import type { Migration } from './types'

/**
 * The counter desk: service catalogue, applications, print jobs, and the workstation's tracking-number counter with
 * its permutation key. An existing centre gets its key here; the key then never changes for the life of the slot.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'counter',
  up(db) {
    db.exec(`
      ALTER TABLE centre ADD COLUMN permutation_key TEXT CHECK (permutation_key IS NULL OR length(permutation_key) = 32);
      ALTER TABLE centre ADD COLUMN next_counter INTEGER NOT NULL DEFAULT 0 CHECK (next_counter BETWEEN 0 AND 1000000);

      CREATE TABLE services (
        code TEXT PRIMARY KEY,
        name_en TEXT NOT NULL,
        name_sw TEXT NOT NULL,
        agency TEXT NOT NULL,
        turnaround_days INTEGER NOT NULL CHECK (turnaround_days BETWEEN 0 AND 365),
        id_required INTEGER NOT NULL CHECK (id_required IN (0, 1)),
        agency_ref_pattern TEXT,
        agency_ref_hint TEXT,
        agency_ref_example TEXT,
        retention_days INTEGER NOT NULL CHECK (retention_days BETWEEN 1 AND 3650),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        is_default INTEGER NOT NULL DEFAULT 1 CHECK (is_default IN (0, 1)),
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE applications (
        tracking_number TEXT PRIMARY KEY CHECK (length(tracking_number) = 12),
        service_code TEXT NOT NULL REFERENCES services (code),
        customer_name TEXT NOT NULL,
        phone TEXT NOT NULL,
        id_number TEXT,
        agency_ref TEXT,
        language TEXT NOT NULL CHECK (language IN ('en', 'sw')),
        sms_consent INTEGER NOT NULL CHECK (sms_consent IN (0, 1)),
        notes TEXT,
        status TEXT NOT NULL CHECK (status IN ('registered', 'arrived', 'collected', 'returned', 'cancelled')),
        registered_at INTEGER NOT NULL,
        registered_by TEXT NOT NULL,
        expected_ready TEXT NOT NULL,
        arrived_at INTEGER,
        collected_at INTEGER,
        shelf_slot TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX applications_phone ON applications (phone, registered_at);
      CREATE INDEX applications_id_number ON applications (id_number, service_code, status) WHERE id_number IS NOT NULL;
      CREATE INDEX applications_agency_ref ON applications (agency_ref) WHERE agency_ref IS NOT NULL;
      CREATE INDEX applications_name ON applications (customer_name COLLATE NOCASE);
      CREATE INDEX applications_registered_at ON applications (registered_at);

      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        tracking_number TEXT REFERENCES applications (tracking_number),
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'reprint', 'test')),
        status TEXT NOT NULL CHECK (status IN ('queued', 'printed', 'failed', 'preview-only')),
        printer TEXT NOT NULL,
        reason TEXT,
        error TEXT,
        staff_number TEXT,
        created_at INTEGER NOT NULL,
        finished_at INTEGER
      ) STRICT;
      CREATE INDEX print_jobs_tracking_number ON print_jobs (tracking_number, id);
    `)
    db.prepare('UPDATE centre SET permutation_key = ? WHERE permutation_key IS NULL').run(
      randomBytes(16).toString('hex'),
    )
  },
}
