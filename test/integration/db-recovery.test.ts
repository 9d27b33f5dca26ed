import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppStatus } from '../../common/contract'
import { backupDatabase, backupDir, latestBackup } from '../../main/db/backup'
import { LATEST_VERSION } from '../../main/db/migrations'
import { createCore } from '../../main/core/create-core'
import { CHECK_FAILED_FILE, DatabaseUnavailableError, DB_FILE, openDatabase } from '../../main/db/open'
import { verifyDatabaseFile } from '../../main/db/verify-file'
import { openKeyed } from '../../main/db/cipher'
import { openDataDirDb, openWithDataDirKey } from '../../main/db/data-dir'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { ADMIN, setUpCentre, testCore } from '../helpers/core'
import { tempDir } from '../helpers/temp-dir'

/** Overwrites `length` bytes at `offset` of `file` with a fixed garbage pattern. */
function scribble(file: string, offset: number, length: number): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset)
  } finally {
    fs.closeSync(fd)
  }
}

async function status(t: ReturnType<typeof testCore>): Promise<AppStatus> {
  const r = await t.core.dispatch('w', 'app.status', {})
  if (!r.ok) throw new Error(r.error.message)
  return r.value as AppStatus
}

describe('start-up database recovery', () => {
  let tmp: ReturnType<typeof tempDir>
  let file: string
  let running: ReturnType<typeof testCore> | null
  beforeEach(() => {
    tmp = tempDir()
    file = path.join(tmp.dir, DB_FILE)
    running = null
  })
  afterEach(() => {
    running?.close()
    tmp.cleanup()
  })

  /** A set-up centre on disk, optionally with a backup taken right after setup; returns the backup path. */
  async function centreOnDisk(withBackup: boolean): Promise<string | null> {
    const t = testCore(tmp.dir)
    try {
      const key = await setUpCentre(t.core)
      if (!withBackup) return null
      const backup = await backupDatabase(t.core.store.db, tmp.dir, t.clock.now())
      // Written after the backup, so it is lost when the backup is restored.
      const r = await t.core.dispatch(key, 'staff.create', {
        staffNumber: 'LATE01',
        name: 'After Backup',
        role: 'clerk',
        pin: '7315',
      })
      expect(r.ok).toBe(true)
      return backup
    } finally {
      t.close()
    }
  }

  const damagedFiles = (): string[] =>
    fs.readdirSync(tmp.dir).filter((f) => f.startsWith(`${DB_FILE}.damaged-`))

  it('a backup file is a readable copy of the database', async () => {
    const backup = await centreOnDisk(true)
    expect(backup).not.toBeNull()
    expect(path.dirname(backup!)).toBe(backupDir(tmp.dir))
    expect(latestBackup(tmp.dir)).toBe(backup)
    const copy = openWithDataDirKey(tmp.dir, backup!, { readonly: true })
    try {
      expect(copy.prepare('SELECT number FROM centre').get()).toEqual({ number: '042' })
    } finally {
      copy.close()
    }
  })

  it.each([
    ['the header', 0, 100],
    ['the middle pages', 4096, 4096 * 3],
  ])(
    'a file with garbage over %s is moved aside and the latest backup restored',
    async (_what, offset, length) => {
      const backup = await centreOnDisk(true)
      scribble(file, offset, length)

      running = testCore(tmp.dir)
      const s = await status(running)
      expect(s.recovery).not.toBeNull()
      expect(s.recovery!.restoredFrom).toBe(backup)
      expect(s.recovery!.reason.length).toBeGreaterThan(0)
      expect(s.recovery!.at).toBe(running.clock.now())
      expect(damagedFiles()).toHaveLength(1)
      expect(s.recovery!.movedAsideTo).toBe(path.join(tmp.dir, damagedFiles()[0]!))

      // The centre and its administrator come back from the backup…
      expect(s.setupDone).toBe(true)
      expect(s.centre).toEqual({ number: '042', name: 'Huduma Centre GPO', workstationSlot: '01' })
      const signIn = await running.core.dispatch('w', 'auth.signIn', {
        staffNumber: ADMIN.staffNumber,
        pin: ADMIN.pin,
      })
      expect(signIn).toMatchObject({ ok: true })
      // …but what was written after the backup is not there.
      const list = await running.core.dispatch('w', 'staff.list', {})
      expect(list).toMatchObject({ ok: true })
      if (list.ok)
        expect((list.value as { staffNumber: string }[]).map((x) => x.staffNumber)).toEqual(['ADM001'])
    },
  )

  it('the damaged file is kept byte for byte for later inspection', async () => {
    await centreOnDisk(true)
    scribble(file, 0, 100)
    const damagedBytes = fs.readFileSync(file)
    running = testCore(tmp.dir)
    const s = await status(running)
    expect(fs.readFileSync(s.recovery!.movedAsideTo).equals(damagedBytes)).toBe(true)
  })

  it('restores the newest of several backups', async () => {
    const t = testCore(tmp.dir)
    let newest: string
    try {
      await setUpCentre(t.core)
      await backupDatabase(t.core.store.db, tmp.dir, t.clock.now())
      t.clock.advance(24 * 60 * 60 * 1000)
      await t.core.dispatch('next-day', 'auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
      expect(await t.core.dispatch('next-day', 'settings.update', { idleLockMinutes: 9 })).toMatchObject({
        ok: true,
      })
      newest = await backupDatabase(t.core.store.db, tmp.dir, t.clock.now())
    } finally {
      t.close()
    }
    scribble(file, 0, 100)
    running = testCore(tmp.dir)
    const s = await status(running)
    expect(s.recovery!.restoredFrom).toBe(newest)
    await running.core.dispatch('w', 'auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
    expect(await running.core.dispatch('w', 'settings.get', {})).toEqual({
      ok: true,
      value: expect.objectContaining({ idleLockMinutes: 9 }),
    })
  })

  it('without a backup, starts empty and says nothing was restored', async () => {
    await centreOnDisk(false)
    scribble(file, 0, 100)
    running = testCore(tmp.dir)
    const s = await status(running)
    expect(s.setupDone).toBe(false)
    expect(s.centre).toBeNull()
    expect(s.recovery).toMatchObject({ restoredFrom: null })
    expect(s.recovery!.movedAsideTo).toContain(`${DB_FILE}.damaged-`)
    expect(damagedFiles()).toHaveLength(1)
    // A fresh setup could hand out tracking numbers the damaged database already gave: refused until a person
    // has dealt with the moved-aside file (here: moved it out of the data folder).
    const again = await running.core.dispatch('w', 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: '01',
      admin: ADMIN,
    })
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(s.recovery!.movedAsideTo) },
    })
    expect((await status(running)).setupDone).toBe(false)
    const elsewhere = tempDir()
    try {
      for (const f of damagedFiles()) fs.renameSync(path.join(tmp.dir, f), path.join(elsewhere.dir, f))
      await setUpCentre(running.core)
      expect((await status(running)).setupDone).toBe(true)
    } finally {
      elsewhere.cleanup()
    }
  })

  it('a damaged newest backup is passed over for an older good one; the damaged file moves only after the copy checks', async () => {
    const t = testCore(tmp.dir)
    let older: string
    try {
      await setUpCentre(t.core)
      older = await backupDatabase(t.core.store.db, tmp.dir, t.clock.now())
      t.clock.advance(24 * 60 * 60 * 1000)
      const newest = await backupDatabase(t.core.store.db, tmp.dir, t.clock.now())
      scribble(newest, 0, 100)
    } finally {
      t.close()
    }
    scribble(file, 0, 100)
    running = testCore(tmp.dir)
    const s = await status(running)
    expect(s.recovery).toMatchObject({ restoredFrom: older })
    expect(s.setupDone).toBe(true)
    expect(fs.readdirSync(tmp.dir).filter((f) => f.endsWith('.restoring'))).toEqual([])
  })

  it('a file it may not open is not damage: start-up stops with a message and moves nothing', async () => {
    await centreOnDisk(false)
    const before = fs.readdirSync(tmp.dir).sort()
    // A directory where the database file should be: SQLite cannot open it (SQLITE_CANTOPEN), as with a
    // permission error, a locked share or a missing drive.
    fs.renameSync(file, `${file}.real`)
    fs.mkdirSync(file)
    expect(() => openDatabase(tmp.dir, manualClock(), silentLogger)).toThrow(DatabaseUnavailableError)
    expect(damagedFiles()).toEqual([])
    fs.rmdirSync(file)
    fs.renameSync(`${file}.real`, file)
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(before)
    running = testCore(tmp.dir)
    expect((await status(running)).recovery).toBeNull()
  })

  it('a healthy database reports no recovery', async () => {
    await centreOnDisk(false)
    running = testCore(tmp.dir)
    const s = await status(running)
    expect(s.recovery).toBeNull()
    expect(s.setupDone).toBe(true)
    expect(damagedFiles()).toEqual([])
  })

  it('opens with WAL, synchronous FULL, foreign keys on and a 64 MiB page cache', () => {
    const opened = openDatabase(tmp.dir, manualClock(), silentLogger)
    try {
      expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(opened.db.pragma('synchronous', { simple: true })).toBe(2)
      expect(opened.db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(opened.db.pragma('cache_size', { simple: true })).toBe(-65536)
      expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
      expect(opened.file).toBe(file)
      expect(opened.recovery).toBeNull()
    } finally {
      opened.db.close()
    }
  })

  it('a backup is checked on a worker thread before it counts: a good file passes, a damaged one is named, the loop runs on', async () => {
    const big = path.join(tmp.dir, 'big.sqlite')
    const key = randomBytes(32)
    const db = openKeyed(big, key)
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t (v)')
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++) insert.run(`value ${i} ${'x'.repeat(40)}`)
    })()
    db.close()
    // The check runs beside the event loop: timers fire before its verdict arrives. (Were it run on this thread,
    // the verdict would be ready before any timer could fire.)
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    const verdict = await verifyDatabaseFile(big, key).then((r) => ({ r, ticksBefore: ticks }))
    clearInterval(timer)
    expect(verdict.r).toBeNull()
    expect(verdict.ticksBefore).toBeGreaterThan(0)
    scribble(big, 4096 * 5, 4096 * 20)
    expect(await verifyDatabaseFile(big, key)).toMatch(/.+/)
    expect(await verifyDatabaseFile(path.join(tmp.dir, 'absent.sqlite'), key)).toMatch(/.+/)
  })

  /** Pages start-up never reads: a table of the test's own at the end of the file. */
  const appendUnreadTable = (): void => {
    const db = openDataDirDb(tmp.dir)
    db.exec('CREATE TABLE unread (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX unread_v ON unread (v)')
    const insert = db.prepare('INSERT INTO unread (v) VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`row ${i} ${'y'.repeat(60)}`)
    })()
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
  }
  const openDeferred = () =>
    createCore({
      dataDir: tmp.dir,
      logger: silentLogger,
      version: 'test',
      clock: manualClock(),
      tickMs: 0,
      syncCheckMaxBytes: 0,
    })

  it('a large file opens without waiting for its check; damage the background check finds is shown, then restored at the next start', async () => {
    const backup = await centreOnDisk(true)
    appendUnreadTable()
    const size = fs.statSync(file).size
    scribble(file, size - 4096 * 20, 4096 * 10)
    // Start-up does not read the whole file: the damaged pages are not seen yet.
    const first = openDeferred()
    try {
      expect(await first.dispatch('w', 'app.status', {})).toMatchObject({
        ok: true,
        value: { recovery: null },
      })
      expect(await first.backgroundCheck).toMatch(/.+/)
      await first.dispatch('w', 'auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
      expect(await first.dispatch('w', 'status.get', {})).toMatchObject({
        ok: true,
        value: { dataFileProblem: expect.stringMatching(/^The data file failed its integrity check/) },
      })
      expect(fs.existsSync(path.join(tmp.dir, CHECK_FAILED_FILE))).toBe(true)
    } finally {
      first.close()
    }
    // The next start does not go on with the damaged file: it restores the backup, and the marker goes.
    const second = openDeferred()
    try {
      const st = (await second.dispatch('w', 'app.status', {})) as { ok: true; value: AppStatus }
      expect(st.value.recovery).toMatchObject({
        restoredFrom: backup,
        reason: expect.stringMatching(/background integrity check/),
      })
      expect(fs.existsSync(path.join(tmp.dir, CHECK_FAILED_FILE))).toBe(false)
      expect(await second.backgroundCheck).toBeNull()
    } finally {
      second.close()
    }
  })

  it('damage met while starting up (the check deferred) is restored from the backup in the same start', async () => {
    const backup = await centreOnDisk(true)
    scribble(file, 4096 * 3, 4096 * 2)
    const core = openDeferred()
    try {
      const st = (await core.dispatch('w', 'app.status', {})) as { ok: true; value: AppStatus }
      expect(st.value).toMatchObject({ setupDone: true, recovery: { restoredFrom: backup } })
      expect(fs.existsSync(path.join(tmp.dir, CHECK_FAILED_FILE))).toBe(false)
    } finally {
      core.close()
    }
  })

  it('a healthy large file passes its background check and nothing is shown', async () => {
    await centreOnDisk(false)
    const core = createCore({
      dataDir: tmp.dir,
      logger: silentLogger,
      version: 'test',
      clock: manualClock(),
      tickMs: 0,
      syncCheckMaxBytes: 0,
    })
    try {
      expect(await core.backgroundCheck).toBeNull()
      await core.dispatch('w', 'auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
      expect(await core.dispatch('w', 'status.get', {})).toMatchObject({
        ok: true,
        value: { dataFileProblem: null },
      })
    } finally {
      core.close()
    }
  })
})
