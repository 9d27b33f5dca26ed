import type { Database } from 'better-sqlite3-multiple-ciphers'
import { REMINDER_GRACE_DAYS } from '../../../common/reminders'

/** A document on the shelf with what a return list shows. */
export interface ReturnRow {
  tracking_number: string
  service_code: string
  service_name: string
  agency: string
  agency_ref: string | null
  customer_name: string
  shelf_slot: string | null
  arrived_at: number
  retention_days: number
  status: string
  missing: 0 | 1
  last_reminder_at: number | null
}

export interface ManifestRow {
  id: number
  agency: string
  status: 'open' | 'confirmed' | 'cancelled'
  created_at: number
  created_by: string
  confirmed_at: number | null
  confirmed_by: string | null
  /** Set while a confirmation is under way (between its slices). */
  confirming_at: number | null
  documents: number
}

export interface ManifestItemRow extends ReturnRow {
  slot: string | null
  outcome: 'returned' | 'skipped' | null
  skip_reason: string | null
}

const RETURN_COLUMNS = `a.tracking_number, a.service_code, s.name_en AS service_name, s.agency, a.agency_ref,
  a.customer_name, a.shelf_slot, a.arrived_at, s.retention_days, a.status, a.missing, a.last_reminder_at`

/**
 * A reminder promises at least REMINDER_GRACE_DAYS more to collect: a document reminded since then is not due for
 * return yet, even past its retention period.
 */
const NO_PROMISE_PENDING = `(a.last_reminder_at IS NULL
  OR a.last_reminder_at < @todayMidnight - ${REMINDER_GRACE_DAYS * 86_400_000})`

/** Not already on an open manifest: a document goes on one paper at a time. */
const NOT_ON_OPEN_MANIFEST = `NOT EXISTS (SELECT 1 FROM return_manifest_items i JOIN return_manifests m
  ON m.id = i.manifest_id WHERE i.tracking_number = a.tracking_number AND m.status = 'open')`

/**
 * Queries of returns to the agency. "Past retention" is `arrived_at < today's Nairobi midnight − retention days`
 * per service. The statements are pinned to their indexes (see the query-plan test): on a 5-million-document
 * centre with 60,000 overdue documents the list page and the counts take milliseconds, not a second.
 */
export function returnQueries(db: Database) {
  // Oldest first along the shelf's arrival index: the oldest documents are the overdue ones, so the first page
  // is found in the first rows read. `latest` (today − the shortest retention) bounds the walk.
  const due = db.prepare<
    { todayMidnight: number; latest: number; agency: string | null; limit: number },
    ReturnRow
  >(
    `SELECT ${RETURN_COLUMNS} FROM applications a INDEXED BY applications_arrived_at
     JOIN services s ON s.code = a.service_code
     WHERE a.status = 'arrived' AND a.arrived_at < @latest
       AND a.arrived_at < @todayMidnight - s.retention_days * 86400000 AND a.missing = 0
       AND ${NO_PROMISE_PENDING}
       AND (@agency IS NULL OR s.agency = @agency) AND ${NOT_ON_OPEN_MANIFEST}
     ORDER BY a.arrived_at LIMIT @limit`,
  )
  // Per service, only its overdue range of the (status, service, arrival, missing) index: no table rows read.
  const dueByAgency = db.prepare<{ todayMidnight: number }, { agency: string; count: number }>(
    `SELECT s.agency, count(*) AS count FROM services s
     CROSS JOIN applications a INDEXED BY applications_shelf_service_age
     WHERE a.status = 'arrived' AND a.service_code = s.code
       AND a.arrived_at < @todayMidnight - s.retention_days * 86400000 AND a.missing = 0
       AND ${NO_PROMISE_PENDING}
     GROUP BY s.agency`,
  )
  // What open manifests already hold, taken off the counts above (a document is on one open manifest at most).
  // Read from the open manifests outwards: there are few of them, and the shelf is large.
  const onOpenManifests = db.prepare<{ todayMidnight: number }, { agency: string; count: number }>(
    `SELECT s.agency, count(*) AS count FROM return_manifests m INDEXED BY return_manifests_status
     CROSS JOIN return_manifest_items i
     CROSS JOIN applications a
     CROSS JOIN services s
     WHERE m.status = 'open' AND i.manifest_id = m.id AND a.tracking_number = i.tracking_number
       AND s.code = a.service_code AND a.status = 'arrived' AND a.missing = 0
       AND a.arrived_at < @todayMidnight - s.retention_days * 86400000 AND ${NO_PROMISE_PENDING}
     GROUP BY s.agency`,
  )
  // One agency with few overdue documents: read just its services' overdue ranges and sort them, rather than walk
  // the whole shelf by arrival looking for its documents.
  const dueForAgency = db.prepare<{ todayMidnight: number; agency: string; limit: number }, ReturnRow>(
    `SELECT ${RETURN_COLUMNS} FROM services s
     CROSS JOIN applications a INDEXED BY applications_shelf_service_age
     WHERE s.agency = @agency AND a.status = 'arrived' AND a.service_code = s.code
       AND a.arrived_at < @todayMidnight - s.retention_days * 86400000 AND a.missing = 0
       AND ${NO_PROMISE_PENDING}
       AND ${NOT_ON_OPEN_MANIFEST}
     ORDER BY a.arrived_at LIMIT @limit`,
  )
  const shortestRetention = db.prepare<[], { days: number | null }>(
    'SELECT min(retention_days) AS days FROM services',
  )
  const one = db.prepare<[string], ReturnRow & { on_open_manifest: number }>(
    `SELECT ${RETURN_COLUMNS}, NOT ${NOT_ON_OPEN_MANIFEST} AS on_open_manifest
     FROM applications a JOIN services s ON s.code = a.service_code WHERE a.tracking_number = ?`,
  )
  const insertManifest = db.prepare(
    `INSERT INTO return_manifests (agency, status, created_at, created_by) VALUES (?, 'open', ?, ?)`,
  )
  const insertItem = db.prepare(
    'INSERT INTO return_manifest_items (manifest_id, tracking_number, slot) VALUES (?, ?, ?)',
  )
  const manifestColumns = `m.id, m.agency, m.status, m.created_at, m.created_by, m.confirmed_at, m.confirmed_by,
    m.confirming_at,
    (SELECT count(*) FROM return_manifest_items i WHERE i.manifest_id = m.id) AS documents`
  const manifest = db.prepare<[number], ManifestRow>(
    `SELECT ${manifestColumns} FROM return_manifests m WHERE m.id = ?`,
  )
  const manifests = db.prepare<[number], ManifestRow>(
    `SELECT ${manifestColumns} FROM return_manifests m ORDER BY m.id DESC LIMIT ?`,
  )
  const items = db.prepare<[number], ManifestItemRow>(
    `SELECT ${RETURN_COLUMNS}, i.slot, i.outcome, i.skip_reason FROM return_manifest_items i
     JOIN applications a ON a.tracking_number = i.tracking_number JOIN services s ON s.code = a.service_code
     WHERE i.manifest_id = ? ORDER BY i.slot, a.tracking_number`,
  )
  const setOutcome = db.prepare(
    'UPDATE return_manifest_items SET outcome = ?, skip_reason = ? WHERE manifest_id = ? AND tracking_number = ?',
  )
  const confirm = db.prepare(
    `UPDATE return_manifests SET status = 'confirmed', confirmed_at = ?, confirmed_by = ?
     WHERE id = ? AND status = 'open'`,
  )
  const startConfirming = db.prepare(
    `UPDATE return_manifests SET confirming_at = ?, confirming_by = ?
     WHERE id = ? AND status = 'open' AND confirming_at IS NULL`,
  )
  const confirming = db.prepare<[number], { confirming_at: number | null; confirming_by: string | null }>(
    'SELECT confirming_at, confirming_by FROM return_manifests WHERE id = ?',
  )
  const unfinished = db.prepare<[], { id: number }>(
    `SELECT id FROM return_manifests INDEXED BY return_manifests_confirming
     WHERE confirming_at IS NOT NULL AND status = 'open' ORDER BY id`,
  )
  const pendingItems = db.prepare<[number, number], ManifestItemRow>(
    `SELECT ${RETURN_COLUMNS}, i.slot, i.outcome, i.skip_reason FROM return_manifest_items i
     JOIN applications a ON a.tracking_number = i.tracking_number JOIN services s ON s.code = a.service_code
     WHERE i.manifest_id = ? AND i.outcome IS NULL LIMIT ?`,
  )
  const outcomes = db.prepare<[number], { tracking_number: string; outcome: 'returned' | 'skipped' | null }>(
    'SELECT tracking_number, outcome FROM return_manifest_items WHERE manifest_id = ? ORDER BY tracking_number',
  )
  const cancel = db.prepare(
    `UPDATE return_manifests SET status = 'cancelled', cancelled_at = ?, cancelled_by = ?
     WHERE id = ? AND status = 'open'`,
  )
  return {
    /** The list statements' SQL, for the query-plan test. */
    sql: {
      due: due.source,
      dueByAgency: dueByAgency.source,
      onOpenManifests: onOpenManifests.source,
      dueForAgency: dueForAgency.source,
      items: items.source,
      one: one.source,
    },
    due: (p: { todayMidnight: number; agency: string | null; limit: number }) =>
      due.all({ ...p, latest: p.todayMidnight - (shortestRetention.get()?.days ?? 0) * 86_400_000 }),
    dueForAgency: (p: { todayMidnight: number; agency: string; limit: number }) => dueForAgency.all(p),
    dueByAgency(todayMidnight: number): { agency: string; count: number }[] {
      const held = new Map(onOpenManifests.all({ todayMidnight }).map((r) => [r.agency, r.count]))
      return dueByAgency
        .all({ todayMidnight })
        .map((r) => ({ agency: r.agency, count: r.count - (held.get(r.agency) ?? 0) }))
        .filter((r) => r.count > 0)
        .sort((a, b) => b.count - a.count || (a.agency < b.agency ? -1 : 1))
    },
    one: (tn: string) => one.get(tn) ?? null,
    insertManifest: (agency: string, now: number, by: string) =>
      Number(insertManifest.run(agency, now, by).lastInsertRowid),
    insertItem: (manifestId: number, tn: string, slot: string | null) => insertItem.run(manifestId, tn, slot),
    manifest: (id: number) => manifest.get(id) ?? null,
    manifests: (limit: number) => manifests.all(limit),
    items: (id: number) => items.all(id),
    setOutcome: (manifestId: number, tn: string, outcome: 'returned' | 'skipped', reason: string | null) =>
      setOutcome.run(outcome, reason, manifestId, tn),
    confirm: (id: number, now: number, by: string) => confirm.run(now, by, id).changes === 1,
    /** Records that a confirmation began (false if it is not open or another one began first). */
    startConfirming: (id: number, at: number, by: string) => startConfirming.run(at, by, id).changes === 1,
    confirming(id: number): { at: number; by: string } | null {
      const r = confirming.get(id)
      return r?.confirming_at != null && r.confirming_by != null
        ? { at: r.confirming_at, by: r.confirming_by }
        : null
    },
    /** Manifests whose confirmation began and did not finish (a crash between its slices). */
    unfinishedConfirmations: () => unfinished.all().map((r) => r.id),
    /** Up to `limit` items of a manifest that have no outcome yet. */
    pendingItems: (id: number, limit: number) => pendingItems.all(id, limit),
    outcomes: (id: number) => outcomes.all(id),
    cancel: (id: number, now: number, by: string) => cancel.run(now, by, id).changes === 1,
  }
}
export type ReturnQueries = ReturnType<typeof returnQueries>
