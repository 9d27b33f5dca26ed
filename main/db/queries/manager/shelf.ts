import type { Database, Statement } from 'better-sqlite3-multiple-ciphers'

/**
 * Shelf backlog statements. Every one names `status = 'arrived'` literally so the partial indexes of migration 0080
 * apply, and says INDEXED BY which one: without statistics SQLite sometimes prefers a wider full-table index, which
 * at millions of rows means reading every shelf row from the table; and a dropped index then fails loudly instead of
 * silently scanning. The SQL is exported so the query-plan test explains exactly what runs here.
 */
export const SHELF_SQL = {
  // One range count per bucket: each walks only its slice of the index, several times faster than testing every
  // shelf row against six ranges.
  byAge: `SELECT ${[
    ['d0_7', 'arrived_at >= @b7'],
    ['d8_14', 'arrived_at >= @b14 AND arrived_at < @b7'],
    ['d15_30', 'arrived_at >= @b30 AND arrived_at < @b14'],
    ['d31_60', 'arrived_at >= @b60 AND arrived_at < @b30'],
    ['d61_90', 'arrived_at >= @b90 AND arrived_at < @b60'],
    ['d90plus', 'arrived_at < @b90'],
  ]
    .map(
      ([bucket, range]) =>
        `(SELECT count(*) FROM applications INDEXED BY applications_shelf_by_age
          WHERE status = 'arrived' AND ${range}) AS ${bucket}`,
    )
    .join(', ')}`,
  byService: `SELECT service_code AS key, count(*) AS n, min(arrived_at) AS oldest
              FROM applications INDEXED BY applications_shelf_by_service WHERE status = 'arrived'
              GROUP BY service_code`,
  bySlot: `SELECT shelf_slot AS key, count(*) AS n, min(arrived_at) AS oldest
           FROM applications INDEXED BY applications_shelf_by_slot WHERE status = 'arrived' GROUP BY shelf_slot`,
  bySms: `SELECT sms_outcome AS key, count(*) AS n
          FROM applications INDEXED BY applications_shelf_by_sms WHERE status = 'arrived' GROUP BY sms_outcome`,
  lastCall: `SELECT outcome, at, staff_number, note, (SELECT count(*) FROM call_log c2 WHERE c2.tracking_number = @tn) AS calls
             FROM call_log WHERE tracking_number = @tn ORDER BY id DESC LIMIT 1`,
}

export interface ShelfFilter {
  /** Arrived at or after (epoch ms). */
  from?: number | undefined
  /** Arrived before (epoch ms). */
  before?: number | undefined
  serviceCode?: string | undefined
  slot?: string | undefined
  /** null: never sent. */
  sms?: string | null | undefined
  /** Only the failed-delivery call list: SMS failed or invalid number. */
  callList?: boolean | undefined
  notCalled?: boolean | undefined
}

export type ShelfSort = 'oldest' | 'newest' | 'slot'

/** Where a page ends: the sort key of its last row (rowid breaks ties). */
export interface ShelfKey {
  arrivedAt: number
  slot: string
  rowid: number
}

export interface ShelfRow {
  rid: number
  tracking_number: string
  customer_name: string
  phone: string
  service_code: string
  shelf_slot: string | null
  arrived_at: number
  sms_outcome: string | null
  missing: number
  damaged: number
}

const ORDER: Record<ShelfSort, { by: string; after: string }> = {
  oldest: { by: 'arrived_at, rowid', after: '(arrived_at, rowid) > (@kArrived, @kRow)' },
  newest: { by: 'arrived_at DESC, rowid DESC', after: '(arrived_at, rowid) < (@kArrived, @kRow)' },
  slot: {
    by: 'shelf_slot, arrived_at, rowid',
    after: '(shelf_slot, arrived_at, rowid) > (@kSlot, @kArrived, @kRow)',
  },
}

/**
 * The index for a filter and order: the one led by the most selective equality, or the one already in the
 * requested order. Its trailing columns hold the other filters, so rows that do not match are skipped in the index.
 */
export function shelfIndex(f: ShelfFilter, sort: ShelfSort | null): string {
  if (f.slot !== undefined || sort === 'slot') return 'applications_shelf_by_slot'
  if (f.callList) return 'applications_call_list'
  if (f.sms !== undefined) return 'applications_shelf_by_sms'
  if (f.serviceCode !== undefined) return 'applications_shelf_by_service'
  return 'applications_shelf_by_age'
}

/** The WHERE clause for a filter; only the terms the filter uses. */
export function shelfWhere(f: ShelfFilter): string {
  const terms = ["status = 'arrived'"]
  if (f.from !== undefined) terms.push('arrived_at >= @from')
  if (f.before !== undefined) terms.push('arrived_at < @before')
  if (f.serviceCode !== undefined) terms.push('service_code = @serviceCode')
  if (f.slot !== undefined) terms.push('shelf_slot = @slot')
  if (f.sms === null) terms.push('sms_outcome IS NULL')
  else if (f.sms !== undefined) terms.push('sms_outcome = @sms')
  if (f.callList) terms.push("sms_outcome IN ('failed', 'invalid-number')")
  if (f.notCalled) {
    terms.push('NOT EXISTS (SELECT 1 FROM call_log c WHERE c.tracking_number = applications.tracking_number)')
  }
  return terms.join(' AND ')
}

export function shelfPageSql(f: ShelfFilter, sort: ShelfSort, after: boolean): string {
  const where = shelfWhere(f) + (after ? ` AND ${ORDER[sort].after}` : '')
  return `SELECT rowid AS rid, tracking_number, customer_name, phone, service_code, shelf_slot, arrived_at, sms_outcome,
                 missing, damaged
          FROM applications INDEXED BY ${shelfIndex(f, sort)} WHERE ${where} ORDER BY ${ORDER[sort].by} LIMIT @limit`
}

export function shelfCountSql(f: ShelfFilter): string {
  return `SELECT count(*) AS n FROM applications INDEXED BY ${shelfIndex(f, null)} WHERE ${shelfWhere(f)}`
}

/** Query module for the shelf backlog. Statements with variable filters are prepared once per shape and kept. */
export function shelfQueries(db: Database) {
  const byAge = db.prepare<Record<string, number>, Record<string, number>>(SHELF_SQL.byAge)
  const byService = db.prepare<[], { key: string; n: number; oldest: number }>(SHELF_SQL.byService)
  const bySlot = db.prepare<[], { key: string | null; n: number; oldest: number }>(SHELF_SQL.bySlot)
  const bySms = db.prepare<[], { key: string | null; n: number }>(SHELF_SQL.bySms)
  const lastCall = db.prepare<
    { tn: string },
    { outcome: string; at: number; staff_number: string; note: string | null; calls: number }
  >(SHELF_SQL.lastCall)
  const cache = new Map<string, Statement>()
  const prepared = (sql: string): Statement => {
    let s = cache.get(sql)
    if (!s) {
      s = db.prepare(sql)
      cache.set(sql, s)
    }
    return s
  }
  const params = (f: ShelfFilter): Record<string, unknown> => {
    const p: Record<string, unknown> = {}
    if (f.from !== undefined) p.from = f.from
    if (f.before !== undefined) p.before = f.before
    if (f.serviceCode !== undefined) p.serviceCode = f.serviceCode
    if (f.slot !== undefined) p.slot = f.slot
    if (typeof f.sms === 'string') p.sms = f.sms
    return p
  }
  return {
    /** Counts per age bucket; `bounds` are the start instants of the Nairobi days 7, 14, 30, 60 and 90 days ago. */
    byAge: (bounds: { b7: number; b14: number; b30: number; b60: number; b90: number }) => byAge.get(bounds)!,
    byService: () => byService.all(),
    bySlot: () => bySlot.all(),
    bySms: () => bySms.all(),
    page(f: ShelfFilter, sort: ShelfSort, limit: number, after: ShelfKey | null): ShelfRow[] {
      const p = params(f)
      p.limit = limit
      if (after) {
        p.kArrived = after.arrivedAt
        p.kRow = after.rowid
        if (sort === 'slot') p.kSlot = after.slot
      }
      return prepared(shelfPageSql(f, sort, after !== null)).all(p) as ShelfRow[]
    },
    count: (f: ShelfFilter): number => (prepared(shelfCountSql(f)).get(params(f)) as { n: number }).n,
    lastCall: (tn: string) => lastCall.get({ tn }) ?? null,
  }
}
export type ShelfQueries = ReturnType<typeof shelfQueries>
