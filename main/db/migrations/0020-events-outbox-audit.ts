import type { Migration } from './types'

/**
 * The append-only event log (the unit of sync), its transactional outbox, and the local audit log.
 * Triggers make `events` and `audit_log` append-only so no code path can rewrite history.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'events-outbox-audit',
  up(db) {
    db.exec(`
      CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
        type TEXT NOT NULL,
        occurred_at INTEGER NOT NULL,
        staff_number TEXT,
        device_id TEXT NOT NULL,
        tracking_number TEXT,
        payload TEXT NOT NULL CHECK (json_valid(payload))
      ) STRICT;
      CREATE INDEX events_tracking_number ON events (tracking_number, seq) WHERE tracking_number IS NOT NULL;

      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

      CREATE TABLE outbox (
        event_seq INTEGER PRIMARY KEY REFERENCES events (seq),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (next_attempt_at, event_seq);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        staff_number TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL CHECK (json_valid(detail))
      ) STRICT;
      CREATE INDEX audit_log_staff ON audit_log (staff_number, id);
      CREATE INDEX audit_log_action ON audit_log (action, id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `)
  },
}
