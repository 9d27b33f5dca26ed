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
  /** 1 when any byte of the job may have reached the printer (printed, or failed after sending began). */
  may_have_printed: 0 | 1
  /** 1 when the paper says COPY. */
  copy: 0 | 1
}

/** Queries on `print_jobs`: one row per receipt sent (or not) to a printer, so no failed print goes unseen. */
export function printJobQueries(db: Database) {
  const insert = db.prepare(
    `INSERT INTO print_jobs (tracking_number, kind, status, printer, reason, staff_number, created_at, copy)
     VALUES (@trackingNumber, @kind, @status, @printer, @reason, @staffNumber, @now, @copy)`,
  )
  const finish = db.prepare(
    `UPDATE print_jobs SET status = @status, error = @error, finished_at = @now, may_have_printed = @mayHavePrinted
     WHERE id = @id`,
  )
  // Jobs still queued when the app stopped: whether bytes went out is unknown, so they may have printed.
  const failUnfinished = db.prepare(
    `UPDATE print_jobs SET status = 'failed', error = @error, finished_at = @now, may_have_printed = 1
     WHERE status = 'queued'`,
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
      copy: boolean
    }): number => Number(insert.run({ ...p, copy: p.copy ? 1 : 0 }).lastInsertRowid),
    finish: (p: {
      id: number
      status: PrintJobRow['status']
      error: string | null
      now: number
      mayHavePrinted: boolean
    }) => finish.run({ ...p, mayHavePrinted: p.mayHavePrinted ? 1 : 0 }),
    /** Marks every job left queued (the app stopped mid-print) as failed; returns how many. */
    failUnfinished: (p: { error: string; now: number }): number => failUnfinished.run(p).changes,
    byId: (id: number) => byId.get(id) ?? null,
    forApplication: (tn: string) => forApplication.all(tn),
  }
}
export type PrintJobQueries = ReturnType<typeof printJobQueries>
