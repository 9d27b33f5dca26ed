import type { Migration } from './types'

/** Every application's name keys, for the migration and for anything that loads applications in bulk. */
export const BACKFILL_NAME_KEYS_SQL = `
  INSERT OR IGNORE INTO application_name_keys (name_key, tracking_number)
  SELECT k.value, a.tracking_number FROM applications a, json_each(tms_name_keys(a.customer_name)) k
  ORDER BY 1, 2;
`

/**
 * Name search that ignores case and diacritics and finds any word of the name: "zoe" and "wanjiku" both find
 * "Zöë Wanjikũ". SQLite cannot fold Unicode, so each name's folded keys (common/name-search.ts: the name from each
 * word on) are kept in their own indexed table by triggers on `applications`, whoever writes it (the counter, the
 * projector for replicated applications, a restore). The case-insensitive name index only served the old prefix
 * search and goes.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'name-search',
  up(db) {
    db.exec(`
      CREATE TABLE application_name_keys (
        name_key TEXT NOT NULL,
        tracking_number TEXT NOT NULL,
        PRIMARY KEY (name_key, tracking_number)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER application_name_keys_insert AFTER INSERT ON applications
      BEGIN
        INSERT OR IGNORE INTO application_name_keys (name_key, tracking_number)
        SELECT value, NEW.tracking_number FROM json_each(tms_name_keys(NEW.customer_name));
      END;

      CREATE TRIGGER application_name_keys_update AFTER UPDATE OF customer_name, tracking_number ON applications
      BEGIN
        DELETE FROM application_name_keys WHERE tracking_number = OLD.tracking_number
          AND name_key IN (SELECT value FROM json_each(tms_name_keys(OLD.customer_name)));
        INSERT OR IGNORE INTO application_name_keys (name_key, tracking_number)
        SELECT value, NEW.tracking_number FROM json_each(tms_name_keys(NEW.customer_name));
      END;

      CREATE TRIGGER application_name_keys_delete AFTER DELETE ON applications
      BEGIN
        DELETE FROM application_name_keys WHERE tracking_number = OLD.tracking_number
          AND name_key IN (SELECT value FROM json_each(tms_name_keys(OLD.customer_name)));
      END;

      DROP INDEX applications_name;
    `)
    db.exec(BACKFILL_NAME_KEYS_SQL)
  },
}
