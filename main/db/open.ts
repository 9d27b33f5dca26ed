import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseRecovery } from '../../common/contract'
import type { Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'
import { backupDir, backupsNewestFirst } from './backup'
import { encryptInPlace, keyFingerprint, openKeyed } from './cipher'
import { DB_FILE, isPlaintextDatabase, type DatabaseKey } from './data-files'
import { DatabaseKeyError, keyFromFile, writeOwnerOnly } from './key-file'
import { errorCode, isIoError } from './storage-fault'
import { DatabaseTooNewError, LATEST_VERSION, migrate } from './migrations'
import { registerSqlFunctions } from './sql-functions'
import { hasDeferredIndexes, restoreIndexesNow } from './deferred-indexes'

export { DB_FILE }

export interface OpenedDatabase {
  db: Database
  file: string
  /** The key the file is encrypted with (see main/db/cipher.ts). */
  key: DatabaseKey
  /** Set when the file on disk was damaged and had to be moved aside. */
  recovery: DatabaseRecovery | null
  /** The full check was too slow for start-up and is the caller's to run in the background (see below). */
  checkDeferred: boolean
}

/**
 * Files up to this size are checked in full before the app opens (well under a second). A larger one — a
 * 2.8 GB centre takes 5.5 s warm and far longer cold — opens at once and is checked on a worker thread
 * (`verifyDatabaseFile`, live); damage found there is written to CHECK_FAILED_FILE, and the next start treats
 * the file as damaged.
 */
export const SYNC_CHECK_MAX_BYTES = 64 * 1024 * 1024

/** Beside the database: the background check's finding, read at the next start. */
export const CHECK_FAILED_FILE = `${DB_FILE}.check-failed`

/**
 * Beside the database: the fingerprint of the key it is encrypted with. SQLite says "file is not a database" both
 * for a damaged first page and for a key that does not fit; only the first may lead to recovery (which moves the
 * file aside), so a key that does not match this fingerprint stops start-up instead.
 */
export const KEY_ID_FILE = `${DB_FILE}.key-id`

/**
 * Writer pragmas. better-sqlite3 leaves WAL at synchronous=NORMAL, where a commit acknowledged to the clerk can
 * vanish on power loss while the customer already holds a printed receipt: FULL syncs the WAL on every commit.
 */
function configure(db: Database): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Deleted and overwritten content is zeroed, so an erased customer's details leave no trace in the file's free
  // pages (the retention run and erasure requests rely on it).
  db.pragma('secure_delete = ON')
  // Every page SQLite's own cache misses is read back from the file and decrypted. At the library's 16 MB the four
  // figures of backlog.summary on the 5M centre evicted each other's pages: 105 ms p50 encrypted against 42 ms in
  // plain text; at 64 MiB, 22–29 ms (bench/manager.bench.ts). The cache fills only as pages are read.
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
  registerSqlFunctions(db)
}

/** The writer's page cache, in KiB (SQLite's negative cache_size). */
export const PAGE_CACHE_KIB = 64 * 1024

/**
 * A start-up failure that is not damage: a full disk, an I/O or permission error, a locked file. Nothing is moved
 * or renamed; the app stops with this message and starts normally once the cause is fixed.
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly file: string,
    readonly sqliteCode: string | null,
    cause: string,
    message?: string,
  ) {
    super(message ?? unavailableMessage(file, sqliteCode, cause))
    this.name = 'DatabaseUnavailableError'
  }
}

function unavailableMessage(file: string, code: string | null, cause: string): string {
  if (code === 'SQLITE_FULL' || /ENOSPC/.test(cause))
    return `The disk holding ${file} is full. Nothing was changed: free some space, then start the app again.`
  if (
    code?.startsWith('SQLITE_READONLY') ||
    code?.startsWith('SQLITE_PERM') ||
    /EACCES|EPERM|EROFS/.test(cause)
  )
    return `The app may not write ${file} (${cause}). Nothing was changed: check the folder's permissions, then start again.`
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED'))
    return `${file} is in use by another program (${cause}). Close it (or the other copy of this app), then start again.`
  return `The data file ${file} could not be read (${cause}). Nothing was changed: check the disk, then start again.`
}

/** SQLite's result codes that mean the file itself is damaged; every other failure is about its surroundings. */
const DAMAGE_CODES = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_SEQUENCE',
  'SQLITE_NOTADB',
])

export function isDamage(err: unknown): boolean {
  const code = errorCode(err)
  return code !== null && (DAMAGE_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'))
}

/** Under 1 MiB left: too little for SQLite to open a WAL database and do any work. */
function diskNearlyFull(dataDir: string): boolean {
  try {
    const st = fs.statfsSync(dataDir)
    return st.bavail * st.bsize < 1024 * 1024
  } catch {
    return false
  }
}

function check(db: Database): string | null {
  const rows = db.pragma('quick_check') as { quick_check: string }[]
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
  return problems.length === 0 ? null : problems.slice(0, 3).join('; ')
}

/**
 * Opens (creating if needed) the database, checks it, migrates it. Only real damage (SQLITE_CORRUPT, SQLITE_NOTADB,
 * a failing quick_check) leads to recovery; any other failure throws DatabaseUnavailableError and touches nothing.
 * A too-new schema throws DatabaseTooNewError, also touching nothing.
 */
export function openDatabase(
  dataDir: string,
  clock: Clock,
  logger: Logger,
  opts: { syncCheckMaxBytes?: number; key?: DatabaseKey } = {},
): OpenedDatabase {
  // The folder and every file in it are its owner's only: the database, its -wal and -shm (SQLite gives them the
  // database file's mode), the key file, the backups.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  fs.chmodSync(dataDir, 0o700)
  const file = path.join(dataDir, DB_FILE)
  if (fs.existsSync(backupDir(dataDir))) fs.chmodSync(backupDir(dataDir), 0o700)
  const key = databaseKey(dataDir, file, opts.key)
  encryptPlaintextFiles(dataDir, file, key, logger)
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600))
  for (const suffix of ['', '-wal', '-shm'])
    if (fs.existsSync(file + suffix)) fs.chmodSync(file + suffix, 0o600)
  let recovery: DatabaseRecovery | null = null

  let db: Database | null = null
  let problem: string | null
  let checkDeferred = false
  try {
    db = openKeyed(file, key)
    // Before any pragma that writes (WAL changes the header): a too-new file must stay byte for byte as it was.
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > LATEST_VERSION) {
      db.close()
      throw new DatabaseTooNewError(version)
    }
    configure(db)
    const found = readCheckFailed(dataDir)
    checkDeferred =
      found === null && fs.statSync(file).size > (opts.syncCheckMaxBytes ?? SYNC_CHECK_MAX_BYTES)
    problem = found ?? (checkDeferred ? null : check(db))
  } catch (err) {
    if (err instanceof DatabaseTooNewError) throw err
    const cause = err instanceof Error ? err.message : String(err)
    if (!isDamage(err)) {
      db?.close()
      // SQLite reports a full disk at open as a plain I/O error (it cannot grow the WAL index): ask the disk.
      const code = isIoError(err) && diskNearlyFull(dataDir) ? 'SQLITE_FULL' : errorCode(err)
      logger.error('database could not be opened; nothing was moved', { file, cause, code: errorCode(err) })
      throw new DatabaseUnavailableError(file, code, cause)
    }
    problem = cause
  }

  if (problem !== null) {
    db?.close()
    logger.error('database is damaged; restoring the newest good backup', { file, problem })
    recovery = recover(dataDir, file, key, problem, clock, logger)
    fs.rmSync(path.join(dataDir, CHECK_FAILED_FILE), { force: true })
    checkDeferred = false
    db = openKeyed(file, key)
    configure(db)
  }
  if (!db) throw new Error('unreachable: database not opened')

  try {
    // A catch-up stopped while it had the application indexes set aside (main/db/deferred-indexes.ts): they are
    // built before anything reads, or a migration changes, the schema (about 3 s at 400,000 applications, once).
    if (hasDeferredIndexes(db)) {
      logger.warn('building the application indexes a stopped catch-up set aside')
      restoreIndexesNow(db)
    }
    migrate(db)
  } catch (err) {
    // A too-new schema (DatabaseTooNewError) or a failed step: leave the file exactly as it was.
    db.close()
    throw err
  }
  const keyId = path.join(dataDir, KEY_ID_FILE)
  if (!fs.existsSync(keyId)) writeOwnerOnly(keyId, `${keyFingerprint(key)}\n`)
  return { db, file, key, recovery, checkDeferred }
}

/** The key given (the desktop app's, from the keyring) or the key file's; refused when it does not fit the file. */
function databaseKey(dataDir: string, file: string, given: DatabaseKey | undefined): DatabaseKey {
  let key: DatabaseKey
  try {
    key = given ?? keyFromFile(dataDir, file)
  } catch (err) {
    if (err instanceof DatabaseKeyError)
      throw new DatabaseUnavailableError(file, null, err.message, err.message)
    throw err
  }
  const keyId = path.join(dataDir, KEY_ID_FILE)
  if (fs.existsSync(keyId) && fs.readFileSync(keyId, 'utf8').trim() !== keyFingerprint(key))
    throw new DatabaseUnavailableError(
      file,
      null,
      'key does not fit',
      `The key this app was given does not fit ${file} (see ${keyId}). Nothing was changed: start the app with the key the data was encrypted with.`,
    )
  return key
}

/**
 * A data folder from before encryption: its backups, then its database, are encrypted where they lie (see
 * encryptInPlace: a crash at any moment loses nothing). Backups first, so a database found damaged here still has
 * backups that open with the key. The database is checked first for a too-new schema, which must stay as it was.
 */
function encryptPlaintextFiles(dataDir: string, file: string, key: DatabaseKey, logger: Logger): void {
  for (const backup of backupsNewestFirst(dataDir)) {
    if (!isPlaintextDatabase(backup)) continue
    try {
      encryptInPlace(backup, key)
      fs.chmodSync(backup, 0o600)
    } catch (err) {
      // A damaged or unreadable old backup stays as it is: it is no use for recovery, and deleting is a person's call.
      logger.warn('a plaintext backup could not be encrypted; it was left as it was', {
        backup,
        cause: err instanceof Error ? err.message : String(err),
      })
    }
  }
  if (!isPlaintextDatabase(file)) return
  const plain = new Sqlite(file, { fileMustExist: true, readonly: true })
  let version: number
  try {
    version = plain.pragma('user_version', { simple: true }) as number
  } catch (err) {
    plain.close()
    // Damage is recovery's to find (the keyed open below fails on this file); anything else stops here.
    if (isDamage(err)) return
    throw err
  }
  plain.close()
  if (version > LATEST_VERSION) throw new DatabaseTooNewError(version)
  logger.info('encrypting the data file (once, from before encryption)', { file })
  try {
    encryptInPlace(file, key)
  } catch (err) {
    if (isDamage(err)) return
    const cause = err instanceof Error ? err.message : String(err)
    const code = isIoError(err) && diskNearlyFull(dataDir) ? 'SQLITE_FULL' : errorCode(err)
    logger.error('the data file could not be encrypted; it was left as it was', { file, cause })
    throw new DatabaseUnavailableError(file, code, cause)
  }
}

/** What the last background check found (see CHECK_FAILED_FILE), or null. */
function readCheckFailed(dataDir: string): string | null {
  const marker = path.join(dataDir, CHECK_FAILED_FILE)
  if (!fs.existsSync(marker)) return null
  const text = fs.readFileSync(marker, 'utf8').trim()
  return `the background integrity check found damage: ${text || 'no detail'}`
}

/** Records what the background check found, so the next start restores a backup rather than go on with it. */
export function recordCheckFailed(dataDir: string, problem: string): void {
  fs.writeFileSync(path.join(dataDir, CHECK_FAILED_FILE), problem)
}

/**
 * Puts the newest backup that passes its check in place of the damaged file. Order matters on a nearly full disk:
 * the backup is copied beside the file and checked first, and only then is the damaged file moved aside (a rename,
 * which needs no space) and the copy renamed into place. If the copy cannot be made, nothing has moved.
 */
function recover(
  dataDir: string,
  file: string,
  key: DatabaseKey,
  reason: string,
  clock: Clock,
  logger: Logger,
): DatabaseRecovery {
  const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-')
  const aside = `${file}.damaged-${stamp}`
  const staged = `${file}.restoring`
  let restoredFrom: string | null = null
  for (const backup of backupsNewestFirst(dataDir)) {
    try {
      fs.rmSync(staged, { force: true })
      fs.copyFileSync(backup, staged)
      const problem = checkFile(staged, key)
      if (problem === null) {
        restoredFrom = backup
        break
      }
      logger.warn('backup failed its check; trying an older one', { backup, problem })
    } catch (err) {
      fs.rmSync(staged, { force: true })
      const cause = err instanceof Error ? err.message : String(err)
      // A backup that cannot even be copied (full disk, I/O error): stop before anything is moved.
      if (!isDamage(err))
        throw new DatabaseUnavailableError(file, errorCode(err), `restoring ${backup}: ${cause}`)
      logger.warn('backup is damaged; trying an older one', { backup, cause })
    }
  }
  fs.renameSync(file, aside)
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, aside + suffix)
  }
  if (restoredFrom) fs.renameSync(staged, file)
  else fs.rmSync(staged, { force: true })
  return { at: clock.now(), reason, movedAsideTo: aside, restoredFrom }
}

/** quick_check of a closed copy; null when it passes. */
function checkFile(file: string, key: DatabaseKey): string | null {
  const db = openKeyed(file, key, { fileMustExist: true })
  try {
    // The staged copy is about to become the database: no -wal or -shm of its own may be left behind under its name.
    db.pragma('journal_mode = DELETE')
    return check(db)
  } finally {
    db.close()
  }
}

/** Database files moved aside after damage (`tms.sqlite.damaged-<time>`), oldest first. */
export function movedAsideDatabases(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return []
  return fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith(`${DB_FILE}.damaged-`) && !/-(wal|shm|journal)$/.test(f))
    .sort()
    .map((f) => path.join(dataDir, f))
}
