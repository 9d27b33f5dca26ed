import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach } from 'vitest'
import { MIGRATIONS } from '../../main/db/migrations'
import { tempDir } from './temp-dir'

/**
 * An empty SQLite file in a temp dir for each test of the calling describe, closed and removed after it: what a
 * migration test migrates to N-10, fills, and migrates to N. Read `.db` inside the tests.
 */
export function scratchDatabase(): { readonly db: Database } {
  let tmp: ReturnType<typeof tempDir> | null = null
  let db: Database | null = null
  beforeEach(() => {
    tmp = tempDir()
    db = new Sqlite(`${tmp.dir}/m.sqlite`)
  })
  afterEach(() => {
    db?.close()
    tmp?.cleanup()
  })
  return {
    get db(): Database {
      if (!db) throw new Error('scratchDatabase().db is only there inside a test')
      return db
    },
  }
}

/** The version of the migration before `version` (0 when it is the first). */
export const versionBefore = (version: number): number =>
  MIGRATIONS.filter((m) => m.version < version).at(-1)?.version ?? 0
