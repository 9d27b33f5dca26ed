/**
 * A full disk, on a real small file system (tmpfs): what a counter PC meets when the disk fills up. Nothing
 * acknowledged is lost, a healthy database is never moved aside, and people are told in words they can act on.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RegisterResult, StatusSnapshot } from '../../common/contract'
import { createCore, type Core } from '../../main/core/create-core'
import { backupDatabase, backupDir } from '../../main/db/backup'
import { DatabaseUnavailableError, DB_FILE } from '../../main/db/open'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { createOutboxDrain } from '../../main/sync/outbox-drain'
import { ADMIN, setUpCentre, signedIn } from '../helpers/core'
import { startCentralSim } from '../peers/central-sim'
import { mountSmallDisk, SMALL_DISK_UNAVAILABLE, type SmallDisk } from '../helpers/small-disk'
import { openDataDirDb, openWithDataDirKey } from '../../main/db/data-dir'

if (SMALL_DISK_UNAVAILABLE) console.warn(`disk-full suite skipped: ${SMALL_DISK_UNAVAILABLE}`)

const DISK_BYTES = 24 * 1024 * 1024
const RESERVE = 512 * 1024
const FULL = { code: 'DISK_FULL', message: 'The disk is full: nothing was saved. Free space and try again.' }

/** "Aa", "Ab", … : names take letters only. */
const letters = (i: number): string =>
  String.fromCharCode(65 + (Math.floor(i / 26) % 26)) + String.fromCharCode(97 + (i % 26))
const customer = (i: number) => ({
  serviceCode: 'BIRTH_CERT',
  customerName: `Customer ${letters(i)}`,
  phone: '0712345678',
  idNumber: String(20_000_000 + i),
  language: 'en',
  smsConsent: true,
})

describe.skipIf(SMALL_DISK_UNAVAILABLE !== null)('a full disk never costs the workstation its data', () => {
  let disk: SmallDisk
  let dataDir: string
  let core: Core | null
  const clock = manualClock()
  const open = (): Core =>
    createCore({
      dataDir,
      logger: silentLogger,
      version: 'test',
      clock,
      tickMs: 0,
      diskReserveBytes: RESERVE,
    })
  const applicationCount = (file = path.join(dataDir, DB_FILE)): number => {
    const db = openWithDataDirKey(dataDir, file, { readonly: true })
    try {
      return (db.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  const register = (c: Core, key: string, i: number) => c.dispatch(key, 'application.register', customer(i))

  beforeEach(() => {
    disk = mountSmallDisk(DISK_BYTES)
    dataDir = path.join(disk.dir, 'data')
    core = null
  })
  afterEach(() => {
    core?.close()
    disk.unmount()
  })

  it('start-up on a full disk stops with a clear message and renames nothing; freed, all 149 applications are there', async () => {
    core = open()
    const key = await setUpCentre(core)
    for (let i = 0; i < 149; i++) expect(await register(core, key, i)).toMatchObject({ ok: true })
    core.close()
    core = null
    const before = fs.readdirSync(dataDir).sort()
    disk.fill()
    expect(() => open()).toThrow(DatabaseUnavailableError)
    expect(() => open()).toThrow(/The disk holding .*tms\.sqlite is full\. Nothing was changed/)
    // The attempt may leave SQLite's empty -wal/-shm beside the file; nothing is renamed or moved aside.
    expect(
      fs
        .readdirSync(dataDir)
        .filter((f) => !/-(wal|shm)$/.test(f))
        .sort(),
    ).toEqual(before)
    disk.release()
    core = open()
    expect(await core.dispatch('w', 'app.status', {})).toMatchObject({
      ok: true,
      value: { setupDone: true, recovery: null },
    })
    expect(applicationCount()).toBe(149)
  })

  it('registering at successive fill levels: each refusal says the disk is full and saves nothing; every acknowledged number survives', async () => {
    core = open()
    const admin = await setUpCentre(core)
    const clerk = 'clerk-window'
    const { staffNumber, pin } = await signedIn(core, admin, clerk, 'clerk')
    const acknowledged: string[] = []
    let i = 0
    for (const leave of [2 * 1024 * 1024, 256 * 1024, 64 * 1024, 0]) {
      disk.fill(leave)
      let refused = false
      for (let tries = 0; tries < 400 && !refused; tries++) {
        const r = await register(core, clerk, i++)
        if (r.ok) acknowledged.push((r.value as RegisterResult).application.trackingNumber)
        else {
          expect(r.error).toEqual(FULL)
          refused = true
        }
      }
      expect(refused, `refused with ${leave} bytes left`).toBe(true)
      // Full, a clerk can still sign out and in again, to read the message rather than a blank screen.
      await core.dispatch(clerk, 'auth.signOut', {})
      expect(await core.dispatch(clerk, 'auth.signIn', { staffNumber, pin })).toMatchObject({ ok: true })
      const status = (await core.dispatch(clerk, 'status.get', {})) as { ok: true; value: StatusSnapshot }
      expect(status.value.disk).toMatchObject({
        low: true,
        detail: expect.stringMatching(/^Low disk space: /),
      })
      disk.release()
    }
    expect(acknowledged.length).toBeGreaterThan(2)
    expect(new Set(acknowledged).size).toBe(acknowledged.length)
    core.close()
    core = null
    const db = openDataDirDb(dataDir, { readonly: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const stored = db.prepare('SELECT tracking_number AS tn FROM applications').all() as { tn: string }[]
      expect(stored.map((r) => r.tn).sort()).toEqual([...acknowledged].sort())
      const events = db
        .prepare("SELECT count(*) AS n FROM events WHERE type = 'application.registered'")
        .get()
      expect(events).toEqual({ n: acknowledged.length })
    } finally {
      db.close()
    }
  })

  it('a backup that does not fit is skipped with a warning; one cut short leaves no file and the database works on', async () => {
    core = open()
    const key = await setUpCentre(core)
    for (let i = 0; i < 40; i++) expect(await register(core, key, i)).toMatchObject({ ok: true })
    // The start-up check ran before setup; an hour later the tick checks again: the daily backup is due.
    clock.advance(60 * 60 * 1000)
    disk.fill(RESERVE)
    core.tick()
    const status = (await core.dispatch(key, 'status.get', {})) as { ok: true; value: StatusSnapshot }
    expect(status.value.disk.detail).toMatch(/Today's backup was skipped: it needs .* free\./)
    expect(fs.existsSync(backupDir(dataDir)) ? fs.readdirSync(backupDir(dataDir)) : []).toEqual([])
    // Forced anyway with too little room, the copy fails part-way: nothing that looks like a backup is left.
    disk.release()
    disk.fill(16 * 1024)
    await expect(backupDatabase(core.store.db, dataDir, clock.now())).rejects.toThrow()
    expect(fs.readdirSync(backupDir(dataDir))).toEqual([])
    disk.release()
    // An hour passed: the window locked itself meanwhile.
    expect(await core.dispatch(key, 'auth.unlock', { pin: ADMIN.pin })).toMatchObject({ ok: true })
    expect(await register(core, key, 99)).toMatchObject({ ok: true })
    expect(core.store.db.pragma('quick_check', { simple: true })).toBe('ok')
    const backup = await backupDatabase(core.store.db, dataDir, clock.now())
    expect(fs.readdirSync(backupDir(dataDir))).toEqual([path.basename(backup)])
  })

  it('a drain on a full disk: the sent batch stays queued, and once space is back its resend is a duplicate, every event is at the API once and the outbox empties', async () => {
    const sim = await startCentralSim()
    try {
      core = open()
      const key = await setUpCentre(core)
      for (let i = 0; i < 30; i++) expect(await register(core, key, i)).toMatchObject({ ok: true })
      const deviceId = core.store.centre.get()!.device_id
      const drain = createOutboxDrain({
        queries: core.store.sync,
        clock,
        logger: silentLogger,
        random: () => 0.5,
      })
      drain.configure({ baseUrl: sim.url, token: sim.issueToken('042', deviceId, '01') })
      const local = (
        core.store.db.prepare('SELECT id FROM events ORDER BY seq').all() as { id: string }[]
      ).map((r) => r.id)
      disk.fill()
      // The API takes the batch; recording that on the full disk fails (the drain's loop logs it and waits). Nothing
      // may be lost or marked sent.
      await expect(drain.drainOnce()).rejects.toMatchObject({ code: 'SQLITE_FULL' })
      expect(sim.stats().accepted).toBe(local.length)
      expect(core.store.sync.depth()).toBe(local.length)
      disk.release()
      for (let i = 0; i < 20 && core.store.sync.depth() > 0; i++) {
        const r = await drain.drainOnce()
        if (r.kind === 'failed' || r.kind === 'waiting') clock.set(Math.max(clock.now(), r.nextAttemptAt))
      }
      expect(core.store.sync.depth()).toBe(0)
      expect([...sim.eventIds()].sort()).toEqual([...local].sort())
      // The resend after the disk was freed: recognised as the same events, not stored again.
      expect(sim.stats()).toMatchObject({ accepted: local.length, duplicates: local.length })
      await drain.stop()
    } finally {
      await sim.close()
    }
  })
})
