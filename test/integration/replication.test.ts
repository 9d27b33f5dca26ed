import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/core/create-core'
import type { ApplicationRow } from '../../main/db/queries/applications'
import type { ReplicaEvent } from '../../main/db/queries/projection'
import { silentLogger } from '../../main/infra/logger'
import { createProjector, type Projector } from '../../main/services/projection/projector'
import { uuidv7 } from '../../main/infra/uuidv7'
import { CENTRE_EVENTS_CURSOR_KEY, createCentreFeed } from '../../main/sync/centre-feed'
import { ADMIN, ok, setUpCentre, signedIn, testCore } from '../helpers/core'
import { rowCounts } from '../helpers/db-counts'
import { startCentralSim, type CentralSim } from '../peers/central-sim'

/**
 * Centre-wide replication through the central API simulator: three workstations of centre 042 (two counters and a
 * collection desk), each with its own SQLite file. What one registers, the desk can shelve and hand over; every
 * PC ends with the same rows, derived by the same fold of the same events.
 */

type Station = ReturnType<typeof testCore> & { admin: string; staff: string; pin: string }

/** Columns every workstation must agree on (arrival batch and the owner's ID at hand-over are local details). */
const SHARED = [
  'tracking_number',
  'service_code',
  'customer_name',
  'phone',
  'id_number',
  'status',
  'registered_at',
  'registered_by',
  'expected_ready',
  'arrived_at',
  'arrived_by',
  'shelf_slot',
  'collected_at',
  'collected_by',
  'missing',
  'damaged',
  'returned_at',
] as const

const shared = (core: Core, tn: string): Record<string, unknown> | null => {
  const row = core.store.applications.byTracking(tn)
  if (!row) return null
  return Object.fromEntries(SHARED.map((k) => [k, row[k as keyof ApplicationRow]]))
}

describe('replication between the workstations of one centre', () => {
  let sim: CentralSim
  let stations: Station[] = []

  async function station(slot: string, code: string, role: 'clerk' | 'desk'): Promise<Station> {
    const t = testCore()
    const admin = 'admin-window'
    await ok(t.core, admin, 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: slot,
      admin: ADMIN,
    })
    const { pin } = await signedIn(t.core, admin, 'staff-window', role)
    await ok(t.core, admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: code })
    const s = { ...t, admin, staff: 'staff-window', pin }
    stations.push(s)
    return s
  }

  const syncAll = async (): Promise<void> => {
    // Twice round: what one PC pushes in the first pass reaches the others in the second.
    for (let pass = 0; pass < 2; pass++) for (const s of stations) await ok(s.core, s.admin, 'sync.now', {})
  }

  beforeEach(async () => {
    stations = []
    sim = await startCentralSim({ enrolmentCodes: { '042': ['CTR-A-042', 'CTR-B-042', 'DESK-042'] } })
  })
  afterEach(async () => {
    for (const s of stations) s.close()
    await sim.close()
  })

  it('registered on counter A, shelved and handed over at the desk: all three PCs converge, and the desk shows the SMS outcome', async () => {
    const a = await station('01', 'CTR-A-042', 'clerk')
    const b = await station('02', 'CTR-B-042', 'clerk')
    const desk = await station('03', 'DESK-042', 'desk')

    const reg = await ok(a.core, a.staff, 'application.register', {
      serviceCode: 'BIRTH_CERT',
      customerName: 'Wanjiku Kamau',
      phone: '0712345678',
      idNumber: '23456789',
      language: 'sw',
      smsConsent: true,
      notes: 'Hospital notification attached',
    })
    const tn = reg.application.trackingNumber
    await ok(a.core, a.admin, 'sync.now', {})
    expect(desk.core.store.applications.byTracking(tn)).toBeNull()

    // The desk has never seen this number: the scan asks the central API, reads the centre feed, and shelves it.
    const batch = await ok(desk.core, desk.staff, 'arrivals.openBatch', {
      agency: 'Civil Registration Services',
      expected: [],
    })
    const scan = await ok(desk.core, desk.staff, 'arrivals.scan', { batchId: batch.id, code: tn })
    expect(scan.outcome).toBe('arrived')
    expect(scan.slot).toMatch(/^\d{2}W\d{2}-/)
    expect(desk.core.store.applications.byTracking(tn)).toMatchObject({
      customer_name: 'Wanjiku Kamau',
      notes: 'Hospital notification attached',
      status: 'arrived',
      registered_by: a.core.store.applications.byTracking(tn)?.registered_by,
    })

    // The ready SMS goes from the desk after the grace period; the gateway reports it delivered.
    desk.clock.advance(31 * 60_000)
    desk.core.tick()
    // Half an hour without touching the PC locks it; the desk officer and the admin come back.
    await ok(desk.core, desk.admin, 'auth.unlock', { pin: ADMIN.pin })
    await ok(desk.core, desk.staff, 'auth.unlock', { pin: desk.pin })
    await ok(desk.core, desk.admin, 'sync.now', {})
    // Outcomes appear at acceptance by default; deliver() only releases any still held back.
    sim.deliver()
    await syncAll()
    const seen = await ok(desk.core, desk.staff, 'application.get', { trackingNumber: tn })
    expect(seen.deliveries.map((d) => d.outcome)).toEqual(['delivered'])
    const look = await ok(desk.core, desk.staff, 'collection.lookup', { code: tn })
    expect(look.ready.map((r) => r.sms.state)).toEqual(['delivered'])

    const handed = await ok(desk.core, desk.staff, 'collection.handOver', {
      trackingNumbers: [tn],
      collector: { kind: 'owner', idNumber: '23456789' },
    })
    expect(handed[0]?.status).toBe('collected')
    await syncAll()

    const expected = shared(desk.core, tn)
    expect(expected).toMatchObject({ status: 'collected', shelf_slot: scan.slot })
    expect(shared(a.core, tn)).toEqual(expected)
    expect(shared(b.core, tn)).toEqual(expected)
    // Every PC holds the same events for the application, and the central API holds each exactly once.
    const ids = (c: Core) =>
      c.store.projection
        .eventsFor(tn)
        .map((e) => e.id)
        .sort()
    expect(ids(a.core)).toEqual(ids(desk.core))
    expect(ids(b.core)).toEqual(ids(desk.core))
    expect(new Set(sim.eventIds()).size).toBe(sim.eventIds().length)
    expect(await ok(b.core, b.admin, 'sync.status', {})).toMatchObject({
      lastReceivedAt: b.clock.now(),
      replicationIssues: 0,
    })
    // Counter B's own SMS record knows the desk's message went out (reminders must not treat it as never sent).
    expect(
      b.core.store.db
        .prepare('SELECT kind, status FROM notifications WHERE tracking_number = ? AND event_id IS NOT NULL')
        .all(tn),
    ).toEqual([{ kind: 'ready', status: 'sent' }])
  })

  it('a number registered at another centre, or unknown centrally, is named as such at the desk', async () => {
    const desk = await station('03', 'DESK-042', 'desk')
    const batch = await ok(desk.core, desk.staff, 'arrivals.openBatch', {
      agency: 'Civil Registration Services',
      expected: [],
    })
    // A well-formed number nobody registered.
    const scan = await ok(desk.core, desk.staff, 'arrivals.scan', { batchId: batch.id, code: '042012003660' })
    expect(scan.outcome).toBe('unknown')
    expect(scan.message).toContain('central tracking service does not know this number')
    const look = await desk.core.dispatch(desk.staff, 'collection.lookup', { code: '042012003660' })
    expect(look).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('scanned before counter A pushed it: kept as unmatched, then linked later once it reached the central API', async () => {
    const a = await station('01', 'CTR-A-042', 'clerk')
    const desk = await station('03', 'DESK-042', 'desk')
    // Counter A's link is down for now: its registration waits in its outbox.
    sim.setFaults({ errorRate: 1 })
    const reg = await ok(a.core, a.staff, 'application.register', {
      serviceCode: 'KRA_PIN',
      customerName: 'Mutua Musyoka',
      phone: '0722000111',
      idNumber: '30111222',
      language: 'en',
      smsConsent: false,
    })
    await ok(a.core, a.admin, 'sync.now', {})
    sim.setFaults({ errorRate: 0 })
    const tn = reg.application.trackingNumber
    const batch = await ok(desk.core, desk.staff, 'arrivals.openBatch', { agency: 'KRA', expected: [] })
    const scan = await ok(desk.core, desk.staff, 'arrivals.scan', { batchId: batch.id, code: tn })
    expect(scan).toMatchObject({ outcome: 'unknown', resolved: false })

    // The link is back; the next retry (at most five minutes later) sends it.
    a.clock.advance(6 * 60_000)
    await ok(a.core, a.admin, 'auth.unlock', { pin: ADMIN.pin })
    await ok(a.core, a.admin, 'sync.now', {})
    const linked = await ok(desk.core, desk.staff, 'arrivals.resolveScan', {
      scanId: scan.scanId,
      trackingNumber: tn,
    })
    expect(linked).toMatchObject({ outcome: 'arrived', trackingNumber: tn, customerName: 'Mutua Musyoka' })
  })

  it('offline, an unknown number is kept as unmatched with the offline wording', async () => {
    const desk = await station('03', 'DESK-042', 'desk')
    await sim.close()
    const batch = await ok(desk.core, desk.staff, 'arrivals.openBatch', {
      agency: 'Civil Registration Services',
      expected: [],
    })
    const scan = await ok(desk.core, desk.staff, 'arrivals.scan', { batchId: batch.id, code: '042012003660' })
    expect(scan.outcome).toBe('unknown')
    expect(scan.message).toContain('is not registered on this workstation')
    sim = await startCentralSim({ enrolmentCodes: {} })
  })
})

describe('the projector on a real SQLite file', () => {
  let t: ReturnType<typeof testCore>
  let projector: Projector
  beforeEach(async () => {
    t = testCore()
    await setUpCentre(t.core)
    projector = createProjector({ store: t.core.store, clock: t.clock, logger: silentLogger })
  })
  afterEach(() => t.close())

  const T0 = Date.UTC(2026, 10, 2, 7, 0, 0)
  const OTHER = '01936b2e-0000-7000-8000-000000000003'
  const TN = '042022005417'
  const replica = (type: string, at: number, payload: Record<string, unknown>): ReplicaEvent => ({
    id: uuidv7(at),
    type,
    occurredAt: at,
    staffNumber: 'DSK001',
    deviceId: OTHER,
    trackingNumber: TN,
    payload,
  })
  const registration = replica('application.registered', T0, {
    serviceCode: 'GOOD_CONDUCT',
    customerName: 'Otieno Ochieng',
    phone: '+254722000111',
    idNumber: '30111222',
    agencyRef: null,
    language: 'en',
    smsConsent: true,
    expectedReady: '2026-11-20',
  })
  const arrival = replica('application.arrived', T0 + 3_600_000, { slot: 'W45-GC', batchId: 3 })
  const apply = (events: ReplicaEvent[]) => t.core.store.tx(() => projector.applyReplicated(events))

  it('an arrival replicated before its registration is kept, and the row appears complete when the registration comes', () => {
    expect(apply([arrival])).toEqual({ stored: 1, projected: 0 })
    expect(t.core.store.applications.byTracking(TN)).toBeNull()
    expect(apply([registration])).toEqual({ stored: 1, projected: 1 })
    expect(t.core.store.applications.byTracking(TN)).toMatchObject({
      status: 'arrived',
      // Written by a PC not yet updated (no year in the label): stored with the year of the arrival.
      shelf_slot: '26W45-GC',
      arrival_batch_id: null,
      customer_name: 'Otieno Ochieng',
    })
  })

  it('the same page applied twice writes nothing the second time', () => {
    apply([registration, arrival])
    const before = rowCounts(t.core.store.db)
    const row = t.core.store.applications.byTracking(TN)
    expect(apply([registration, arrival])).toEqual({ stored: 0, projected: 0 })
    expect(rowCounts(t.core.store.db)).toEqual(before)
    expect(t.core.store.applications.byTracking(TN)).toEqual(row)
    // Replicated events are history here, not ours to send again.
    expect(t.core.store.events.outboxDepth()).toBe(before.outbox)
  })

  it('another PC’s reminder SMS counts for the exclusion window here, recorded once however often it comes', () => {
    apply([registration, arrival])
    const at = T0 + 86_400_000
    const reminder = {
      ...replica('notification.reminder', at, {
        phone: '+254722000111',
        language: 'en',
        trackingNumbers: [TN],
        text: 'Huduma GPO reminder: your document is waiting.',
        segments: 1,
        campaignId: 4,
      }),
      staffNumber: null,
    }
    apply([reminder])
    apply([reminder])
    expect(t.core.store.applications.byTracking(TN)).toMatchObject({ last_reminder_at: at })
    expect(
      t.core.store.db
        .prepare('SELECT kind, status, sent_at FROM notifications WHERE tracking_number = ?')
        .all(TN),
    ).toEqual([{ kind: 'reminder', status: 'sent', sent_at: at }])
  })

  it('an SMS outcome pulled before its application arrived here still shows on the backlog', () => {
    t.core.store.tx(() =>
      t.core.store.pull.insertOutcome({
        eventId: uuidv7(T0),
        trackingNumber: TN,
        outcome: 'failed',
        at: T0 + 5,
      }),
    )
    apply([registration, arrival])
    expect(t.core.store.applications.byTracking(TN)).toMatchObject({
      sms_outcome: 'failed',
      sms_outcome_at: T0 + 5,
    })
  })

  it('another manager’s phone call is on this PC’s call list, once', () => {
    apply([registration, arrival])
    const call = replica('application.callLogged', T0 + 7_200_000, {
      outcome: 'no-answer',
      note: 'try after 5',
    })
    apply([call])
    apply([call])
    expect(t.core.store.db.prepare('SELECT outcome, note, staff_number, at FROM call_log').all()).toEqual([
      { outcome: 'no-answer', note: 'try after 5', staff_number: 'DSK001', at: T0 + 7_200_000 },
    ])
  })

  it('a service this PC has never heard of gets an inactive stand-in until the catalogue names it', () => {
    const custom = {
      ...registration,
      id: uuidv7(T0),
      payload: { ...registration.payload, serviceCode: 'FIREARM_LIC' },
    }
    apply([custom])
    expect(t.core.store.services.byCode('FIREARM_LIC')).toMatchObject({
      active: false,
      agency: 'Unknown agency',
    })
    expect(t.core.store.applications.byTracking(TN)?.service_code).toBe('FIREARM_LIC')
  })

  it('rows written by the desks are exactly the fold of their events (one reducer for local and replicated)', async () => {
    const clerk = 'clerk-window'
    const desk = 'desk-window'
    await signedIn(t.core, 'admin-window', clerk, 'clerk')
    await signedIn(t.core, 'admin-window', desk, 'desk')
    const tns: string[] = []
    for (const [i, name] of ['Wanjiku Kamau', 'Achieng Atieno', 'Kiprono Kiptoo'].entries()) {
      const r = await ok(t.core, clerk, 'application.register', {
        serviceCode: 'BIRTH_CERT',
        customerName: name,
        phone: '0712345678',
        idNumber: `2345678${i}`,
        language: 'en',
        smsConsent: true,
        confirmDuplicate: true,
      })
      tns.push(r.application.trackingNumber)
    }
    const batch = await ok(t.core, desk, 'arrivals.openBatch', { agency: 'CRS', expected: [] })
    for (const tn of tns.slice(0, 2)) await ok(t.core, desk, 'arrivals.scan', { batchId: batch.id, code: tn })
    await ok(t.core, desk, 'shelf.flag', {
      trackingNumber: tns[1]!,
      flag: 'damaged',
      value: true,
      reason: 'torn corner',
    })
    await ok(t.core, desk, 'collection.handOver', {
      trackingNumbers: [tns[0]!],
      collector: {
        kind: 'proxy',
        name: 'Mary Kamau',
        idNumber: '12345678',
        relationship: 'mother',
        authorisationRef: 'LTR-1',
      },
    })
    for (const tn of tns) {
      const row = t.core.store.applications.byTracking(tn)
      t.core.store.tx(() => projector.project(tn))
      expect(t.core.store.applications.byTracking(tn)).toEqual(row)
    }
    expect(t.core.store.applications.byTracking(tns[0]!)).toMatchObject({ status: 'collected' })
    expect(t.core.store.applications.byTracking(tns[1]!)).toMatchObject({ status: 'arrived', damaged: 1 })
  })
})

describe('the centre feed refuses a bad answer and writes nothing', () => {
  let t: ReturnType<typeof testCore>
  let server: http.Server
  let body = ''
  beforeEach(async () => {
    t = testCore()
    await setUpCentre(t.core)
    server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      // After the first page the feed is dry, as the real API's is.
      const after = new URL(req.url ?? '/', 'http://x').searchParams.get('after')
      res.end(after === 'ev:1' ? JSON.stringify({ events: [], nextCursor: 'ev:1' }) : body)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  })
  afterEach(async () => {
    t.close()
    await new Promise<void>((r) => server.close(() => r()))
  })

  const feed = () =>
    createCentreFeed({
      db: t.core.store.db,
      sync: t.core.store.sync,
      projector: createProjector({ store: t.core.store, clock: t.clock, logger: silentLogger }),
      projection: t.core.store.projection,
      clock: t.clock,
      logger: silentLogger,
      endpoint: () => ({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        token: 'tok',
      }),
      centreNumber: () => '042',
    })
  const good = {
    seq: 1,
    id: uuidv7(Date.UTC(2026, 10, 2)),
    type: 'application.arrived',
    occurredAt: Date.UTC(2026, 10, 2),
    staffNumber: 'DSK001',
    deviceId: '01936b2e-0000-7000-8000-000000000003',
    centreNumber: '042',
    trackingNumber: '042022005417',
    payload: { slot: 'W45-GC' },
  }

  it.each([
    ['not JSON', '<html>proxy error</html>', 'not JSON'],
    ['a missing cursor', JSON.stringify({ events: [good] }), 'nextCursor'],
    [
      'a malformed event',
      JSON.stringify({ events: [{ ...good, trackingNumber: '42' }], nextCursor: 'ev:1' }),
      'events.0.trackingNumber',
    ],
  ])('%s', async (_name, answer, says) => {
    body = answer
    const before = rowCounts(t.core.store.db)
    const r = await feed().pullCentreEvents()
    expect(r).toEqual({ error: expect.stringContaining(says) })
    expect(rowCounts(t.core.store.db)).toEqual(before)
    expect(t.core.store.sync.getState(CENTRE_EVENTS_CURSOR_KEY)).toBeUndefined()
  })

  it('a good page is stored with its cursor, once', async () => {
    body = JSON.stringify({ events: [good], nextCursor: 'ev:1' })
    expect(await feed().pullCentreEvents()).toBe(1)
    expect(await feed().pullCentreEvents()).toBe(0)
    expect(t.core.store.sync.getState(CENTRE_EVENTS_CURSOR_KEY)).toBe('ev:1')
  })
})
