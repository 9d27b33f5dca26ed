import type { Database } from 'better-sqlite3-multiple-ciphers'
import { foldName } from '../../../common/name-search'

export interface ApplicationRow {
  tracking_number: string
  service_code: string
  customer_name: string
  phone: string
  id_number: string | null
  agency_ref: string | null
  language: 'en' | 'sw'
  sms_consent: 0 | 1
  notes: string | null
  status: 'registered' | 'arrived' | 'collected' | 'returned' | 'cancelled'
  registered_at: number
  registered_by: string
  expected_ready: string
  arrived_at: number | null
  collected_at: number | null
  shelf_slot: string | null
  updated_at: number
  arrived_by: string | null
  arrival_batch_id: number | null
  collected_by: string | null
  collector: string | null
  missing: 0 | 1
  damaged: 0 | 1
  returned_at: number | null
}

const SEARCH_LIMIT = 50

/**
 * The desk's scan look-ups, exported for the query-plan test: a scan must never become a table scan on a
 * 5-million-row centre, so each statement names its index (a dropped index then fails loudly).
 */
export const SCAN_LOOKUP_SQL = {
  /** Every application holding one agency reference, whatever its service: the desk chooses when there are several. */
  sharingAgencyRef: `SELECT * FROM applications INDEXED BY applications_agency_ref WHERE agency_ref = ?
     ORDER BY registered_at DESC LIMIT ${SEARCH_LIMIT}`,
  /** A JSON list of slots: one old week label stands for the same week of every year (see slotsForLabel). */
  onShelves: `SELECT * FROM applications INDEXED BY applications_shelf
     WHERE status = 'arrived' AND shelf_slot IN (SELECT value FROM json_each(?)) ORDER BY tracking_number`,
} as const

/**
 * Reads of `applications`. Every search uses an index (see the query-plan test). Rows are written only by the
 * projector (`projection.ts`): they are the fold of their events.
 */
export function applicationQueries(db: Database) {
  const byTracking = db.prepare<[string], ApplicationRow>(
    'SELECT * FROM applications WHERE tracking_number = ?',
  )
  const openForIdAndService = db.prepare<[string, string], ApplicationRow>(
    `SELECT * FROM applications WHERE id_number = ? AND service_code = ? AND status IN ('registered', 'arrived')
     ORDER BY registered_at DESC LIMIT 1`,
  )
  const byPhone = db.prepare<[string], ApplicationRow>(
    `SELECT * FROM applications WHERE phone = ? ORDER BY registered_at DESC LIMIT ${SEARCH_LIMIT}`,
  )
  const byIdNumber = db.prepare<[string], ApplicationRow>(
    `SELECT * FROM applications WHERE id_number = ? ORDER BY registered_at DESC LIMIT ${SEARCH_LIMIT}`,
  )
  const byAgencyRef = db.prepare<[string], ApplicationRow>(
    `SELECT * FROM applications WHERE agency_ref = ? ORDER BY registered_at DESC LIMIT ${SEARCH_LIMIT}`,
  )
  // The folded query is the start of one of the name's keys (migration 0140): a range on the key index. A name
  // with two words that both start with the query has two keys, hence twice the page, cut after de-duplicating.
  const byNameKey = db.prepare<[string, string], ApplicationRow>(
    `SELECT applications.* FROM application_name_keys JOIN applications USING (tracking_number)
     WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT ${2 * SEARCH_LIMIT}`,
  )
  const recent = db.prepare<[number], ApplicationRow>(
    'SELECT * FROM applications ORDER BY registered_at DESC LIMIT ?',
  )
  const sharingAgencyRef = db.prepare<[string], ApplicationRow>(SCAN_LOOKUP_SQL.sharingAgencyRef)
  const onShelves = db.prepare<[string], ApplicationRow>(SCAN_LOOKUP_SQL.onShelves)
  const slotOccupancy = db.prepare<[], { slot: string; n: number }>(
    "SELECT shelf_slot AS slot, count(*) AS n FROM applications WHERE status = 'arrived' GROUP BY shelf_slot",
  )
  const readyForPhone = db.prepare<[string], ApplicationRow>(
    "SELECT * FROM applications WHERE phone = ? AND status = 'arrived' ORDER BY arrived_at",
  )
  const readyForId = db.prepare<[string], ApplicationRow>(
    "SELECT * FROM applications WHERE id_number = ? AND status = 'arrived' ORDER BY arrived_at",
  )
  return {
    /** Applications whose stored agency reference is `ref` (trimmed, in capitals: the form the counter stores). */
    sharingAgencyRef: (ref: string) => sharingAgencyRef.all(ref.trim().toUpperCase()),
    onShelves: (slots: readonly string[]) => onShelves.all(JSON.stringify(slots)),
    slotOccupancy: (): Record<string, number> =>
      Object.fromEntries(slotOccupancy.all().map((r) => [r.slot ?? '', r.n])),
    readyForPhone: (phone: string) => readyForPhone.all(phone),
    readyForId: (id: string) => readyForId.all(id),
    byTracking: (tn: string) => byTracking.get(tn) ?? null,
    openForIdAndService: (idNumber: string, serviceCode: string) =>
      openForIdAndService.get(idNumber, serviceCode) ?? null,
    byPhone: (phone: string) => byPhone.all(phone),
    byIdNumber: (id: string) => byIdNumber.all(id),
    byAgencyRef: (ref: string) => byAgencyRef.all(ref),
    /** Case and diacritics ignored, from the start of any word: "zoe wanj" finds "Zöë Wanjikũ". */
    byName: (query: string): ApplicationRow[] => {
      const key = foldName(query)
      if (key === '') return []
      const seen = new Set<string>()
      return byNameKey
        .all(key, key + '\uffff')
        .filter((r) => !seen.has(r.tracking_number) && seen.add(r.tracking_number))
        .slice(0, SEARCH_LIMIT)
    },
    recent: (limit: number) => recent.all(limit),
  }
}
export type ApplicationQueries = ReturnType<typeof applicationQueries>
