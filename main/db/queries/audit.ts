import type { Database, Statement } from 'better-sqlite3-multiple-ciphers'
import type { AuditEntry } from '../../../common/contract'

interface AuditRow {
  id: number
  at: number
  staff_number: string | null
  action: string
  detail: string
}

export interface AuditFilter {
  limit: number
  staffNumber?: string | undefined
  action?: string | undefined
  /** Epoch ms, inclusive. */
  fromAt?: number | undefined
  /** Epoch ms, exclusive. */
  toAt?: number | undefined
  trackingNumber?: string | undefined
}

/** The tracking numbers an audit row is about: `detail.trackingNumber` and `detail.trackingNumbers`. */
function trackingNumbersOf(detail: Record<string, unknown>): string[] {
  const out = new Set<string>()
  if (typeof detail.trackingNumber === 'string') out.add(detail.trackingNumber)
  if (Array.isArray(detail.trackingNumbers))
    for (const tn of detail.trackingNumbers) if (typeof tn === 'string') out.add(tn)
  return [...out]
}

/**
 * Queries on the append-only `audit_log`. The viewer's filters combine freely; each combination gets its own
 * statement (prepared once) so SQLite can pick the index for it instead of one catch-all `(? IS NULL OR …)` plan.
 */
export function auditQueries(db: Database) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, staff_number, action, detail) VALUES (@at, @staffNumber, @action, @detail)',
  )
  const insertTracking = db.prepare(
    'INSERT OR IGNORE INTO audit_tracking (audit_id, tracking_number) VALUES (?, ?)',
  )
  const lists = new Map<string, Statement<Record<string, unknown>, AuditRow>>()
  const listStatement = (f: AuditFilter) => {
    const where: string[] = []
    if (f.staffNumber !== undefined) where.push('a.staff_number = @staffNumber')
    if (f.action !== undefined) where.push('a.action = @action')
    if (f.fromAt !== undefined) where.push('a.at >= @fromAt')
    if (f.toAt !== undefined) where.push('a.at < @toAt')
    if (f.trackingNumber !== undefined)
      where.push('a.id IN (SELECT audit_id FROM audit_tracking WHERE tracking_number = @trackingNumber)')
    const key = where.join(' AND ')
    let stmt = lists.get(key)
    if (!stmt) {
      stmt = db.prepare<Record<string, unknown>, AuditRow>(
        `SELECT a.* FROM audit_log a ${key ? `WHERE ${key}` : ''} ORDER BY a.id DESC LIMIT @limit`,
      )
      lists.set(key, stmt)
    }
    return stmt
  }
  return {
    // One transaction (a savepoint inside the caller's): the row and its tracking numbers commit together, with
    // one sync to disk rather than one per tracking number.
    write: db.transaction(
      (p: { at: number; staffNumber: string | null; action: string; detail?: Record<string, unknown> }) => {
        const detail = p.detail ?? {}
        const r = insert.run({ ...p, detail: JSON.stringify(detail) })
        for (const tn of trackingNumbersOf(detail)) insertTracking.run(r.lastInsertRowid, tn)
        return r
      },
    ),
    list: (f: AuditFilter): AuditEntry[] => {
      const params: Record<string, unknown> = { limit: f.limit }
      for (const k of ['staffNumber', 'action', 'fromAt', 'toAt', 'trackingNumber'] as const)
        if (f[k] !== undefined) params[k] = f[k]
      return listStatement(f)
        .all(params)
        .map((r) => ({
          id: r.id,
          at: r.at,
          staffNumber: r.staff_number,
          action: r.action,
          detail: JSON.parse(r.detail) as Record<string, unknown>,
        }))
    },
    /** The SQL a filter runs, for the query-plan test. */
    listSql: (f: AuditFilter): string => listStatement(f).source,
  }
}
export type AuditQueries = ReturnType<typeof auditQueries>
