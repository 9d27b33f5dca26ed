import type { Migration } from './types'

/**
 * Printing no longer holds up registration, and a receipt printed again must say COPY when the first attempt may
 * have left paper. `print_jobs` gains:
 * - `may_have_printed`: whether any byte of the job may have reached the printer (printed, or failed after sending
 *   began). Older failed jobs cannot tell, so they count as "may have": a receipt wrongly marked COPY costs
 *   nothing, a second original in circulation does.
 * - `copy`: the paper says COPY (a retry after a job that may have printed).
 */
export const migration0130: Migration = {
  version: 130,
  name: 'print-paper',
  up(db) {
    db.exec(`
      ALTER TABLE print_jobs ADD COLUMN may_have_printed INTEGER NOT NULL DEFAULT 0
        CHECK (may_have_printed IN (0, 1));
      ALTER TABLE print_jobs ADD COLUMN copy INTEGER NOT NULL DEFAULT 0 CHECK (copy IN (0, 1));
      UPDATE print_jobs SET may_have_printed = 1 WHERE status IN ('printed', 'failed');
    `)
  },
}
