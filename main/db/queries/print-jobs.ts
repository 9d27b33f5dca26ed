import type { Database } from 'better-sqlite3-multiple-ciphers'

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

export interface UnprintedRow {
  id: number
  tracking_number: string
  kind: PrintJobRow['kind']
  copy: 0 | 1
  error: string | null
  may_have_printed: 0 | 1
  created_at: number
  customer_name: string
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
  // The newest failed job of each application whose latest receipt job failed and that never printed at all.
  const unprinted = db.prepare<[number, number], UnprintedRow>(
    `SELECT j.id, j.tracking_number, j.kind, j.copy, j.error, j.may_have_printed, j.created_at, a.customer_name
     FROM print_jobs j INDEXED BY print_jobs_failed
     JOIN applications a ON a.tracking_number = j.tracking_number
     WHERE j.status = 'failed' AND j.tracking_number IS NOT NULL AND j.created_at >= ?
       AND j.id = (SELECT max(l.id) FROM print_jobs l WHERE l.tracking_number = j.tracking_number)
       AND NOT EXISTS (SELECT 1 FROM print_jobs p WHERE p.tracking_number = j.tracking_number AND p.status = 'printed')
     ORDER BY j.id DESC LIMIT ?`,
  )
  return {
    /** Applications since `since` whose receipt has not printed, newest first (at most `limit`). */
    unprinted: (since: number, limit: number) => unprinted.all(since, limit),
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
