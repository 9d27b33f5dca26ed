import type { Database, Statement } from 'better-sqlite3-multiple-ciphers'
import type { AuditEntry } from '../../../common/contract'
import { maskPersonal } from '../../../common/mask-personal'
import { chainHash, type AuditChainRow, type AuditHead } from '../audit-chain'

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
 * Queries on the append-only, hash-chained `audit_log` (main/db/audit-chain.ts). The viewer's filters combine freely;
 * each combination gets its own statement (prepared once) so SQLite can pick the index for it instead of one
 * catch-all `(? IS NULL OR …)` plan.
 */
export function auditQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO audit_log (id, at, staff_number, action, detail, hash)
     VALUES (@id, @at, @staff_number, @action, @detail, @hash)`,
  )
  const readHead = db.prepare<[], AuditHead>('SELECT last_id, count, hash FROM audit_head WHERE one = 1')
  const lastId = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM audit_log')
  const moveHead = db.prepare<[number, string]>(
    'UPDATE audit_head SET last_id = ?, count = count + 1, hash = ? WHERE one = 1',
  )
  const chainPage = db.prepare<[number, number], AuditChainRow>(
    'SELECT id, at, staff_number, action, detail, hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?',
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
    // One transaction (a savepoint inside the caller's): the row, the head record it moves and its tracking numbers
    // commit together with the change the row records, with one sync to disk rather than one per tracking number.
    // The detail is masked first (no raw ID number, phone or customer name), and the hash covers what is stored.
    write: db.transaction(
      (p: { at: number; staffNumber: string | null; action: string; detail?: Record<string, unknown> }) => {
        const detail = maskPersonal(p.detail ?? {})
        const head = readHead.get()
        if (!head)
          throw new Error('the audit head record is missing: nothing can be audited (see migration 0180)')
        // Next after the head, or after a row written around it (which the check then reports).
        const id = Math.max(head.last_id, lastId.get()?.id ?? 0) + 1
        const row = {
          id,
          at: p.at,
          staff_number: p.staffNumber,
          action: p.action,
          detail: JSON.stringify(detail),
        }
        const hash = chainHash(head.hash, row)
        const r = insert.run({ ...row, hash })
        moveHead.run(id, hash)
        for (const tn of trackingNumbersOf(detail)) insertTracking.run(id, tn)
        return r
      },
    ),
    /** Up to `limit` rows after `afterId` as the chain check reads them, oldest first. */
    chainPage: (afterId: number, limit: number): AuditChainRow[] => chainPage.all(afterId, limit),
    head: (): AuditHead | null => readHead.get() ?? null,
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
