import type { Migration } from './types'

/**
 * The counter lists receipts that never printed (a printer fault, or the app stopping mid-print), so that no
 * customer leaves without one. Failed jobs are few among millions of printed ones: a partial index keeps the list
 * a short walk, newest first.
 */
export const migration0160: Migration = {
  version: 160,
  name: 'unprinted-receipts',
  up(db) {
    db.exec(
      `CREATE INDEX print_jobs_failed ON print_jobs (id) WHERE status = 'failed' AND tracking_number IS NOT NULL;`,
    )
  },
}
