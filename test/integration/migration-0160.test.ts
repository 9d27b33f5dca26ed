import type Sqlite from 'better-sqlite3-multiple-ciphers'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrations'
import { scratchDatabase, versionBefore } from '../helpers/scratch-db'

/** Migration 0160: a partial index over failed receipt jobs, so the counter's "unprinted receipts" list stays short. */
describe('migration 0160 (unprinted receipts)', () => {
  const scratch = scratchDatabase()
  let db: Sqlite.Database
  beforeEach(() => {
    db = scratch.db
  })

  it('indexes the failed receipt jobs already there, and only those', () => {
    // The rows stand alone here: their applications do not matter to an index.
    db.pragma('foreign_keys = OFF')
    const previous = versionBefore(160)
    expect(migrate(db, previous)).toBe(previous)
    const insert = db.prepare(
      "INSERT INTO print_jobs (tracking_number, kind, status, printer, created_at) VALUES (?, 'receipt', ?, 'p', 1)",
    )
    insert.run('042012003660', 'failed')
    insert.run('042012003661', 'printed')
    insert.run(null, 'failed')
    expect(migrate(db, 160)).toBe(160)
    const viaIndex = db
      .prepare(
        "SELECT tracking_number AS tn FROM print_jobs INDEXED BY print_jobs_failed WHERE status = 'failed' AND tracking_number IS NOT NULL",
      )
      .all()
    expect(viaIndex).toEqual([{ tn: '042012003660' }])
  })
})
