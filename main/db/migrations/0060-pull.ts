import type { Migration } from './types'

/**
 * Pull-side sync data.
 *
 * `delivery_outcomes` holds the SMS delivery outcomes pulled from `GET /v1/notifications`, one row per notification
 * event and tracking number (one message can be about several documents, so the key is the pair). Rows are only
 * ever inserted (INSERT OR IGNORE), so pulling a page twice stores nothing twice.
 *
 * `central_holidays` is the public-holiday list of the last central catalogue applied, replaced as a whole with it.
 */
export const migration0060: Migration = {
  version: 60,
  name: 'pull',
  up(db) {
    db.exec(`
      CREATE TABLE delivery_outcomes (
        event_id TEXT NOT NULL,
        tracking_number TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'failed', 'invalid-number')),
        at INTEGER NOT NULL,
        PRIMARY KEY (event_id, tracking_number)
      ) STRICT;

      CREATE INDEX delivery_outcomes_by_tracking ON delivery_outcomes (tracking_number, at);

      CREATE TABLE central_holidays (
        date TEXT PRIMARY KEY,
        name TEXT NOT NULL
      ) STRICT;
    `)
  },
}
