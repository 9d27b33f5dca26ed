import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AboutInfo } from '../../common/contract'
import { createCore, type Core } from '../../main/core/create-core'
import { readKey } from '../../main/db/key-file'
import { manualClock } from '../../main/infra/clock'
import { logsDir } from '../../main/infra/file-log'
import { processLogger, type ProcessLogger } from '../../main/infra/process-logger'
import { ADMIN, setUpCentre, signedIn, TEST_PIN_COST } from '../helpers/core'
import { ADMIN_KEY, call, CLERK_KEY, MINUTE, NOW, ok } from '../helpers/shelf-fixture'
import { sliceCount } from '../helpers/loop-turns'
import { tempDir } from '../helpers/temp-dir'

const NAME = 'Kanarie Wambuiqa'
const PHONE = '0712 987 654'
const ID = '31415926'
/** What must appear nowhere in the file: the digits every form of the phone shares, the ID number, the name parts. */
const CANARIES = ['712987654', ID, 'Kanarie', 'Wambuiqa']
const TOKEN = 'tok_SECRET_7f3a9c2e51'
const VERSIONS = { node: '24.21.0', electron: '45.5.0', chrome: '142.0.7444.59' }

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
  vi.restoreAllMocks()
})

/** The parts of the file this test reads by hand (the rest through toMatchObject). */
interface DiagnosticsDoc {
  outbox: { depth: number }
  status: { sync: { queueDepth: number } }
  dataFiles: { name: string; bytes: number }[]
  logs: {
    file: string
    cut: boolean
    lines: { msg: string; process: string; level: string; detail?: unknown }[]
  }[]
}

function start(versions: Record<string, string> = VERSIONS) {
  const tmp = tempDir()
  cleanups.push(tmp.cleanup)
  const clock = manualClock(NOW)
  vi.spyOn(console, 'log').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const log: ProcessLogger = processLogger({ dataDir: tmp.dir, process: 'core', clock })
  cleanups.push(() => log.file.close())
  const core: Core = createCore({
    dataDir: tmp.dir,
    logger: log.logger,
    logFile: log.file,
    version: '0.1.0',
    clock,
    tickMs: 0,
    pinCost: TEST_PIN_COST,
    versions,
  })
  cleanups.push(() => core.close())
  return { dir: tmp.dir, clock, core, log }
}

/** Every byte sequence a canary could take in the file: UTF-8 and UTF-16, any case. */
function hits(bytes: Buffer, canary: string): boolean {
  const lower = bytes.toString('utf8').toLowerCase()
  return (
    lower.includes(canary.toLowerCase()) ||
    bytes.includes(Buffer.from(canary, 'utf16le')) ||
    bytes.includes(Buffer.from(canary.toLowerCase(), 'utf16le'))
  )
}

describe('Settings → About', () => {
  it('names the app, Electron, Chromium, Node, SQLite and cipher versions, the schema, data dir and slot', async () => {
    const t = start()
    await setUpCentre(t.core, ADMIN_KEY)
    const about: AboutInfo = await ok(t.core, ADMIN_KEY, 'about.get', {})
    expect(about).toMatchObject({
      app: '0.1.0',
      electron: '45.5.0',
      chromium: '142.0.7444.59',
      node: '24.21.0',
      dataDir: t.dir,
      centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '01' },
    })
    expect(about.sqlite).toMatch(/^3\.\d+\.\d+$/)
    expect(about.sqlcipher).toMatch(/^SQLite3 Multiple Ciphers \d+\.\d+\.\d+, SQLCipher 4 scheme$/)
    expect(about.schemaVersion).toBe(t.core.store.db.pragma('user_version', { simple: true }))
    expect(about.schemaVersion).toBeGreaterThanOrEqual(220)
  })

  it('says Electron and Chromium are absent when the core runs in plain Node (the browser host)', async () => {
    const t = start({ node: '24.21.0' })
    await setUpCentre(t.core, ADMIN_KEY)
    const about = await ok(t.core, ADMIN_KEY, 'about.get', {})
    expect(about).toMatchObject({ electron: null, chromium: null, node: '24.21.0' })
  })
})

describe('Export diagnostics', () => {
  let t: ReturnType<typeof start>

  beforeEach(async () => {
    t = start()
    await setUpCentre(t.core, ADMIN_KEY)
    await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
    await ok(t.core, CLERK_KEY, 'application.register', {
      serviceCode: 'BIRTH_CERT',
      customerName: NAME,
      phone: PHONE,
      idNumber: ID,
      language: 'en',
      smsConsent: true,
    })
    // An enrolled PC: its token must stay in the database.
    t.core.store.sync.putStates([
      ['endpoint', { baseUrl: 'https://central.example.go.ke/api', token: TOKEN }],
    ])
  })

  it('holds versions, settings, devices, sync and outbox state, the audit row, and the recent logs of each process', async () => {
    t.log.logger.warn('printer answered late', { ms: 900 })
    // Another process's log in the same folder: the Electron main process writes beside the core.
    const main = processLogger({ dataDir: t.dir, process: 'main', clock: t.clock })
    main.logger.info('app starting', { electron: '45.5.0' })
    await main.file.close()
    await ok(t.core, CLERK_KEY, 'diagnostics.reportError', {
      message: 'Cannot read properties of undefined',
      stack: 'TypeError: Cannot read properties of undefined\n    at Counter (index.js:1:200)',
      where: '/counter',
    })
    await t.log.file.flush()

    const file = await ok(t.core, ADMIN_KEY, 'diagnostics.export', {})
    expect(file.fileName).toBe('tms-diagnostics-042-01-20261130T0700.json')
    const doc = JSON.parse(file.content) as DiagnosticsDoc
    expect(doc).toMatchObject({
      kind: 'tms-diagnostics',
      version: 1,
      createdAt: new Date(NOW).toISOString(),
      createdBy: ADMIN.staffNumber,
      about: { app: '0.1.0', electron: '45.5.0', centre: { number: '042', workstationSlot: '01' } },
      status: {
        printer: { state: 'not-configured' },
        scanner: { state: 'not-configured' },
        sync: { queueDepth: expect.any(Number) },
      },
      printer: { config: { connection: { kind: 'none' } } },
      scanner: { config: { enabled: false } },
      sync: { apiUrl: 'https://central.example.go.ke/api' },
      settings: { readyGraceMinutes: expect.any(Number), personalDataRetentionDays: expect.any(Number) },
      logging: { folder: logsDir(t.dir), problem: null },
    })
    // The registration's events are waiting in the outbox (the sync loop does not run in this test).
    expect(doc.outbox.depth).toBeGreaterThan(0)
    expect(doc.outbox.depth).toBe(doc.status.sync.queueDepth)
    expect(doc.dataFiles.map((f) => f.name)).toContain('tms.sqlite')

    const logs = doc.logs
    const lines = logs.flatMap((l) => l.lines)
    expect(logs.map((l) => l.file)).toEqual(expect.arrayContaining(['core.1.log', 'main.1.log']))
    expect(lines).toContainEqual(expect.objectContaining({ process: 'main', msg: 'app starting' }))
    expect(lines).toContainEqual(expect.objectContaining({ process: 'core', msg: 'printer answered late' }))
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'window error: Cannot read properties of undefined',
        detail: expect.objectContaining({ source: 'renderer', where: '/counter' }),
      }),
    )

    const audit = t.core.store.audit.list({ limit: 5, action: 'diagnostics.exported' })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      staffNumber: ADMIN.staffNumber,
      detail: { bytes: Buffer.byteLength(file.content), logLines: lines.length },
    })
  })

  it('leaves a customer’s ID number, phone and name out, and no PIN, PIN hash, key or token', async () => {
    // What a careless caller, a window's error and an older version's raw log line could carry.
    t.log.logger.warn(`look-up of ${ID} from ${PHONE.replace(/ /g, '')}`, {
      idNumber: ID,
      phone: '+254712987654',
      customerName: NAME,
      error: new Error(`no application for ${ID} / 0712987654`),
      reason: `central said: 254712987654 has ${ID}`,
    })
    await ok(t.core, CLERK_KEY, 'diagnostics.reportError', {
      message: `Invalid phone 0712987654 for ID ${ID}`,
      stack: `Error: Invalid phone 0712987654 for ID ${ID}\n    at submit (index.js:3:10)`,
    })
    fs.writeFileSync(
      path.join(logsDir(t.dir), 'host.1.log'),
      JSON.stringify({ msg: 'raw 0712987654', detail: { idNumber: ID, customerName: NAME } }) +
        `\nnot json: ID ${ID} phone +254712987654\n`,
      { mode: 0o600 },
    )
    await t.log.file.flush()

    const file = await ok(t.core, ADMIN_KEY, 'diagnostics.export', {})
    const bytes = Buffer.from(file.content, 'utf8')
    // The lines are there, masked.
    expect(file.content).toContain('look-up of •••••926 from 07•• ••• 654')
    expect(file.content).toContain('window error: Invalid phone 07•• ••• 654 for ID •••••926')
    expect(file.content).toContain('not json: ID •••••926 phone 07•• ••• 654')
    for (const c of CANARIES) expect(hits(bytes, c), c).toBe(false)

    const pinHash = t.core.store.db
      .prepare<[string], { pin_hash: string }>('SELECT pin_hash FROM staff WHERE staff_number = ?')
      .get(ADMIN.staffNumber)!.pin_hash
    const permutationKey = t.core.store.centre.get()!.permutation_key
    const databaseKey = readKey(path.join(t.dir, 'tms.key')).toString('hex')
    for (const secret of [
      TOKEN,
      pinHash,
      pinHash.split('$').at(-1)!,
      permutationKey,
      databaseKey,
      ADMIN.pin,
    ]) {
      expect(hits(bytes, secret), secret.slice(0, 12)).toBe(false)
    }
  })

  it('with every process’s log full, takes the newest 768 KiB of each and gives the event loop back while masking', async () => {
    const line = (p: string, i: number) =>
      JSON.stringify({ level: 'info', process: p, msg: `status checked ${i}`, detail: { i, state: 'ready' } })
    for (const p of ['main', 'core', 'host'])
      fs.writeFileSync(
        path.join(logsDir(t.dir), `${p}.2.log`),
        Array.from({ length: 12_000 }, (_, i) => line(p, i)).join('\n') + '\n',
        { mode: 0o600 },
      )
    const {
      value: file,
      slices,
      turns,
    } = await sliceCount(() => ok(t.core, ADMIN_KEY, 'diagnostics.export', {}))
    expect(slices).toBeGreaterThan(10)
    expect(turns).toBeGreaterThanOrEqual(slices - 1)
    const doc = JSON.parse(file.content) as DiagnosticsDoc
    const full = doc.logs.filter((l) => l.file.endsWith('.2.log'))
    expect(full.map((l) => [l.file, l.cut])).toEqual([
      ['core.2.log', true],
      ['host.2.log', true],
      ['main.2.log', true],
    ])
    for (const l of full) {
      expect(JSON.stringify(l.lines).length).toBeLessThanOrEqual(768 * 1024)
      // The newest lines are the ones kept.
      expect(l.lines.at(-1)).toMatchObject({ msg: 'status checked 11999' })
    }
  })

  it('is for administrators only', async () => {
    const r = await call(t.core, CLERK_KEY, 'diagnostics.export', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('Window errors in the core’s log', () => {
  it('logs 20 a minute and counts the rest in the next line it lets through', async () => {
    const t = start()
    await setUpCentre(t.core, ADMIN_KEY)
    for (let i = 0; i < 25; i++)
      await ok(t.core, 'sign-in-window', 'diagnostics.reportError', { message: `e${i}` })
    t.clock.advance(MINUTE)
    await ok(t.core, 'sign-in-window', 'diagnostics.reportError', { message: 'after a minute' })
    await t.log.file.flush()
    const text = fs
      .readdirSync(logsDir(t.dir))
      .map((f) => fs.readFileSync(path.join(logsDir(t.dir), f), 'utf8'))
      .join('')
    const errors = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg: string; detail?: { notLogged?: number } })
      .filter((l) => l.msg.startsWith('window error: '))
    expect(errors).toHaveLength(21)
    expect(errors.at(-1)).toMatchObject({ msg: 'window error: after a minute', detail: { notLogged: 5 } })
  })
})
