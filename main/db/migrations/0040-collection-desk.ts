import type { Migration } from './types'

/**
 * The collection desk: arrival batches and every scan in them, the expected list from a manifest, scheduled
 * customer notifications, and what a hand-over records (who collected, as owner or proxy).
 */
export const migration0040: Migration = {
  version: 40,
  name: 'collection-desk',
  up(db) {
    db.exec(`
      ALTER TABLE applications ADD COLUMN arrived_by TEXT;
      ALTER TABLE applications ADD COLUMN arrival_batch_id INTEGER;
      ALTER TABLE applications ADD COLUMN collected_by TEXT;
      ALTER TABLE applications ADD COLUMN collector TEXT CHECK (collector IS NULL OR json_valid(collector));
      ALTER TABLE applications ADD COLUMN missing INTEGER NOT NULL DEFAULT 0 CHECK (missing IN (0, 1));
      ALTER TABLE applications ADD COLUMN damaged INTEGER NOT NULL DEFAULT 0 CHECK (damaged IN (0, 1));
      CREATE INDEX applications_shelf ON applications (status, shelf_slot);
      CREATE INDEX applications_arrived_at ON applications (status, arrived_at);

      CREATE TABLE arrival_batches (
        id INTEGER PRIMARY KEY,
        agency TEXT NOT NULL,
        manifest_ref TEXT,
        expected_count INTEGER CHECK (expected_count IS NULL OR expected_count >= 0),
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at INTEGER NOT NULL,
        opened_by TEXT NOT NULL,
        closed_at INTEGER,
        closed_by TEXT,
        report TEXT CHECK (report IS NULL OR json_valid(report))
      ) STRICT;

      CREATE TABLE batch_expected (
        batch_id INTEGER NOT NULL REFERENCES arrival_batches (id),
        code TEXT NOT NULL,
        PRIMARY KEY (batch_id, code)
      ) STRICT;

      CREATE TABLE batch_scans (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES arrival_batches (id),
        code TEXT NOT NULL,
        at INTEGER NOT NULL,
        staff_number TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('arrived', 'rescan', 'collected', 'returned', 'unknown', 'invalid')),
        tracking_number TEXT,
        slot TEXT,
        resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1))
      ) STRICT;
      CREATE INDEX batch_scans_batch ON batch_scans (batch_id, id);

      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        tracking_number TEXT NOT NULL REFERENCES applications (tracking_number),
        kind TEXT NOT NULL CHECK (kind IN ('ready', 'reminder')),
        due_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'skipped')),
        sent_at INTEGER,
        skip_reason TEXT
      ) STRICT;
      CREATE INDEX notifications_due ON notifications (status, due_at);
      CREATE INDEX notifications_tracking ON notifications (tracking_number);
    `)
  },
}
