import type { Migration } from './types'

/**
 * Long work in slices (`main/infra/slices.ts`) is written in several transactions, so a crash can stop it half
 * way; these columns say what was under way.
 * - `campaigns.preparing`: 1 while a campaign's messages are still being written. No message of it goes out until
 *   it is 0, and one left at 1 by a crash is removed at the next start (nothing of it was sent or acknowledged).
 * - `return_manifests.confirming_at/_by`: the courier's signature was taken and documents are being marked
 *   returned; one left so by a crash is finished at the next start, as the person who confirmed it.
 */
export const migration0170: Migration = {
  version: 170,
  name: 'sliced-work',
  up(db) {
    db.exec(`
      ALTER TABLE campaigns ADD COLUMN preparing INTEGER NOT NULL DEFAULT 0 CHECK (preparing IN (0, 1));
      ALTER TABLE return_manifests ADD COLUMN confirming_at INTEGER;
      ALTER TABLE return_manifests ADD COLUMN confirming_by TEXT;
      CREATE INDEX campaigns_preparing ON campaigns (id) WHERE preparing = 1;
      CREATE INDEX return_manifests_confirming ON return_manifests (id) WHERE confirming_at IS NOT NULL AND status = 'open';
    `)
  },
}
