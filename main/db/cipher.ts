import Sqlite, { type Database, type Options } from 'better-sqlite3-multiple-ciphers'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fsyncDir, fsyncFile, KEY_BYTES, type DatabaseKey } from './data-files'

/**
 * The database is encrypted at rest with SQLite3 Multiple Ciphers in its SQLCipher 4 scheme (AES-256-CBC per page
 * with an HMAC-SHA512 on each, keys from the raw 256-bit key below): a counter PC in a public hall that is carried
 * off, or a backup copied to a stick, gives up no customer's name, phone or ID number. The -wal and every backup
 * (`VACUUM INTO` from a keyed connection writes a keyed copy) are encrypted the same way.
 */
/** Keys the connection. It must be the first thing done on it: nothing can be read before. */
export function applyKey(db: Database, key: DatabaseKey): void {
  if (key.length !== KEY_BYTES) throw new Error(`a database key is ${KEY_BYTES} bytes, not ${key.length}`)
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma('legacy = 4')
  db.pragma(`key = "x'${key.toString('hex')}'"`)
}

// The key each keyed connection was opened with, for work on the same file elsewhere (a backup copy made on a
// worker thread needs a connection of its own, keyed alike). Held only in memory, as long as the connection.
const keys = new WeakMap<Database, DatabaseKey>()

/** Opens a database file with its key (every connection of the app and its tools opens files this way). */
export function openKeyed(file: string, key: DatabaseKey, options?: Options): Database {
  const db = new Sqlite(file, options)
  try {
    applyKey(db, key)
  } catch (err) {
    db.close()
    throw err
  }
  keys.set(db, key)
  return db
}

/** The key `db` was opened with by openKeyed. */
export function keyOf(db: Database): DatabaseKey {
  const key = keys.get(db)
  if (!key) throw new Error('this connection was not opened with openKeyed')
  return key
}

/** A short public fingerprint of a key: written beside the database, it tells a key that does not fit from damage. */
export function keyFingerprint(key: DatabaseKey): string {
  return createHash('sha256').update('tms database key').update(key).digest('hex').slice(0, 32)
}

/**
 * Encrypts a plaintext database file where it lies, so that a crash at any moment leaves either the plaintext file
 * as it was or the encrypted one complete, never neither:
 * 1. the plaintext file is checkpointed into one file (`VACUUM INTO` a staged copy beside it, from a connection that
 *    changes nothing), and the copy is encrypted (`rekey`; the copy is in rollback-journal mode, which rekey needs);
 * 2. the copy is opened with the key and checked, and flushed to disk;
 * 3. it is renamed over the plaintext file, which is atomic, and the directory flushed.
 * A staged copy a crash left behind is removed at the next attempt; the plaintext file is untouched until step 3.
 * The key must be on disk (or in the keyring) before this runs: once renamed, the data is readable only with it.
 */
export function encryptInPlace(file: string, key: DatabaseKey): void {
  const staged = `${file}.encrypting`
  removeStaged(staged)
  // VACUUM INTO fills an empty file that exists: made here, readable by its owner only.
  fs.closeSync(fs.openSync(staged, 'wx', 0o600))
  const plain = new Sqlite(file, { fileMustExist: true })
  try {
    // Everything in the -wal goes into the copy with the rest: VACUUM INTO reads the database as a reader sees it.
    plain.exec(`VACUUM INTO '${staged.replace(/'/g, "''")}'`)
  } finally {
    plain.close()
  }
  const copy = new Sqlite(staged, { fileMustExist: true })
  try {
    // No rollback journal: the copy is thrown away on any failure, and a journal would need the file's size again.
    copy.pragma('journal_mode = OFF')
    copy.pragma(`cipher = 'sqlcipher'`)
    copy.pragma('legacy = 4')
    copy.pragma(`rekey = "x'${key.toString('hex')}'"`)
  } finally {
    copy.close()
  }
  const check = openKeyed(staged, key, { fileMustExist: true })
  try {
    const rows = check.pragma('quick_check') as { quick_check: string }[]
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
    if (problems.length > 0) throw new Error(`the encrypted copy failed its check: ${problems.join('; ')}`)
  } finally {
    check.close()
  }
  fsyncFile(staged)
  // A -wal left by the plaintext file would be replayed into the encrypted one: it was folded into the copy above,
  // and its connection's close removed it; if one is still there (another program has the file open), stop.
  for (const suffix of ['-wal', '-journal'])
    if (fs.existsSync(file + suffix) && fs.statSync(file + suffix).size > 0) {
      removeStaged(staged)
      throw new Error(`${file}${suffix} is still in use: close every other program using the data file`)
    }
  fs.renameSync(staged, file)
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  fsyncDir(path.dirname(file))
}

function removeStaged(staged: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(staged + suffix, { force: true })
}
