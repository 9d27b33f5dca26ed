import type { Migration } from './types'

/**
 * Push-side sync state. `sync_state` holds the central API endpoint, the enrolled device, and the backoff that must
 * survive a restart (attempt count, next attempt time, last error, last success) as JSON values under fixed keys.
 * `dead_letters` holds events the API rejected: they leave the outbox so they never block the queue, and a manager
 * can send one again. The outbox itself is unchanged: a row is deleted when the API accepted it or called it a
 * duplicate.
 */
export const migration0050: Migration = {
  version: 50,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE dead_letters (
        event_seq INTEGER PRIMARY KEY REFERENCES events (seq),
        reason TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
