import type { Migration } from './types'

/**
 * Reminder campaigns, returns to the agency, and the audit viewer's lookups.
 *
 * - `campaigns`: one row per campaign the manager ran (a dry run too, marked `dry_run = 1`), with its criteria and
 *   counts. `campaign_messages`: one row per phone number of a sent campaign — the unit of the "never twice inside
 *   the exclusion window" rule, and of the send rate (each has its own `due_at`). Per-document `notifications` rows
 *   (kind 'reminder') point at their message so the shelf history shows reminders too.
 * - `applications.last_reminder_at` (set when a reminder is sent, from any workstation) keeps "last reminder older
 *   than N days" a column test, and its partial index finds the phones reminded inside the exclusion window.
 *   `return_manifest_id` records which manifest took a document back (`returned_at` comes with migration 0070).
 * - `applications_shelf_service_age` covers the return list's counts (a service's overdue range, `missing` included)
 *   and a campaign's chosen services, without reading table rows.
 * - `return_manifests` + `return_manifest_items`: the signed paper the agency's courier takes away.
 * - `audit_tracking`: which tracking numbers an audit row is about, so the viewer filters by tracking number with an
 *   index instead of parsing every row's JSON (the audit log itself is append-only, so it cannot be back-filled
 *   with a new column).
 */
export const migration0090: Migration = {
  version: 90,
  name: 'campaigns-returns',
  up(db) {
    db.exec(`
      ALTER TABLE applications ADD COLUMN last_reminder_at INTEGER;
      ALTER TABLE applications ADD COLUMN return_manifest_id INTEGER;
      CREATE INDEX applications_shelf_service_age ON applications (status, service_code, arrived_at, missing);
      CREATE INDEX applications_last_reminder ON applications (last_reminder_at) WHERE last_reminder_at IS NOT NULL;

      CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        dry_run INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
        criteria TEXT NOT NULL CHECK (json_valid(criteria)),
        documents INTEGER NOT NULL,
        recipients INTEGER NOT NULL,
        segments INTEGER NOT NULL,
        cost_cents INTEGER NOT NULL,
        excluded_recent INTEGER NOT NULL,
        excluded_no_consent INTEGER NOT NULL,
        first_due_at INTEGER,
        last_due_at INTEGER,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE campaign_messages (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns (id),
        phone TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('en', 'sw')),
        tracking_numbers TEXT NOT NULL CHECK (json_valid(tracking_numbers)),
        due_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'sent', 'skipped')),
        sent_at INTEGER,
        event_id TEXT,
        skip_reason TEXT
      ) STRICT;
      CREATE INDEX campaign_messages_due ON campaign_messages (status, due_at);
      CREATE INDEX campaign_messages_phone ON campaign_messages (phone, due_at);
      CREATE INDEX campaign_messages_campaign ON campaign_messages (campaign_id);

      ALTER TABLE notifications ADD COLUMN campaign_message_id INTEGER REFERENCES campaign_messages (id);

      CREATE TABLE return_manifests (
        id INTEGER PRIMARY KEY,
        agency TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'cancelled')),
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        confirmed_at INTEGER,
        confirmed_by TEXT,
        cancelled_at INTEGER,
        cancelled_by TEXT
      ) STRICT;
      CREATE INDEX return_manifests_status ON return_manifests (status, id);

      CREATE TABLE return_manifest_items (
        manifest_id INTEGER NOT NULL REFERENCES return_manifests (id),
        tracking_number TEXT NOT NULL REFERENCES applications (tracking_number),
        slot TEXT,
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('returned', 'skipped')),
        skip_reason TEXT,
        PRIMARY KEY (manifest_id, tracking_number)
      ) STRICT;
      CREATE INDEX return_manifest_items_tracking ON return_manifest_items (tracking_number, manifest_id);

      CREATE TABLE audit_tracking (
        audit_id INTEGER NOT NULL REFERENCES audit_log (id),
        tracking_number TEXT NOT NULL,
        PRIMARY KEY (tracking_number, audit_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX audit_log_at ON audit_log (at, id);

      INSERT OR IGNORE INTO audit_tracking (audit_id, tracking_number)
        SELECT id, json_extract(detail, '$.trackingNumber') FROM audit_log
        WHERE json_type(detail, '$.trackingNumber') = 'text';
      INSERT OR IGNORE INTO audit_tracking (audit_id, tracking_number)
        SELECT a.id, j.value FROM audit_log a, json_each(a.detail, '$.trackingNumbers') j
        WHERE json_type(a.detail, '$.trackingNumbers') = 'array' AND j.type = 'text';
    `)
  },
}
