import type { Database, Options } from 'better-sqlite3-multiple-ciphers'
import path from 'node:path'
import { openKeyed } from './cipher'
import { KEY_FILE, readKey } from './key-file'
import { DB_FILE } from './open'

/**
 * For tools and tests: the database of a data dir the browser host made, opened with the data dir's key file as the
 * host opens it (no checks, no migration, no recovery: that is openDatabase's).
 */
export function openDataDirDb(dataDir: string, options?: Options): Database {
  return openWithDataDirKey(dataDir, path.join(dataDir, DB_FILE), options)
}

/** Any database file of a data dir (a backup, a copy), opened with that data dir's key. */
export function openWithDataDirKey(dataDir: string, file: string, options?: Options): Database {
  return openKeyed(file, readKey(path.join(dataDir, KEY_FILE)), options)
}
