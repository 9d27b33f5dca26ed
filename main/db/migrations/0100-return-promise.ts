import type { Migration } from './types'

/**
 * A reminder promises the customer at least a week more to collect (see REMINDER_GRACE_DAYS), so the return list
 * leaves out documents reminded since then. The shelf-by-service index gains `last_reminder_at` so the return
 * counts per agency still come from the index alone, without reading a row per overdue document.
 */
export const migration0100: Migration = {
  version: 100,
  name: 'return-promise',
  up(db) {
    db.exec(`
      DROP INDEX applications_shelf_service_age;
      CREATE INDEX applications_shelf_service_age
        ON applications (status, service_code, arrived_at, missing, last_reminder_at);
    `)
  },
}
