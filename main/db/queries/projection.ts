import type { Database, Statement } from 'better-sqlite3-multiple-ciphers'
import type { ProjectedApplication } from '../../services/projection/application-reducer'
import type { EventRow } from './events'

export interface ReplicaEvent {
  id: string
  type: string
  occurredAt: number
  staffNumber: string | null
  deviceId: string
  trackingNumber: string | null
  payload: Record<string, unknown>
}

/**
 * The columns a later event can change, with the fold's field for each. Registration columns not listed (service,
 * language, consent, registered by, expected ready, agency reference) are written once, when the row is made.
 */
const UPDATABLE = [
  ['customer_name', 'customerName'],
  ['phone', 'phone'],
  ['id_number', 'idNumber'],
  ['notes', 'notes'],
  ['registered_at', 'registeredAt'],
  ['status', 'status'],
  ['arrived_at', 'arrivedAt'],
  ['arrived_by', 'arrivedBy'],
  ['arrival_batch_id', 'arrivalBatchId'],
  ['shelf_slot', 'shelfSlot'],
  ['collected_at', 'collectedAt'],
  ['collected_by', 'collectedBy'],
  ['collector', 'collector'],
  ['missing', 'missing'],
  ['damaged', 'damaged'],
  ['returned_at', 'returnedAt'],
  ['return_manifest_id', 'returnManifestId'],
  ['updated_at', 'updatedAt'],
] as const satisfies readonly (readonly [string, keyof ProjectedApplication])[]

export type UpsertResult = 'inserted' | 'updated' | 'unchanged'

/**
 * Writes of the application projection and of replicated events. Everything here is idempotent: an event is
 * stored once by id, a notification once per (event, tracking number), and the projection upsert writes the fold
 * of all events, so applying the same page twice changes nothing.
 */
export function projectionQueries(db: Database) {
  const insertReplica = db.prepare(
    `INSERT OR IGNORE INTO events (id, type, occurred_at, staff_number, device_id, tracking_number, payload)
     VALUES (@id, @type, @occurredAt, @staffNumber, @deviceId, @trackingNumber, @payload)`,
  )
  const eventsFor = db.prepare<[string], EventRow>(
    'SELECT * FROM events WHERE tracking_number = ? ORDER BY seq',
  )
  // The only statements that write an application's registration and state columns (the projector calls `upsert`
  // with the fold of the application's events). Registration columns are written once; only an erasure changes
  // the personal ones (the fold then gives markers: see common/erased-personal-data.ts).
  const insert = db.prepare(
    `INSERT INTO applications (tracking_number, service_code, customer_name, phone, id_number, agency_ref, language,
       sms_consent, notes, status, registered_at, registered_by, expected_ready, arrived_at, arrived_by,
       arrival_batch_id, shelf_slot, collected_at, collected_by, collector, missing, damaged, returned_at,
       return_manifest_id, updated_at)
     VALUES (@trackingNumber, @serviceCode, @customerName, @phone, @idNumber, @agencyRef, @language, @smsConsent,
       @notes, @status, @registeredAt, @registeredBy, @expectedReady, @arrivedAt, @arrivedBy, @arrivalBatchId,
       @shelfSlot, @collectedAt, @collectedBy, @collector, @missing, @damaged, @returnedAt, @returnManifestId,
       @updatedAt)`,
  )
  const current = db.prepare<[string], Record<string, unknown>>(
    `SELECT ${UPDATABLE.map(([column]) => column).join(', ')} FROM applications WHERE tracking_number = ?`,
  )
  // An UPDATE touches only the indexes and triggers of the columns it names, so an existing row is updated in just
  // the columns whose value the fold changed: an arrival rewrites status, slot and times, not the name keys, phone
  // and ID number indexes (bench/new-pc.bench.ts: an upsert naming every column cost ~2.5 times an insert). One
  // statement per set of changed columns, prepared on first use (a handful occur).
  const updates = new Map<string, Statement>()
  const updateOf = (changed: readonly (typeof UPDATABLE)[number][]): Statement => {
    const key = changed.map(([column]) => column).join(',')
    let st = updates.get(key)
    if (!st) {
      st = db.prepare(
        `UPDATE applications SET ${changed.map(([column, field]) => `${column} = @${field}`).join(', ')}
         WHERE tracking_number = @trackingNumber`,
      )
      updates.set(key, st)
    }
    return st
  }
  /** Writes the fold: a new row, the columns that differ, or nothing. */
  const upsert = (a: ProjectedApplication): UpsertResult => {
    const row = current.get(a.trackingNumber)
    if (!row) {
      insert.run(a)
      return 'inserted'
    }
    const changed = UPDATABLE.filter(([column, field]) => row[column] !== a[field])
    if (changed.length === 0) return 'unchanged'
    updateOf(changed).run(a)
    return 'updated'
  }
  const appExists = db.prepare<[string], { n: number }>(
    'SELECT 1 AS n FROM applications WHERE tracking_number = ?',
  )
  const serviceExists = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM services WHERE code = ?')
  // A service another PC used that this one has never heard of: an inactive stand-in keeps the foreign key, and
  // the next catalogue pull overwrites it with the real entry.
  const placeholderService = db.prepare(
    `INSERT OR IGNORE INTO services (code, name_en, name_sw, agency, turnaround_days, id_required, retention_days,
       active, is_default, updated_at)
     VALUES (@code, @code, @code, 'Unknown agency', 0, 0, 90, 0, 0, @now)`,
  )
  const insertNotification = db.prepare(
    `INSERT OR IGNORE INTO notifications (tracking_number, kind, due_at, status, sent_at, event_id)
     VALUES (@trackingNumber, @kind, @at, 'sent', @at, @eventId)`,
  )
  // The exclusion window of reminder campaigns is read from this column: another PC's reminder counts too.
  const remindedAt = db.prepare(
    `UPDATE applications SET last_reminder_at = @at
     WHERE tracking_number = @trackingNumber AND (last_reminder_at IS NULL OR last_reminder_at < @at)`,
  )
  // Rebuilt when another PC's application first reaches this one: its SMS outcomes may have been pulled before it.
  // With neither an outcome nor a sent message the row keeps the NULLs it was made with, and is not rewritten (on
  // a catch-up that is nearly every new row).
  const refreshSmsOutcome = db.prepare(
    `UPDATE applications SET
       sms_outcome = coalesce(
         (SELECT outcome FROM delivery_outcomes d WHERE d.tracking_number = @tn ORDER BY at DESC LIMIT 1),
         (SELECT 'pending' FROM notifications n WHERE n.tracking_number = @tn AND n.status = 'sent' LIMIT 1)),
       sms_outcome_at = (SELECT max(at) FROM delivery_outcomes d WHERE d.tracking_number = @tn)
     WHERE tracking_number = @tn
       AND (EXISTS (SELECT 1 FROM delivery_outcomes d WHERE d.tracking_number = @tn)
         OR EXISTS (SELECT 1 FROM notifications n WHERE n.tracking_number = @tn AND n.status = 'sent'))`,
  )
  const insertCall = db.prepare(
    `INSERT INTO call_log (tracking_number, at, staff_number, outcome, note)
     VALUES (@trackingNumber, @at, @staffNumber, @outcome, @note)`,
  )
  const insertIssue = db.prepare(
    `INSERT OR IGNORE INTO replication_issues (event_id, type, tracking_number, reason, at)
     VALUES (@eventId, @type, @trackingNumber, @reason, @at)`,
  )
  const issueCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM replication_issues')
  // A catch-up's walks over what it stored (main/sync/catch-up-projection.ts). By tracking number, on the
  // events_tracking_number index (the partial index serves it: `>` implies NOT NULL), from the index alone.
  const storedTrackingNumbers = db.prepare<[string, number, number], { tn: string }>(
    `SELECT DISTINCT tracking_number AS tn FROM events
     WHERE tracking_number > ? AND seq >= ? ORDER BY tracking_number LIMIT ?`,
  )
  // By sequence, on the table's own order: for a catch-up that stored few of the events here.
  const trackingNumbersBetween = db.prepare<[number, number], { tn: string }>(
    'SELECT DISTINCT tracking_number AS tn FROM events WHERE seq > ? AND seq <= ? AND tracking_number IS NOT NULL',
  )
  const followUpsBetween = db.prepare<[number, number], EventRow>(
    `SELECT * FROM events WHERE seq > ? AND seq <= ?
       AND type IN ('notification.ready', 'notification.reminder', 'application.callLogged')
     ORDER BY seq`,
  )
  const countStoredBetween = db.prepare<[string, string, number], { n: number }>(
    'SELECT count(*) AS n FROM events WHERE tracking_number > ? AND tracking_number <= ? AND seq >= ?',
  )
  // What an SMS sent does to its application's row (the triggers of migration 0080 and markReminded), for the
  // catch-up's walk to do while the row is in the page cache; written only when it changes something.
  const smsSent = db.prepare<[string]>(
    "UPDATE applications SET sms_outcome = 'pending' WHERE tracking_number = ? AND sms_outcome IS NULL",
  )
  const lastSeq = db.prepare<[], { n: number }>('SELECT coalesce(max(seq), 0) AS n FROM events')

  return {
    /** Stores another workstation's event (no outbox row: it is already central). False if it was here. */
    insertReplica: (e: ReplicaEvent): boolean =>
      insertReplica.run({ ...e, payload: JSON.stringify(e.payload) }).changes === 1,
    eventsFor: (tn: string) => eventsFor.all(tn),
    upsert,
    appExists: (tn: string) => appExists.get(tn) !== undefined,
    ensureService: (code: string, now: number): void => {
      if (serviceExists.get(code) === undefined) placeholderService.run({ code, now })
    },
    insertNotification: (n: {
      trackingNumber: string
      kind: 'ready' | 'reminder'
      at: number
      eventId: string
    }) => insertNotification.run(n).changes === 1,
    refreshSmsOutcome: (tn: string) => refreshSmsOutcome.run({ tn }),
    insertCall: (c: {
      trackingNumber: string
      at: number
      staffNumber: string
      outcome: 'reached' | 'no-answer' | 'switched-off' | 'wrong-number'
      note: string | null
    }) => insertCall.run(c),
    markReminded: (trackingNumber: string, at: number) => remindedAt.run({ trackingNumber, at }),
    recordIssue: (i: {
      eventId: string
      type: string
      trackingNumber: string | null
      reason: string
      at: number
    }) => insertIssue.run(i),
    issueCount: () => issueCount.get()?.n ?? 0,
    /** Up to `limit` tracking numbers after `after` (in order) with an event at or after `fromSeq`. */
    storedTrackingNumbers: (after: string, fromSeq: number, limit: number): string[] =>
      storedTrackingNumbers.all(after, fromSeq, limit).map((r) => r.tn),
    /** The tracking numbers of the events with a sequence in (afterSeq, toSeq]. */
    trackingNumbersBetween: (afterSeq: number, toSeq: number): string[] =>
      trackingNumbersBetween.all(afterSeq, toSeq).map((r) => r.tn),
    /** SMS and call events with a sequence in (afterSeq, toSeq], in order. */
    followUpsBetween: (afterSeq: number, toSeq: number): EventRow[] => followUpsBetween.all(afterSeq, toSeq),
    /** How many events of tracking numbers in (after, last] have a sequence at or after `fromSeq`. */
    countStoredBetween: (after: string, last: string, fromSeq: number): number =>
      countStoredBetween.get(after, last, fromSeq)?.n ?? 0,
    /** An SMS about this application was sent: what the notifications' triggers would set, set now. */
    markSmsSent: (trackingNumber: string): void => void smsSent.run(trackingNumber),
    /** The sequence of the latest event here; 0 when there is none. */
    lastSeq: (): number => lastSeq.get()?.n ?? 0,
  }
}
export type ProjectionQueries = ReturnType<typeof projectionQueries>
