import type { Migration } from './types'

/**
 * Centre-wide replication.
 *
 * - `applications.returned_at`: when a document went back to its agency (the projection sets it from
 *   `application.returned`).
 * - `notifications.event_id`: the notification event another workstation sent, so a replicated "ready" or
 *   reminder SMS is recorded here once per tracking number however often the feed delivers it. Rows this
 *   workstation schedules itself keep it NULL.
 * - `replication_issues`: replicated events the projection could not use (a payload that does not fit its type),
 *   kept for the sync page rather than blocking the feed.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'replication',
  up(db) {
    db.exec(`
      ALTER TABLE applications ADD COLUMN returned_at INTEGER;
      ALTER TABLE notifications ADD COLUMN event_id TEXT;
      CREATE UNIQUE INDEX notifications_event ON notifications (event_id, tracking_number)
        WHERE event_id IS NOT NULL;

      CREATE TABLE replication_issues (
        event_id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        tracking_number TEXT,
        reason TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
