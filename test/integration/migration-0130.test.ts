import type Sqlite from 'better-sqlite3-multiple-ciphers'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrations'
import { scratchDatabase, versionBefore } from '../helpers/scratch-db'

/**
 * Migration 0130 on a database with print jobs: every job that printed or failed counts as "may have left paper"
 * (an old failure cannot tell whether bytes went out, and a COPY mark too many is harmless), none is a copy.
 */
describe('migration 0130 (print paper)', () => {
  const scratch = scratchDatabase()
  let db: Sqlite.Database
  beforeEach(() => {
    db = scratch.db
  })

  it('migrates from the previous version: printed and failed jobs may have printed, none is a copy', () => {
    const previous = versionBefore(130)
    expect(migrate(db, previous)).toBe(previous)
    const insert = db.prepare(
      "INSERT INTO print_jobs (tracking_number, kind, status, printer, created_at) VALUES (NULL, 'test', ?, 'p', 1)",
    )
    for (const status of ['printed', 'failed', 'queued', 'preview-only']) insert.run(status)

    expect(migrate(db, 130)).toBe(130)
    const rows = db
      .prepare<[], { status: string; may_have_printed: number; copy: number }>(
        'SELECT status, may_have_printed, copy FROM print_jobs ORDER BY id',
      )
      .all()
    expect(rows).toEqual([
      { status: 'printed', may_have_printed: 1, copy: 0 },
      { status: 'failed', may_have_printed: 1, copy: 0 },
      { status: 'queued', may_have_printed: 0, copy: 0 },
      { status: 'preview-only', may_have_printed: 0, copy: 0 },
    ])
    expect(() => db.prepare('UPDATE print_jobs SET copy = 2 WHERE id = 1').run()).toThrow(/CHECK/)
  })
})
