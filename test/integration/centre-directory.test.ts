import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput, MethodName } from '../../common/contract'
import type { Core } from '../../main/core/create-core'
import { uuidv7 } from '../../main/infra/uuidv7'
import { ADMIN, ok, testCore } from '../helpers/core'
import { startCentralSim, type CentralSim } from '../peers/central-sim'

/**
 * The centre directory through the central API simulator over HTTP: three workstations of centre 042, each with
 * its own SQLite file and clock. Staff and centre settings changed at one reach the others when they sync.
 */

type Station = ReturnType<typeof testCore> & { admin: string }

async function call<K extends MethodName>(core: Core, key: string, method: K, input: MethodInput<K>) {
  return core.dispatch(key, method, input)
}
const CLERK = { staffNumber: 'CLK100', name: 'Otieno Baraka', role: 'clerk' as const, pin: '2846' }

const auditRows = (core: Core, action: string) =>
  (
    core.store.db
      .prepare('SELECT staff_number, detail FROM audit_log WHERE action = ? ORDER BY id')
      .all(action) as {
      staff_number: string | null
      detail: string
    }[]
  ).map((r): Record<string, unknown> => ({
    by: r.staff_number,
    ...(JSON.parse(r.detail) as Record<string, unknown>),
  }))

const staffRow = (core: Core, n: string) => core.store.staff.byNumber(n)

describe('the centre directory: staff and centre settings shared by the PCs of one centre', () => {
  let sim: CentralSim
  let stations: Station[] = []

  async function station(slot: string, code: string): Promise<Station> {
    const t = testCore()
    // Each PC's clock a little apart, as on real PCs.
    t.clock.advance(Number(slot) * 10)
    const admin = 'admin-window'
    await ok(t.core, admin, 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: slot,
      admin: ADMIN,
    })
    await ok(t.core, admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: code })
    const s = { ...t, admin }
    stations.push(s)
    return s
  }
  const sync = (s: Station) => ok(s.core, s.admin, 'sync.now', {})
  /** Takes the PC off the network: its endpoint points at a port nothing listens on. */
  const offline = (s: Station) => {
    const ep = s.core.store.sync.getState('endpoint') as { baseUrl: string; token: string }
    s.core.store.sync.putState('endpoint', { ...ep, baseUrl: 'http://127.0.0.1:9' })
    return () => s.core.store.sync.putState('endpoint', ep)
  }
  const signIn = (s: Station, key: string, staffNumber: string, pin: string) =>
    call(s.core, key, 'auth.signIn', { staffNumber, pin })

  beforeEach(async () => {
    stations = []
    sim = await startCentralSim({ enrolmentCodes: { '042': ['CODE-WS-A', 'CODE-WS-B', 'CODE-WS-C'] } })
  })
  afterEach(async () => {
    for (const s of stations) s.close()
    await sim.close()
  })

  it('a clerk added on A signs in on B after B syncs; deactivated on C, is refused on A and B after they sync', async () => {
    const a = await station('01', 'CODE-WS-A')
    const b = await station('02', 'CODE-WS-B')
    const c = await station('03', 'CODE-WS-C')

    await ok(a.core, a.admin, 'staff.create', CLERK)
    expect((await signIn(b, 'clerk-b', CLERK.staffNumber, CLERK.pin)).ok).toBe(false)
    await sync(a)
    await sync(b)
    expect((await signIn(b, 'clerk-b', CLERK.staffNumber, CLERK.pin)).ok).toBe(true)
    expect(staffRow(b.core, CLERK.staffNumber)).toMatchObject({ name: CLERK.name, role: 'clerk', active: 1 })
    // B's audit says who made the change, where and when; never the PIN verifier.
    const replicated = auditRows(b.core, 'staff.replicated').filter(
      (r) => r.staffNumber === CLERK.staffNumber,
    )
    expect(replicated.map((r) => r.field).sort()).toEqual(['active', 'name', 'pinHash', 'role'])
    expect(replicated.every((r) => r.by === ADMIN.staffNumber)).toBe(true)
    expect(JSON.stringify(replicated)).not.toContain('scrypt$')

    await sync(c)
    await ok(c.core, c.admin, 'staff.update', { staffNumber: CLERK.staffNumber, active: false })
    await sync(c)
    await sync(a)
    await sync(b)
    const onA = await signIn(a, 'clerk-a', CLERK.staffNumber, CLERK.pin)
    expect(onA.ok ? null : onA.error.code).toBe('FORBIDDEN')
    // B's open session ends at its next call.
    const onB = await call(b.core, 'clerk-b', 'settings.get', {})
    expect(onB.ok).toBe(false)
    const again = await signIn(b, 'clerk-b2', CLERK.staffNumber, CLERK.pin)
    expect(again.ok ? null : again.error.code).toBe('FORBIDDEN')
    // The simulator holds one value per field: the latest verifier only, no history.
    const held = sim.directory('042').filter((ch) => ch.key === CLERK.staffNumber)
    expect(held.map((ch) => ch.field).sort()).toEqual(['active', 'name', 'pinHash', 'role'])
    expect(held.find((ch) => ch.field === 'active')?.value).toBe(false)
  })

  it('a centre setting changed on B applies on A and C, with who changed it', async () => {
    const a = await station('01', 'CODE-WS-A')
    const b = await station('02', 'CODE-WS-B')
    const c = await station('03', 'CODE-WS-C')
    await ok(b.core, b.admin, 'settings.update', { readyGraceMinutes: 45, reminderQuietStart: '19:30' })
    await sync(b)
    await sync(a)
    await sync(c)
    for (const s of [a, c]) {
      expect(await ok(s.core, s.admin, 'settings.get', {})).toMatchObject({
        readyGraceMinutes: 45,
        reminderQuietStart: '19:30',
      })
      expect(auditRows(s.core, 'settings.replicated')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ by: ADMIN.staffNumber, key: 'readyGraceMinutes', value: 45 }),
        ]),
      )
    }
    // Only the keys changed travel, and only centre settings are in the directory.
    expect(
      sim
        .directory('042')
        .filter((ch) => ch.kind === 'setting')
        .map((ch) => ch.key)
        .sort(),
    ).toEqual(['readyGraceMinutes', 'reminderQuietStart'])
  })

  it('two PCs renaming one clerk offline converge to the later change on both, and the audit shows the conflict', async () => {
    const a = await station('01', 'CODE-WS-A')
    const b = await station('02', 'CODE-WS-B')
    await ok(a.core, a.admin, 'staff.create', CLERK)
    await sync(a)
    await sync(b)
    const onlineA = offline(a)
    const onlineB = offline(b)
    a.clock.advance(1_000)
    await ok(a.core, a.admin, 'staff.update', { staffNumber: CLERK.staffNumber, name: 'Otieno A. Baraka' })
    b.clock.advance(2_000)
    await ok(b.core, b.admin, 'staff.update', { staffNumber: CLERK.staffNumber, name: 'Otieno B. Baraka' })
    await sync(a)
    await sync(b)
    expect(staffRow(a.core, CLERK.staffNumber)?.name).toBe('Otieno A. Baraka')
    onlineA()
    onlineB()
    // The earlier change reaches the centre first; the later one still wins everywhere.
    for (let pass = 0; pass < 2; pass++) for (const s of [a, b]) await sync(s)
    expect(staffRow(a.core, CLERK.staffNumber)?.name).toBe('Otieno B. Baraka')
    expect(staffRow(b.core, CLERK.staffNumber)?.name).toBe('Otieno B. Baraka')
    const conflicts = [
      ...auditRows(a.core, 'directory.conflict'),
      ...auditRows(b.core, 'directory.conflict'),
    ].filter((r) => r.key === CLERK.staffNumber)
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({
      field: 'name',
      kept: { value: 'Otieno B. Baraka', by: ADMIN.staffNumber },
      overridden: { value: 'Otieno A. Baraka' },
    })
    expect((await ok(b.core, b.admin, 'sync.status', {})).directoryPending).toBe(0)
  })

  it('offline, a PC signs in the staff it knows and says the staff list may be out of date', async () => {
    const a = await station('01', 'CODE-WS-A')
    await ok(a.core, a.admin, 'staff.create', CLERK)
    await sync(a)
    expect((await ok(a.core, a.admin, 'sync.status', {})).staffListStale).toBe(false)
    offline(a)
    a.clock.advance(30_000)
    await sync(a)
    expect((await ok(a.core, a.admin, 'sync.status', {})).staffListStale).toBe(false)
    a.clock.advance(30_000)
    await sync(a)
    expect((await ok(a.core, a.admin, 'sync.status', {})).staffListStale).toBe(true)
    expect((await ok(a.core, a.admin, 'status.get', {})).staffList).toMatchObject({ stale: true })
    expect((await signIn(a, 'clerk-a', CLERK.staffNumber, CLERK.pin)).ok).toBe(true)
  })

  it('a lockout stays on its PC; an administrator’s PIN reset on another PC clears it on every PC that applies it', async () => {
    const a = await station('01', 'CODE-WS-A')
    const b = await station('02', 'CODE-WS-B')
    const c = await station('03', 'CODE-WS-C')
    await ok(a.core, a.admin, 'staff.create', CLERK)
    for (const s of [a, b, c]) await sync(s)
    for (let i = 0; i < 5; i++) await signIn(a, 'clerk-a', CLERK.staffNumber, '9999')
    const locked = await signIn(a, 'clerk-a', CLERK.staffNumber, CLERK.pin)
    expect(locked.ok ? null : locked.error.code).toBe('ACCOUNT_LOCKED')
    await sync(a)
    await sync(b)
    expect((await signIn(b, 'clerk-b', CLERK.staffNumber, CLERK.pin)).ok).toBe(true)

    await ok(c.core, c.admin, 'staff.resetPin', { staffNumber: CLERK.staffNumber, pin: '7315' })
    await sync(c)
    await sync(a)
    await sync(b)
    expect(staffRow(a.core, CLERK.staffNumber)).toMatchObject({ locked_until: null, failed_attempts: 0 })
    expect((await signIn(a, 'clerk-a2', CLERK.staffNumber, '7315')).ok).toBe(true)
    expect((await signIn(b, 'clerk-b2', CLERK.staffNumber, CLERK.pin)).ok).toBe(false)
    expect((await signIn(b, 'clerk-b3', CLERK.staffNumber, '7315')).ok).toBe(true)
  })

  it('the simulator answers bad changes rejected, records why, and keeps none of them', async () => {
    const a = await station('01', 'CODE-WS-A')
    await sync(a)
    const deviceId = a.core.store.centre.get()!.device_id
    const token = (a.core.store.sync.getState('endpoint') as { token: string }).token
    const base = { at: 1_800_000_000_000, by: ADMIN.staffNumber, deviceId }
    const changes = [
      { ...base, id: uuidv7(base.at), kind: 'printer', key: 'host', field: 'value', value: '10.0.0.9' },
      { ...base, id: uuidv7(base.at), kind: 'staff', key: 'CLK200', field: 'role', value: 'boss' },
      { ...base, id: uuidv7(base.at), kind: 'staff', key: 'CLK200', field: 'salary', value: 1 },
      { ...base, id: uuidv7(base.at), kind: 'setting', key: 'readyGraceMinutes', field: 'value', value: -5 },
      { ...base, id: uuidv7(base.at), kind: 'setting', key: 'printerHost', field: 'value', value: 'x' },
    ]
    const before = sim.directory('042').length
    const res = await fetch(`${sim.url}/v1/centres/042/directory`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes }),
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { results: { outcome: string; reason?: string }[] }
    expect(body.results.map((r) => r.outcome)).toEqual(Array(5).fill('rejected'))
    expect(body.results[1]?.reason).toMatch(/Role must be one of/)
    expect(sim.directoryRejections().map((r) => r.id)).toEqual(changes.map((c) => c.id))
    expect(sim.directory('042')).toHaveLength(before)
  })
})

describe('bad answers from the central API about the directory', () => {
  let server: http.Server
  let answer: () => { status: number; body: string }
  let t: ReturnType<typeof testCore>

  beforeEach(async () => {
    server = http.createServer((req, res) => {
      const a = answer()
      res.writeHead(a.status, { 'Content-Type': 'application/json' })
      res.end(req.method === 'GET' && req.url?.includes('/directory') ? a.body : '{}')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    t = testCore()
    await ok(t.core, 'admin', 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: '01',
      admin: ADMIN,
    })
    t.core.store.sync.putState('endpoint', {
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token: 'tok',
    })
  })
  afterEach(async () => {
    t.close()
    await new Promise<void>((r) => server.close(() => r()))
  })

  const snapshot = () =>
    JSON.stringify([
      t.core.store.staff.all(),
      t.core.store.db.prepare('SELECT * FROM settings ORDER BY key').all(),
      t.core.store.db.prepare('SELECT * FROM directory_fields ORDER BY kind, key, field').all(),
      t.core.store.sync.getState('directoryCursor') ?? null,
    ])

  const change = (over: Record<string, unknown>) => ({
    id: uuidv7(1_800_000_000_000),
    kind: 'staff',
    key: 'CLK300',
    field: 'name',
    value: 'Akinyi Odhiambo',
    at: 1_800_000_000_000,
    by: 'ADM001',
    deviceId: '0190a8c0-0000-7000-8000-000000000001',
    ...over,
  })

  it('an answer that is not JSON, or not a directory page, writes nothing and leaves the staff list stale', async () => {
    const before = snapshot()
    for (const body of [
      'not json',
      JSON.stringify({ changes: [{ id: 'x' }], nextCursor: 'c1' }),
      JSON.stringify({ changes: [change({})] }),
      JSON.stringify({ changes: [change({ extra: true })], nextCursor: 'c1' }),
    ]) {
      answer = () => ({ status: 200, body })
      await ok(t.core, 'admin', 'sync.now', {})
      expect(snapshot()).toBe(before)
    }
    expect((await ok(t.core, 'admin', 'sync.status', {})).staffListStale).toBe(true)
  })

  it('a well-formed page with an unknown kind or field, a role not in the list or an invalid setting value is recorded and changes nothing', async () => {
    const bad = [
      change({ kind: 'printer' }),
      change({ id: uuidv7(1_800_000_000_001), field: 'salary', value: 10 }),
      change({ id: uuidv7(1_800_000_000_002), field: 'role', value: 'boss' }),
      change({
        id: uuidv7(1_800_000_000_003),
        kind: 'setting',
        key: 'readyGraceMinutes',
        field: 'value',
        value: 99_999,
      }),
      change({
        id: uuidv7(1_800_000_000_004),
        kind: 'setting',
        key: 'idleLockMinutes',
        field: 'value',
        value: '5',
      }),
    ]
    answer = () => ({ status: 200, body: JSON.stringify({ changes: bad, nextCursor: 'c1' }) })
    const staffBefore = JSON.stringify(t.core.store.staff.all())
    const settingsBefore = await ok(t.core, 'admin', 'settings.get', {})
    await ok(t.core, 'admin', 'sync.now', {})
    expect(JSON.stringify(t.core.store.staff.all())).toBe(staffBefore)
    expect(await ok(t.core, 'admin', 'settings.get', {})).toEqual(settingsBefore)
    const issues = t.core.store.db
      .prepare(
        "SELECT event_id, type, reason FROM replication_issues WHERE type LIKE 'directory.%' ORDER BY rowid",
      )
      .all() as { event_id: string; reason: string }[]
    expect(issues.map((i) => i.event_id)).toEqual(bad.map((b) => b.id))
    expect(issues[2]?.reason).toMatch(/Role must be one of/)
    expect(
      t.core.store.db
        .prepare(
          "SELECT count(*) AS n FROM directory_fields WHERE key IN ('CLK300', 'readyGraceMinutes', 'idleLockMinutes')",
        )
        .get(),
    ).toEqual({ n: 0 })
  })
})
