import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCore } from '../../main/core/create-core'
import { manualClock } from '../../main/infra/clock'
import { createFileLog, LOG_FILE, logsDir } from '../../main/infra/file-log'
import { maskedLogger } from '../../main/infra/logger'
import { processLogger } from '../../main/infra/process-logger'
import { setUpCentre, signedIn, TEST_PIN_COST } from '../helpers/core'
import { ADMIN_KEY, CLERK_KEY, NOW, ok } from '../helpers/shelf-fixture'
import { mountSmallDisk, SMALL_DISK_UNAVAILABLE } from '../helpers/small-disk'
import { tempDir } from '../helpers/temp-dir'

const ID = '31415926'
const PHONE = '+254712987654'
const NAME = 'Kanarie Wambuiqa'
const CANARIES = ['712987654', ID, 'Kanarie', 'Wambuiqa']
const WAIT = { timeout: 5000, interval: 20 }

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  vi.restoreAllMocks()
})

const logFiles = (dataDir: string, process = 'core'): string[] =>
  fs
    .readdirSync(logsDir(dataDir))
    .filter((f) => LOG_FILE.exec(f)?.[1] === process)
    .sort((a, b) => Number(LOG_FILE.exec(a)![2]) - Number(LOG_FILE.exec(b)![2]))

const readAll = (dataDir: string): string =>
  fs
    .readdirSync(logsDir(dataDir))
    .map((f) => fs.readFileSync(path.join(logsDir(dataDir), f), 'utf8'))
    .join('')

describe('the rotating log file', () => {
  it('writes masked JSON lines on the process clock, in a 0700 folder of 0600 files', async () => {
    const tmp = tempDir()
    cleanups.push(tmp.cleanup)
    const clock = manualClock(NOW)
    const file = createFileLog({ dataDir: tmp.dir, process: 'core', clock, onProblem: () => {} })
    cleanups.push(() => file.close())
    const log = maskedLogger([file.sink])
    log.info(`registered for ${PHONE}`, { idNumber: ID, phone: PHONE, customerName: NAME, slot: 'B-07' })
    log.error('printing failed', { error: new Error(`printer said 0712987654 and ${ID}`), code: ID })
    await file.flush()

    const [name] = logFiles(tmp.dir)
    const text = fs.readFileSync(path.join(logsDir(tmp.dir), name!), 'utf8')
    for (const c of CANARIES) expect(text).not.toContain(c)
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({
      level: 'info',
      time: new Date(NOW).toISOString(),
      process: 'core',
      msg: 'registered for 07•• ••• 654',
      detail: { idNumber: '•••••926', phone: '07•• ••• 654', customerName: 'K. W.', slot: 'B-07' },
    })
    expect(lines[1]).toMatchObject({ level: 'error', detail: { code: '•••••926' } })
    expect((lines[1]!.detail as { error: { message: string } }).error.message).toContain('07•• ••• 654')
    expect(fs.statSync(logsDir(tmp.dir)).mode & 0o777).toBe(0o700)
    expect(fs.statSync(path.join(logsDir(tmp.dir), name!)).mode & 0o777).toBe(0o600)
  })

  it('starts a new file past the size limit and keeps only the newest files', async () => {
    const tmp = tempDir()
    cleanups.push(tmp.cleanup)
    const file = createFileLog({
      dataDir: tmp.dir,
      process: 'core',
      clock: manualClock(NOW),
      maxFileBytes: 2048,
      filesKept: 2,
      onProblem: () => {},
    })
    cleanups.push(() => file.close())
    await file.ready
    const log = maskedLogger([file.sink])
    // Each line ~200 bytes: 10 lines fill a file. A roll happens between writes (sonic-boom's drain), so lines are
    // logged a file's worth at a time with a turn of the loop between.
    for (let batch = 0; batch < 8; batch++) {
      for (let i = 0; i < 12; i++) log.info(`line ${batch * 12 + i}`, { pad: 'x'.repeat(120) })
      await new Promise((r) => setImmediate(r))
    }
    log.info('the last line')
    await vi.waitFor(() => expect(logFiles(tmp.dir).length).toBe(3), WAIT)

    const files = logFiles(tmp.dir)
    const numbers = files.map((f) => Number(LOG_FILE.exec(f)![2]))
    expect(numbers[0]).toBeGreaterThan(1) // the first files were removed
    // pino-roll opens the next file after the write that passed the limit, so the newest file may still be empty:
    // the last line is in the newest file that has any.
    const texts = files.map((f) => fs.readFileSync(path.join(logsDir(tmp.dir), f), 'utf8'))
    expect(texts.filter((t) => t.length > 0).at(-1)).toContain('the last line')
    for (const f of files) {
      const st = fs.statSync(path.join(logsDir(tmp.dir), f))
      expect(st.mode & 0o777).toBe(0o600)
      // A file is rolled once a write takes it past the limit: at most one batch of lines beyond it.
      expect(st.size).toBeLessThan(2048 + 12 * 250)
    }
  })

  it('an unwritable log folder is reported once and the core goes on working', async () => {
    const tmp = tempDir()
    cleanups.push(tmp.cleanup)
    // As root (CI) permissions do not stop a write; a file where the folder should be stops anyone.
    fs.writeFileSync(logsDir(tmp.dir), 'not a folder')
    const clock = manualClock(NOW)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'log').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { logger, file } = processLogger({ dataDir: tmp.dir, process: 'core', clock })
    await file.ready
    expect(file.problem()).toMatch(/log folder .* cannot be used/)
    const core = createCore({
      dataDir: tmp.dir,
      logger,
      version: 'test',
      clock,
      tickMs: 0,
      pinCost: TEST_PIN_COST,
    })
    cleanups.push(() => core.close())
    await setUpCentre(core, ADMIN_KEY)
    await signedIn(core, ADMIN_KEY, CLERK_KEY, 'clerk')
    for (let i = 0; i < 50; i++) logger.warn('still logging', { i })
    const reg = await ok(core, CLERK_KEY, 'application.register', {
      serviceCode: 'BIRTH_CERT',
      customerName: NAME,
      phone: PHONE,
      idNumber: ID,
      language: 'en',
      smsConsent: true,
    })
    expect(reg.application.trackingNumber).toMatch(/^\d{12}$/)
    const reports = errors.mock.calls.filter((c) => String(c[0]).includes('Logging to a file failed'))
    expect(reports).toHaveLength(1)
  })

  describe.skipIf(SMALL_DISK_UNAVAILABLE !== null)('on a full disk', () => {
    if (SMALL_DISK_UNAVAILABLE) console.warn(`full-disk log test skipped: ${SMALL_DISK_UNAVAILABLE}`)

    it('a log folder on a full disk is reported once, the core goes on registering, and the log closes', async () => {
      const tmp = tempDir()
      cleanups.push(tmp.cleanup)
      // The log folder is its own small disk, so the database (on the temp disk) can still write.
      fs.mkdirSync(logsDir(tmp.dir), { recursive: true })
      const disk = mountSmallDisk(256 * 1024)
      cleanups.push(() => disk.unmount())
      fs.rmdirSync(logsDir(tmp.dir))
      fs.symlinkSync(disk.dir, logsDir(tmp.dir))
      const clock = manualClock(NOW)
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      vi.spyOn(console, 'log').mockImplementation(() => {})
      vi.spyOn(console, 'warn').mockImplementation(() => {})
      const { logger, file } = processLogger({ dataDir: tmp.dir, process: 'core', clock })
      await file.ready
      expect(file.problem()).toBeNull()
      const core = createCore({
        dataDir: tmp.dir,
        logger,
        version: 'test',
        clock,
        tickMs: 0,
        pinCost: TEST_PIN_COST,
      })
      cleanups.push(() => core.close())
      await setUpCentre(core, ADMIN_KEY)
      await signedIn(core, ADMIN_KEY, CLERK_KEY, 'clerk')
      disk.fill()
      for (let i = 0; i < 200; i++)
        logger.info('a line the disk has no room for', { i, pad: 'y'.repeat(200) })
      expect(file.problem()).toMatch(/cannot be written .*ENOSPC|ENOSPC/)
      const reg = await ok(core, CLERK_KEY, 'application.register', {
        serviceCode: 'BIRTH_CERT',
        customerName: NAME,
        phone: PHONE,
        idNumber: ID,
        language: 'en',
        smsConsent: true,
      })
      expect(reg.application.trackingNumber).toMatch(/^\d{12}$/)
      expect(errors.mock.calls.filter((c) => String(c[0]).includes('Logging to a file failed'))).toHaveLength(
        1,
      )

      // Room again: lines reach the file again.
      disk.release()
      logger.info('room again')
      await file.flush()
      expect(file.problem()).toBeNull()
      expect(readAll(tmp.dir)).toContain('room again')

      // Full again: closing still finishes (a host stopping on a full disk stops), the refused lines dropped.
      disk.fill()
      for (let i = 0; i < 20; i++) logger.info('full again', { pad: 'z'.repeat(200) })
      expect(file.problem()).not.toBeNull()
      await file.close()
    })
  })
})
