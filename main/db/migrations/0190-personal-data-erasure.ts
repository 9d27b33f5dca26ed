import type { Migration } from './types'
import { ERASED_TEXT } from '../../../common/erased-personal-data'

/**
 * Erasure of the customer's personal fields (retention and the data subject's request, issue #13).
 * - `events` stay append-only, with one exception: the payload of an application's event may be rewritten once
 *   the log holds that application's `application.personalDataErased` event, and nothing else of the row may
 *   change. So history can only be erased on the record, and the erasure itself can never be rewritten away
 *   (it names the application and the reason, not the person).
 * - `applications_retention`: the finished applications not yet erased, by their last change, so the retention
 *   sweep reads only what it may erase, in keyset pages, and an erased row leaves the index.
 */
export const RETENTION_INDEX_WHERE = `status IN ('collected', 'returned', 'cancelled') AND customer_name <> '${ERASED_TEXT}'`

export const migration0190: Migration = {
  version: 190,
  name: 'personal-data-erasure',
  up(db) {
    db.exec(`
      DROP TRIGGER events_no_update;
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        WHEN NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.type IS NOT OLD.type
          OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.staff_number IS NOT OLD.staff_number
          OR NEW.device_id IS NOT OLD.device_id OR NEW.tracking_number IS NOT OLD.tracking_number
          OR OLD.type = 'application.personalDataErased'
          OR NOT EXISTS (SELECT 1 FROM events x WHERE x.tracking_number = OLD.tracking_number
                           AND x.type = 'application.personalDataErased')
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

      CREATE INDEX applications_retention ON applications (updated_at, tracking_number)
        WHERE ${RETENTION_INDEX_WHERE};
    `)
  },
}
