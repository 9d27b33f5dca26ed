import type { Database } from 'better-sqlite3'
import type { AuditEntry } from '../../../common/contract'

interface AuditRow {
  id: number
  at: number
  staff_number: string | null
  action: string
  detail: string
}

/** Queries on the append-only `audit_log`. */
export function auditQueries(db: Database) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, staff_number, action, detail) VALUES (@at, @staffNumber, @action, @detail)',
  )
  const list = db.prepare<{ limit: number; staffNumber: string | null; action: string | null }, AuditRow>(
    `SELECT * FROM audit_log
     WHERE (@staffNumber IS NULL OR staff_number = @staffNumber) AND (@action IS NULL OR action = @action)
     ORDER BY id DESC LIMIT @limit`,
  )
  return {
    write: (p: {
      at: number
      staffNumber: string | null
      action: string
      detail?: Record<string, unknown>
    }) => insert.run({ ...p, detail: JSON.stringify(p.detail ?? {}) }),
    list: (p: {
      limit: number
      staffNumber?: string | undefined
      action?: string | undefined
    }): AuditEntry[] =>
      list.all({ limit: p.limit, staffNumber: p.staffNumber ?? null, action: p.action ?? null }).map((r) => ({
        id: r.id,
        at: r.at,
        staffNumber: r.staff_number,
        action: r.action,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      })),
  }
}
export type AuditQueries = ReturnType<typeof auditQueries>
