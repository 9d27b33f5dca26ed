import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fsyncDir, isPlaintextDatabase, KEY_BYTES, type DatabaseKey } from './data-files'

/**
 * The browser host's database key: a file beside the database that only its owner may read (the desktop app keeps
 * its key in the operating system's keyring instead: main/electron/database-key.ts). It is made once, before the
 * first encrypted byte is written, and never replaced: a database is readable only with the key it was made with.
 */
export const KEY_FILE = 'tms.key'

/** A key file that is there but cannot be a key, or a key that is missing for a database encrypted with it. */
export class DatabaseKeyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseKeyError'
  }
}

/** Reads `dataDir`'s key file, or makes one when there is no encrypted database that needs the old one. */
export function keyFromFile(dataDir: string, databaseFile: string): DatabaseKey {
  const file = path.join(dataDir, KEY_FILE)
  if (fs.existsSync(file)) return readKey(file)
  const key = newKey(databaseFile, file)
  writeOwnerOnly(file, `${key.toString('hex')}\n`)
  return key
}

/**
 * A fresh random key, for a database not yet encrypted. Refused for one that is: a new key would not open it, and
 * the app would then take the file for damaged.
 */
export function newKey(databaseFile: string, keyWhere: string): DatabaseKey {
  const encryptedExists =
    isFile(databaseFile) && fs.statSync(databaseFile).size > 0 && !isPlaintextDatabase(databaseFile)
  if (encryptedExists)
    throw new DatabaseKeyError(
      `${databaseFile} is encrypted and its key (${keyWhere}) is missing. Nothing was changed: put the key back (IT keeps a copy), then start again.`,
    )
  return randomBytes(KEY_BYTES)
}

const isFile = (file: string): boolean => fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true

export function readKey(file: string): DatabaseKey {
  const text = fs.readFileSync(file, 'utf8').trim()
  if (!/^[0-9a-f]{64}$/.test(text))
    throw new DatabaseKeyError(`${file} is not a database key (64 hexadecimal digits). Nothing was changed.`)
  return Buffer.from(text, 'hex')
}

/** Writes a small file readable by its owner only, whole or not at all (a crash leaves the old one or the new one). */
export function writeOwnerOnly(file: string, content: string): void {
  const staged = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(staged, 'w', 0o600)
  try {
    fs.writeSync(fd, content)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(staged, file)
  fsyncDir(path.dirname(file))
}
