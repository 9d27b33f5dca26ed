import Sqlite, { type Database } from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseRecovery } from '../../common/contract'
import type { Clock } from '../services/clock'
import type { Logger } from '../services/logger'
import { latestBackup } from './backup'
import { DatabaseTooNewError, LATEST_VERSION, migrate } from './migrations'
import { registerSqlFunctions } from './sql-functions'

export const DB_FILE = 'tms.sqlite'

export interface OpenedDatabase {
  db: Database
  file: string
  /** Set when the file on disk was damaged and had to be moved aside. */
  recovery: DatabaseRecovery | null
}

/**
 * Writer pragmas. better-sqlite3 leaves WAL at synchronous=NORMAL, where a commit acknowledged to the clerk can
 * vanish on power loss while the customer already holds a printed receipt: FULL syncs the WAL on every commit.
 */
function configure(db: Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  registerSqlFunctions(db)
}

function check(db: Database): string | null {
  const rows = db.pragma('quick_check') as { quick_check: string }[]
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
  return problems.length === 0 ? null : problems.slice(0, 3).join('; ')
}

/** Opens (creating if needed) the database, checks it, migrates it. Throws only for a too-new schema. */
export function openDatabase(dataDir: string, clock: Clock, logger: Logger): OpenedDatabase {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, DB_FILE)
  let recovery: DatabaseRecovery | null = null

  let db: Database | null = null
  let problem: string | null
  try {
    db = new Sqlite(file)
    // Before any pragma that writes (WAL changes the header): a too-new file must stay byte for byte as it was.
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > LATEST_VERSION) {
      db.close()
      throw new DatabaseTooNewError(version)
    }
    configure(db)
    problem = check(db)
  } catch (err) {
    if (err instanceof DatabaseTooNewError) throw err
    problem = err instanceof Error ? err.message : String(err)
  }

  if (problem !== null) {
    db?.close()
    logger.error('database failed its check; moving it aside', { file, problem })
    recovery = recover(dataDir, file, problem, clock)
    db = new Sqlite(file)
    configure(db)
  }
  if (!db) throw new Error('unreachable: database not opened')

  try {
    migrate(db)
  } catch (err) {
    // A too-new schema (DatabaseTooNewError) or a failed step: leave the file exactly as it was.
    db.close()
    throw err
  }
  return { db, file, recovery }
}

function recover(dataDir: string, file: string, reason: string, clock: Clock): DatabaseRecovery {
  const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-')
  const aside = `${file}.damaged-${stamp}`
  fs.renameSync(file, aside)
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix)
  }
  const backup = latestBackup(dataDir)
  if (backup) fs.copyFileSync(backup, file)
  return { at: clock.now(), reason, movedAsideTo: aside, restoredFrom: backup }
}
