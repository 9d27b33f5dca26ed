import type { Database } from 'better-sqlite3'

export interface PrintJobRow {
  id: number
  tracking_number: string | null
  kind: 'receipt' | 'reprint' | 'test'
  status: 'queued' | 'printed' | 'failed' | 'preview-only'
  printer: string
  reason: string | null
  error: string | null
  staff_number: string | null
  created_at: number
  finished_at: number | null
}

/** Queries on `print_jobs`: one row per receipt sent (or not) to a printer, so no failed print goes unseen. */
export function printJobQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO print_jobs (tracking_number, kind, status, printer, reason, staff_number, created_at)
     VALUES (@trackingNumber, @kind, @status, @printer, @reason, @staffNumber, @now)`,
  )
  const finish = db.prepare(
    'UPDATE print_jobs SET status = @status, error = @error, finished_at = @now WHERE id = @id',
  )
  const byId = db.prepare<[number], PrintJobRow>('SELECT * FROM print_jobs WHERE id = ?')
  const forApplication = db.prepare<[string], PrintJobRow>(
    'SELECT * FROM print_jobs WHERE tracking_number = ? ORDER BY id DESC',
  )
  return {
    insert: (p: {
      trackingNumber: string | null
      kind: PrintJobRow['kind']
      status: PrintJobRow['status']
      printer: string
      reason: string | null
      staffNumber: string | null
      now: number
    }): number => Number(insert.run(p).lastInsertRowid),
    finish: (p: { id: number; status: PrintJobRow['status']; error: string | null; now: number }) =>
      finish.run(p),
    byId: (id: number) => byId.get(id) ?? null,
    forApplication: (tn: string) => forApplication.all(tn),
  }
}
export type PrintJobQueries = ReturnType<typeof printJobQueries>
