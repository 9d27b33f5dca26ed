import type { Database } from 'better-sqlite3-multiple-ciphers'

export interface BatchRow {
  id: number
  agency: string
  manifest_ref: string | null
  expected_count: number | null
  status: 'open' | 'closed'
  opened_at: number
  opened_by: string
  closed_at: number | null
  closed_by: string | null
  report: string | null
}

export type ScanOutcome = 'arrived' | 'rescan' | 'collected' | 'returned' | 'unknown' | 'invalid'

export interface BatchScanRow {
  id: number
  batch_id: number
  code: string
  at: number
  staff_number: string
  outcome: ScanOutcome
  tracking_number: string | null
  slot: string | null
  resolved: 0 | 1
}

/** Queries on arrival batches, their expected lists and their scans. */
export function arrivalQueries(db: Database) {
  const insertBatch = db.prepare(
    `INSERT INTO arrival_batches (agency, manifest_ref, expected_count, status, opened_at, opened_by)
     VALUES (@agency, @manifestRef, @expectedCount, 'open', @now, @by)`,
  )
  const insertExpected = db.prepare('INSERT OR IGNORE INTO batch_expected (batch_id, code) VALUES (?, ?)')
  const byId = db.prepare<[number], BatchRow>('SELECT * FROM arrival_batches WHERE id = ?')
  const recent = db.prepare<[number], BatchRow>('SELECT * FROM arrival_batches ORDER BY id DESC LIMIT ?')
  const expected = db.prepare<[number], { code: string }>(
    'SELECT code FROM batch_expected WHERE batch_id = ?',
  )
  const insertScan = db.prepare(
    `INSERT INTO batch_scans (batch_id, code, at, staff_number, outcome, tracking_number, slot)
     VALUES (@batchId, @code, @at, @staffNumber, @outcome, @trackingNumber, @slot)`,
  )
  const scans = db.prepare<[number], BatchScanRow>('SELECT * FROM batch_scans WHERE batch_id = ? ORDER BY id')
  const scanById = db.prepare<[number], BatchScanRow>('SELECT * FROM batch_scans WHERE id = ?')
  const resolveScan = db.prepare(
    'UPDATE batch_scans SET resolved = 1, tracking_number = @trackingNumber WHERE id = @id',
  )
  const close = db.prepare(
    `UPDATE arrival_batches SET status = 'closed', closed_at = @now, closed_by = @by, report = @report
     WHERE id = @id AND status = 'open'`,
  )
  return {
    insertBatch: (p: {
      agency: string
      manifestRef: string | null
      expectedCount: number | null
      now: number
      by: string
    }) => Number(insertBatch.run(p).lastInsertRowid),
    insertExpected: (batchId: number, code: string) => insertExpected.run(batchId, code),
    byId: (id: number) => byId.get(id) ?? null,
    recent: (limit: number) => recent.all(limit),
    expected: (batchId: number) => expected.all(batchId).map((r) => r.code),
    insertScan: (p: {
      batchId: number
      code: string
      at: number
      staffNumber: string
      outcome: ScanOutcome
      trackingNumber: string | null
      slot: string | null
    }) => Number(insertScan.run(p).lastInsertRowid),
    scans: (batchId: number) => scans.all(batchId),
    scanById: (id: number) => scanById.get(id) ?? null,
    resolveScan: (id: number, trackingNumber: string | null) => resolveScan.run({ id, trackingNumber }),
    close: (p: { id: number; now: number; by: string; report: string }) => close.run(p).changes === 1,
  }
}
export type ArrivalQueries = ReturnType<typeof arrivalQueries>
