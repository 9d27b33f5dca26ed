import type { Migration } from './types'

/**
 * What a new PC's catch-up needs to store its events and make its applications without their secondary indexes
 * (#14; see main/db/deferred-indexes.ts and main/sync/catch-up-projection.ts):
 * - `deferred_schema`: the indexes and triggers it set aside, so they come back after a crash too;
 * - `catch_up_name_keys`: the name keys of the applications it made meanwhile, in tracking-number order, merged
 *   into application_name_keys in one sorted pass at the end.
 */
export const migration0240: Migration = {
  version: 240,
  name: 'catch-up indexes',
  up(db) {
    db.exec(`
      CREATE TABLE deferred_schema (
        name TEXT PRIMARY KEY,
        tbl TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('index', 'trigger')),
        sql TEXT NOT NULL
      ) STRICT;

      CREATE TABLE catch_up_name_keys (
        tracking_number TEXT NOT NULL,
        name_key TEXT NOT NULL,
        PRIMARY KEY (tracking_number, name_key)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
