import type { Database, Statement } from 'better-sqlite3-multiple-ciphers'

/**
 * Documents still at the agency past their expected-ready date. `status = 'registered'` is literal so the partial
 * indexes of migration 0080 apply. SQL exported for the query-plan test.
 */
export const OVERDUE_SQL = {
  byService: `SELECT service_code AS key, count(*) AS n, min(expected_ready) AS oldest
              FROM applications INDEXED BY applications_awaiting_by_service
              WHERE status = 'registered' AND expected_ready < @today GROUP BY service_code`,
}

/** One service: the index led by it. Several or all: the one in expected-ready order, services checked in it. */
export const overdueIndex = (f: OverdueFilter): string =>
  f.serviceCodes?.length === 1 ? 'applications_awaiting_by_service' : 'applications_awaiting'

export interface OverdueFilter {
  serviceCodes?: readonly string[] | undefined
}

export interface OverdueKey {
  expectedReady: string
  rowid: number
}

export interface OverdueRow {
  rid: number
  tracking_number: string
  customer_name: string
  phone: string
  service_code: string
  registered_at: number
  expected_ready: string
}

export function overdueWhere(f: OverdueFilter): string {
  const terms = ["status = 'registered'", 'expected_ready < @today']
  if (f.serviceCodes) {
    terms.push(`service_code IN (${f.serviceCodes.map((_, i) => `@s${i}`).join(', ') || 'NULL'})`)
  }
  return terms.join(' AND ')
}

export function overduePageSql(f: OverdueFilter, after: boolean): string {
  const where = overdueWhere(f) + (after ? ' AND (expected_ready, rowid) > (@kExpected, @kRow)' : '')
  return `SELECT rowid AS rid, tracking_number, customer_name, phone, service_code, registered_at, expected_ready
          FROM applications INDEXED BY ${overdueIndex(f)} WHERE ${where} ORDER BY expected_ready, rowid LIMIT @limit`
}

export function overdueCountSql(f: OverdueFilter): string {
  const index = f.serviceCodes ? 'applications_awaiting_by_service' : 'applications_awaiting'
  return `SELECT count(*) AS n FROM applications INDEXED BY ${index} WHERE ${overdueWhere(f)}`
}

export function overdueQueries(db: Database) {
  const byService = db.prepare<{ today: string }, { key: string; n: number; oldest: string }>(
    OVERDUE_SQL.byService,
  )
  const cache = new Map<string, Statement>()
  const prepared = (sql: string): Statement => {
    let s = cache.get(sql)
    if (!s) {
      s = db.prepare(sql)
      cache.set(sql, s)
    }
    return s
  }
  const params = (f: OverdueFilter, today: string): Record<string, unknown> => {
    const p: Record<string, unknown> = { today }
    f.serviceCodes?.forEach((c, i) => (p[`s${i}`] = c))
    return p
  }
  return {
    byService: (today: string) => byService.all({ today }),
    page(f: OverdueFilter, today: string, limit: number, after: OverdueKey | null): OverdueRow[] {
      const p = params(f, today)
      p.limit = limit
      if (after) {
        p.kExpected = after.expectedReady
        p.kRow = after.rowid
      }
      return prepared(overduePageSql(f, after !== null)).all(p) as OverdueRow[]
    },
    count: (f: OverdueFilter, today: string): number =>
      (prepared(overdueCountSql(f)).get(params(f, today)) as { n: number }).n,
  }
}
export type OverdueQueries = ReturnType<typeof overdueQueries>
