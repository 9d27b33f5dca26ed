import Sqlite from 'better-sqlite3-multiple-ciphers'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupDatabase, backupDir } from '../../main/db/backup'
import { applyKey, openKeyed } from '../../main/db/cipher'
import { isPlaintextDatabase } from '../../main/db/data-files'
import { openDataDirDb } from '../../main/db/data-dir'
import { KEY_FILE, readKey } from '../../main/db/key-file'
import { DatabaseUnavailableError, DB_FILE, KEY_ID_FILE, openDatabase } from '../../main/db/open'
import { desktopDatabaseKey, SEALED_KEY_FILE, type KeyVault } from '../../main/electron/database-key'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { ADMIN, setUpCentre, signedIn, testCore } from '../helpers/core'
import { tempDir } from '../helpers/temp-dir'

/** A name, phone and ID number no other test uses: any byte of them on disk is a leak. */
const CANARY = { customerName: 'Zawadi Qwertyuiop', phone: '0799 123 457', idNumber: '39876541' }
const CANARY_BYTES = ['Qwertyuiop', '799123457', '39876541']

const mode = (file: string): number => fs.statSync(file).mode & 0o777

/** Which canary strings are in the file's raw bytes. */
function canaryHits(file: string): string[] {
  const bytes = fs.readFileSync(file)
  return CANARY_BYTES.filter((c) => bytes.includes(Buffer.from(c)))
}

async function registerCanary(t: ReturnType<typeof testCore>): Promise<string> {
  const admin = await setUpCentre(t.core)
  await signedIn(t.core, admin, 'clerk', 'clerk')
  const r = await t.core.dispatch('clerk', 'application.register', {
    serviceCode: 'BIRTH_CERT',
    ...CANARY,
    language: 'en',
    smsConsent: true,
  })
  if (!r.ok) throw new Error(r.error.message)
  return (r.value as { application: { trackingNumber: string } }).application.trackingNumber
}

/** Turns an app-made data dir back into one from before encryption: plaintext database and backups, no key. */
function decryptDataDir(dir: string): void {
  const key = readKey(path.join(dir, KEY_FILE))
  const files = [
    path.join(dir, DB_FILE),
    ...fs.readdirSync(backupDir(dir)).map((f) => path.join(backupDir(dir), f)),
  ]
  for (const file of files) {
    const db = new Sqlite(file)
    applyKey(db, key)
    db.pragma('journal_mode = DELETE')
    db.pragma(`rekey = ''`)
    db.close()
  }
  fs.rmSync(path.join(dir, KEY_FILE))
  fs.rmSync(path.join(dir, KEY_ID_FILE))
}

describe('the database at rest', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.cleanup())

  it('a new data dir is its owner’s only and the customer’s details are in no file of it, not even the -wal', async () => {
    const dir = path.join(tmp.dir, 'data')
    const t = testCore(dir)
    try {
      const tn = await registerCanary(t)
      // Still open, as after a crash: the registration is in the -wal, not yet in the main file.
      expect(fs.existsSync(path.join(dir, `${DB_FILE}-wal`))).toBe(true)
      expect(mode(dir)).toBe(0o700)
      for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEY_FILE, KEY_ID_FILE])
        expect(mode(path.join(dir, f)), f).toBe(0o600)
      for (const f of fs.readdirSync(dir)) expect(canaryHits(path.join(dir, f)), f).toEqual([])
      expect(isPlaintextDatabase(path.join(dir, DB_FILE))).toBe(false)
      const found = await t.core.dispatch('clerk', 'application.get', { trackingNumber: tn })
      expect(found).toMatchObject({ ok: true, value: { customerName: CANARY.customerName } })
    } finally {
      t.core.close()
    }
    // Without the key the file is not a database to SQLite; with it, the registration is there.
    const bare = new Sqlite(path.join(dir, DB_FILE), { readonly: true })
    expect(() => bare.prepare('SELECT count(*) FROM applications').get()).toThrow(/not a database/)
    bare.close()
    const keyed = openDataDirDb(dir, { readonly: true })
    expect(keyed.prepare('SELECT customer_name AS n FROM applications').get()).toEqual({
      n: CANARY.customerName,
    })
    keyed.close()
  })

  it('a backup is encrypted with the same key, readable by its owner only', async () => {
    const t = testCore(path.join(tmp.dir, 'data'))
    try {
      await registerCanary(t)
      const backup = await backupDatabase(t.core.store.db, t.dir, t.clock.now())
      expect(mode(backupDir(t.dir))).toBe(0o700)
      expect(mode(backup)).toBe(0o600)
      expect(isPlaintextDatabase(backup)).toBe(false)
      expect(canaryHits(backup)).toEqual([])
      const copy = openKeyed(backup, readKey(path.join(t.dir, KEY_FILE)), { readonly: true })
      expect(copy.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 1 })
      copy.close()
    } finally {
      t.core.close()
    }
  })

  it('a data dir from before encryption is encrypted in place at first start, backups too, and nothing is lost', async () => {
    const dir = path.join(tmp.dir, 'data')
    const first = testCore(dir)
    let tn: string
    try {
      tn = await registerCanary(first)
      await backupDatabase(first.core.store.db, dir, first.clock.now())
    } finally {
      first.core.close()
    }
    decryptDataDir(dir)
    const backup = path.join(backupDir(dir), fs.readdirSync(backupDir(dir))[0]!)
    expect(isPlaintextDatabase(path.join(dir, DB_FILE))).toBe(true)
    expect(canaryHits(path.join(dir, DB_FILE)).length).toBeGreaterThan(0)
    // A crash during an earlier attempt left a half-made copy beside the file.
    fs.writeFileSync(path.join(dir, `${DB_FILE}.encrypting`), 'half a copy')

    const again = testCore(dir)
    try {
      expect(fs.existsSync(path.join(dir, `${DB_FILE}.encrypting`))).toBe(false)
      for (const file of [path.join(dir, DB_FILE), backup]) {
        expect(isPlaintextDatabase(file), file).toBe(false)
        expect(canaryHits(file), file).toEqual([])
      }
      const admin = await again.core.dispatch('a', 'auth.signIn', {
        staffNumber: ADMIN.staffNumber,
        pin: ADMIN.pin,
      })
      expect(admin.ok).toBe(true)
      const found = await again.core.dispatch('a', 'application.get', { trackingNumber: tn })
      expect(found).toMatchObject({ ok: true, value: { customerName: CANARY.customerName } })
    } finally {
      again.core.close()
    }
    const copy = openKeyed(backup, readKey(path.join(dir, KEY_FILE)), { readonly: true })
    expect(copy.prepare('SELECT count(*) AS n FROM applications').get()).toEqual({ n: 1 })
    copy.close()
  })

  it('an encrypted database without its key, or with another key, stops start-up and nothing is moved', async () => {
    const dir = path.join(tmp.dir, 'data')
    const t = testCore(dir)
    await registerCanary(t)
    t.core.close()
    const keyFile = path.join(dir, KEY_FILE)
    const realKey = fs.readFileSync(keyFile)
    const before = fs.readdirSync(dir).sort()

    fs.rmSync(keyFile)
    expect(() => openDatabase(dir, manualClock(), silentLogger)).toThrow(
      /is encrypted and its key .* is missing\. Nothing was changed/,
    )
    fs.writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`)
    let thrown: unknown
    try {
      openDatabase(dir, manualClock(), silentLogger)
    } catch (err) {
      thrown = err
    }
    expect(thrown).toBeInstanceOf(DatabaseUnavailableError)
    expect((thrown as Error).message).toMatch(/does not fit .*Nothing was changed/)
    expect(fs.readdirSync(dir).sort()).toEqual(before)

    fs.writeFileSync(keyFile, realKey)
    const back = testCore(dir)
    const signIn = await back.core.dispatch('a', 'auth.signIn', {
      staffNumber: ADMIN.staffNumber,
      pin: ADMIN.pin,
    })
    back.core.close()
    expect(signIn.ok).toBe(true)
  })
})

/** Stands in for Electron's safeStorage (which needs Electron): sealing is reversible only through this vault. */
function fakeVault(opts: { available?: boolean; backend?: string; broken?: boolean } = {}): KeyVault {
  const pad = randomBytes(64)
  const xor = (b: Buffer) => Buffer.from(b.map((x, i) => x ^ pad[i % pad.length]!))
  return {
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptString: (s) => xor(Buffer.from(s)),
    decryptString: (b) => {
      if (opts.broken)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return xor(b).toString()
    },
  }
}

describe('the desktop app’s key, sealed by the keyring', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.cleanup())

  it('is made once and sealed; the same key comes back; no plaintext key file is left', () => {
    const vault = fakeVault()
    const key = desktopDatabaseKey(tmp.dir, vault, silentLogger)
    expect(fs.existsSync(path.join(tmp.dir, KEY_FILE))).toBe(false)
    const sealed = fs.readFileSync(path.join(tmp.dir, SEALED_KEY_FILE), 'utf8')
    expect(sealed).not.toContain(key.toString('hex'))
    expect(mode(path.join(tmp.dir, SEALED_KEY_FILE))).toBe(0o600)
    expect(desktopDatabaseKey(tmp.dir, vault, silentLogger).equals(key)).toBe(true)
  })

  it('takes over the browser host’s key file, which then goes', async () => {
    const dir = path.join(tmp.dir, 'data')
    const t = testCore(dir)
    await setUpCentre(t.core)
    t.core.close()
    const hostKey = readKey(path.join(dir, KEY_FILE))
    const key = desktopDatabaseKey(dir, fakeVault(), silentLogger)
    expect(key.equals(hostKey)).toBe(true)
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false)
    const opened = openDatabase(dir, manualClock(), silentLogger, { key })
    expect(opened.db.prepare('SELECT number FROM centre').get()).toEqual({ number: '042' })
    opened.db.close()
  })

  it('without a keyring (Linux basic_text) it keeps the owner-only key file', () => {
    const key = desktopDatabaseKey(tmp.dir, fakeVault({ backend: 'basic_text' }), silentLogger)
    expect(readKey(path.join(tmp.dir, KEY_FILE)).equals(key)).toBe(true)
    expect(fs.existsSync(path.join(tmp.dir, SEALED_KEY_FILE))).toBe(false)
  })

  it('a key the keyring cannot unseal is a clear message, and no new key replaces it', () => {
    desktopDatabaseKey(tmp.dir, fakeVault(), silentLogger)
    const sealed = fs.readFileSync(path.join(tmp.dir, SEALED_KEY_FILE))
    expect(() => desktopDatabaseKey(tmp.dir, fakeVault({ broken: true }), silentLogger)).toThrow(
      /could not unseal the database key .*Nothing was changed/,
    )
    expect(fs.readFileSync(path.join(tmp.dir, SEALED_KEY_FILE)).equals(sealed)).toBe(true)
  })
})
