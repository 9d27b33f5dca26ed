import fs from 'node:fs'

/**
 * The data folder's files and the file-level facts about them that need no SQLite: the desktop app's main process
 * (main/electron/database-key.ts) uses these without loading the native database module.
 */
export const DB_FILE = 'tms.sqlite'

/** The database key (see main/db/cipher.ts). */
export type DatabaseKey = Buffer

export const KEY_BYTES = 32

/** What a plaintext SQLite file starts with; an encrypted one starts with its random KDF salt instead. */
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** A file that exists, is not empty and starts with SQLite's plaintext header (a database from before encryption). */
export function isPlaintextDatabase(file: string): boolean {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return false
  }
  try {
    const head = Buffer.alloc(PLAINTEXT_HEADER.length)
    const read = fs.readSync(fd, head, 0, head.length, 0)
    return read === head.length && head.equals(PLAINTEXT_HEADER)
  } catch {
    // Not a readable file (a directory where the database should be): opening it says what is wrong.
    return false
  } finally {
    fs.closeSync(fd)
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

export function fsyncDir(dir: string): void {
  let fd: number
  try {
    fd = fs.openSync(dir, 'r')
  } catch {
    return
  }
  try {
    fs.fsyncSync(fd)
  } catch {
    // Some filesystems cannot sync a directory; the rename is still atomic there.
  } finally {
    fs.closeSync(fd)
  }
}
