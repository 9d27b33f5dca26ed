import type { Database } from 'better-sqlite3-multiple-ciphers'
import { ERASED_PHONE, ERASED_TEXT } from '../../../common/erased-personal-data'
import { RETENTION_INDEX_WHERE } from '../migrations/0190-personal-data-erasure'
import type { EventRow } from './events'

export interface ErasureCandidate {
  tracking_number: string
  status: string
  customer_name: string
}

export interface RetentionKey {
  updatedAt: number
  trackingNumber: string
}

/** The sweep's statements, exported for the query-plan test. */
export const PRIVACY_SQL = {
  /** Whether any of the application's events still waits for the central API (outbox) or was refused by it. */
  unacknowledged: `SELECT 1 AS n FROM events e
     WHERE e.tracking_number = ? AND (EXISTS (SELECT 1 FROM outbox o WHERE o.event_seq = e.seq)
       OR EXISTS (SELECT 1 FROM dead_letters d WHERE d.event_seq = e.seq))
     LIMIT 1`,
  retentionPage: `SELECT tracking_number, updated_at FROM applications INDEXED BY applications_retention
     WHERE ${RETENTION_INDEX_WHERE} AND updated_at < @before AND (updated_at, tracking_number) > (@fromAt, @fromTn)
     ORDER BY updated_at, tracking_number LIMIT @limit`,
}

/**
 * Queries of the personal-data erasure (migration 0190): the rows outside `applications` that hold a customer's
 * personal fields, and the retention sweep's keyset pages. Writes run inside the caller's transaction.
 */
export function privacyQueries(db: Database) {
  const application = db.prepare<[string], ErasureCandidate>(
    'SELECT tracking_number, status, customer_name FROM applications WHERE tracking_number = ?',
  )
  const eventsOf = db.prepare<[string], EventRow>(
    'SELECT * FROM events WHERE tracking_number = ? ORDER BY seq',
  )
  const rewritePayload = db.prepare<[string, number]>('UPDATE events SET payload = ? WHERE seq = ?')
  const eraseCallNotes = db.prepare<[string]>(
    'UPDATE call_log SET note = NULL WHERE tracking_number = ? AND note IS NOT NULL',
  )
  // A reminder already sent or skipped keeps its row (the campaign's figures) without the phone. One still
  // scheduled is about a document still on the shelf, which is never erased.
  const eraseMessagePhones = db.prepare<[{ phone: string; tn: string }]>(
    `UPDATE campaign_messages SET phone = @phone
     WHERE status <> 'scheduled' AND phone <> @phone
       AND id IN (SELECT n.campaign_message_id FROM notifications n
                  WHERE n.tracking_number = @tn AND n.campaign_message_id IS NOT NULL)`,
  )
  const unacknowledged = db.prepare<[string], { n: number }>(PRIVACY_SQL.unacknowledged)
  const retentionPage = db.prepare<
    [{ before: number; fromAt: number; fromTn: string; limit: number }],
    { tracking_number: string; updated_at: number }
  >(PRIVACY_SQL.retentionPage)
  return {
    application: (tn: string) => application.get(tn),
    eventsOf: (tn: string) => eventsOf.all(tn),
    rewritePayload: (seq: number, payload: Record<string, unknown>) =>
      rewritePayload.run(JSON.stringify(payload), seq),
    eraseOtherRows(tn: string): void {
      eraseCallNotes.run(tn)
      eraseMessagePhones.run({ phone: ERASED_PHONE, tn })
    },
    isAcknowledged: (tn: string) => unacknowledged.get(tn) === undefined,
    /** Finished, not yet erased applications last changed before `before`, after `from` in (updatedAt, tn) order. */
    retentionPage: (before: number, from: RetentionKey | null, limit: number) =>
      retentionPage.all({ before, fromAt: from?.updatedAt ?? -1, fromTn: from?.trackingNumber ?? '', limit }),
    isErased: (name: string) => name === ERASED_TEXT,
  }
}
export type PrivacyQueries = ReturnType<typeof privacyQueries>
