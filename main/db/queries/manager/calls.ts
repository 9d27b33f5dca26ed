import type { Database } from 'better-sqlite3-multiple-ciphers'

export interface CallRow {
  id: number
  tracking_number: string
  at: number
  staff_number: string
  outcome: string
  note: string | null
}

/** The failed-delivery call log. */
export function callQueries(db: Database) {
  const insert = db.prepare<[string, number, string, string, string | null]>(
    'INSERT INTO call_log (tracking_number, at, staff_number, outcome, note) VALUES (?, ?, ?, ?, ?)',
  )
  const byId = db.prepare<[number | bigint], CallRow>('SELECT * FROM call_log WHERE id = ?')
  return {
    insert(tn: string, at: number, staffNumber: string, outcome: string, note: string | null): CallRow {
      const r = insert.run(tn, at, staffNumber, outcome, note)
      return byId.get(r.lastInsertRowid)!
    },
  }
}
export type CallQueries = ReturnType<typeof callQueries>
