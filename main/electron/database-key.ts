import fs from 'node:fs'
import path from 'node:path'
import { DatabaseKeyError, KEY_FILE, keyFromFile, newKey, readKey, writeOwnerOnly } from '../db/key-file'
import { DB_FILE, type DatabaseKey } from '../db/data-files'
import type { Logger } from '../infra/logger'

/** Electron's safeStorage, as far as the key needs it (passed in, so this file is tested without Electron). */
export interface KeyVault {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
  /** Linux only: 'basic_text' means no keyring is running and "encryption" is a fixed password. */
  getSelectedStorageBackend?(): string
}

/** The database key sealed by the operating system (DPAPI on Windows, the keyring on Linux), beside the database. */
export const SEALED_KEY_FILE = 'tms.key.sealed'

/**
 * The desktop app's database key. It is kept sealed by the operating system's keyring, so the data folder copied
 * off the PC (or read by another Windows account) cannot be opened; the core gets it at start-up from the main
 * process (main/electron/core-process.ts). A key file the browser host made earlier is sealed and then removed.
 * Without a usable keyring (a Linux PC with no keyring running) the owner-only key file is used, with a warning.
 */
export function desktopDatabaseKey(dataDir: string, vault: KeyVault, logger: Logger): DatabaseKey {
  const sealedFile = path.join(dataDir, SEALED_KEY_FILE)
  if (fs.existsSync(sealedFile)) return unseal(sealedFile, vault)
  const keyFile = path.join(dataDir, KEY_FILE)
  if (!keyringUsable(vault)) {
    logger.warn('no keyring to seal the database key: using the owner-only key file', { keyFile })
    return keyFromFile(dataDir, path.join(dataDir, DB_FILE))
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const hadKeyFile = fs.existsSync(keyFile)
  // newKey refuses to make a key for a database encrypted with a lost one.
  const key = hadKeyFile ? readKey(keyFile) : newKey(path.join(dataDir, DB_FILE), sealedFile)
  writeOwnerOnly(sealedFile, vault.encryptString(key.toString('hex')).toString('base64'))
  // Sealed and on disk: only now may the plaintext key go.
  if (unseal(sealedFile, vault).equals(key)) fs.rmSync(keyFile, { force: true })
  return key
}

function keyringUsable(vault: KeyVault): boolean {
  if (!vault.isEncryptionAvailable()) return false
  return vault.getSelectedStorageBackend?.() !== 'basic_text'
}

function unseal(sealedFile: string, vault: KeyVault): DatabaseKey {
  let hex: string
  try {
    hex = vault.decryptString(Buffer.from(fs.readFileSync(sealedFile, 'utf8').trim(), 'base64'))
  } catch (err) {
    throw new DatabaseKeyError(
      `The keyring of this account could not unseal the database key in ${sealedFile} (${err instanceof Error ? err.message : String(err)}). Nothing was changed: sign in to Windows or Linux as the account that set the app up.`,
    )
  }
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new DatabaseKeyError(`${sealedFile} does not hold a database key.`)
  return Buffer.from(hex, 'hex')
}
