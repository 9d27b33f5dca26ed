import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deferIndexes, hasDeferredIndexes, restoreIndexesOnWorker } from '../../main/db/deferred-indexes'
import { silentLogger } from '../../main/infra/logger'
import { uuidv7 } from '../../main/infra/uuidv7'
import { createProjector, type Projector } from '../../main/services/projection/projector'
import { CATCH_UP_PROJECTION_KEY } from '../../main/sync/catch-up-projection'
import { createCentreFeed } from '../../main/sync/centre-feed'
import { seedCentreHistory, type CentreHistory } from '../helpers/centre-history'
import { ok, setUpCentre, signedIn, testCore } from '../helpers/core'
import { tempDir } from '../helpers/temp-dir'
import { startCentralSim, type CentralSim } from '../peers/central-sim'
import { openSimStore } from '../peers/central-sim/store'

/**
 * A new PC's catch-up in passes (main/sync/catch-up-projection.ts): events stored first, applications made in
 * tracking-number order with the application indexes set aside, SMS and calls after, indexes built on a worker.
 * Whatever the road, a PC must end with exactly what the page-by-page road gives: the same rows, name keys, SMS,
 * calls and issues, and the same schema. Stopped anywhere, it resumes to the same end.
 */

const START = Date.UTC(2027, 0, 4, 6, 0, 0)
const OTHER_DESK = '01936b2e-0000-7000-8000-0000000000bb'

let tmp: ReturnType<typeof tempDir>
let sim: CentralSim
let history: CentreHistory
const pcs: ReturnType<typeof testCore>[] = []

/** A manager at another desk logs a call about `tn`, on day 9: one more event in the centre's feed. */
function callLoggedElsewhere(tn: string): void {
  const at = START + 9 * 86_400_000
  const store = openSimStore(path.join(tmp.dir, 'central.sqlite'))
  try {
    store.insertEvent(
      {
        id: uuidv7(at),
        type: 'application.callLogged',
        occurredAt: at,
        staffNumber: 'MGR001',
        deviceId: OTHER_DESK,
        centreNumber: '042',
        trackingNumber: tn,
        payload: { outcome: 'reached' },
      },
      at,
    )
  } finally {
    store.close()
  }
}

/**
 * Events the generated history lacks: a call, a message about three documents, a reminder, an erasure, and one that
 * does not fit.
 */
function extraEvents(tns: readonly string[]) {
  const at = START + 5 * 86_400_000
  /** Another desk's event, `ms` after `at`, about `tn`. */
  const event = (ms: number, type: string, tn: string, payload: Record<string, unknown>) => ({
    id: uuidv7(at + ms),
    type,
    occurredAt: at + ms,
    staffNumber: 'MGR001',
    deviceId: OTHER_DESK,
    centreNumber: '042',
    trackingNumber: tn,
    payload,
  })
  const sms = { segments: 1 }
  return [
    event(0, 'application.callLogged', tns[5]!, { outcome: 'no-answer', note: null }),
    // Recorded against its first document; the other two come later in tracking-number order.
    event(1, 'notification.ready', tns[1]!, {
      ...sms,
      phone: '+254711000001',
      language: 'en',
      trackingNumbers: [tns[1]!, tns[700]!, tns[999]!],
      text: 'Your documents are ready for collection.',
    }),
    event(4, 'notification.reminder', tns[2]!, {
      ...sms,
      phone: '+254711000002',
      language: 'sw',
      text: 'Hati yako bado iko tayari.',
      campaignId: 3,
    }),
    event(2, 'application.personalDataErased', tns[3]!, { reason: 'request' }),
    event(3, 'application.arrived', tns[4]!, { slot: 42 }),
  ]
}

beforeEach(async () => {
  tmp = tempDir()
  const file = path.join(tmp.dir, 'central.sqlite')
  const store = openSimStore(file)
  history = seedCentreHistory(store, {
    centre: '042',
    applications: 1_000,
    slots: ['01', '02'],
    start: START,
  })
  store.enrolDevice('042', OTHER_DESK, '09', START)
  for (const e of extraEvents(history.trackingNumbers)) store.insertEvent(e, START + 6 * 86_400_000)
  store.close()
  sim = await startCentralSim({ dbFile: file })
})
afterEach(async () => {
  for (const pc of pcs.splice(0)) pc.close()
  await sim.close()
  tmp.cleanup()
})

async function newPc(dir?: string) {
  const pc = testCore(dir)
  pcs.push(pc)
  if (!dir) await setUpCentre(pc.core)
  return pc
}

function feedOf(
  pc: ReturnType<typeof testCore>,
  opts: {
    bulk: boolean
    projector?: Projector
    slot?: string
    deferEventsIndexAtLeast?: number
    onPasses?: (fraction: number) => void
  },
) {
  const token = sim.issueToken('042', pc.core.store.centre.get()!.device_id, opts.slot ?? '07')
  return createCentreFeed({
    db: pc.core.store.db,
    sync: pc.core.store.sync,
    projector:
      opts.projector ?? createProjector({ store: pc.core.store, clock: pc.clock, logger: silentLogger }),
    projection: pc.core.store.projection,
    clock: pc.clock,
    logger: silentLogger,
    endpoint: () => ({ baseUrl: sim.url, token }),
    centreNumber: () => '042',
    bulk: () => opts.bulk,
    deferEventsIndexAtLeast: opts.deferEventsIndexAtLeast,
    onPasses: opts.onPasses,
  })
}

const ROLLUP_TABLES = [
  'turnaround_day',
  'turnaround_month',
  'stage_day',
  'arrival_cohort',
  'agency_late_day',
  'agency_late_week',
  'agency_late_month',
]

/** What a PC holds of the centre, as a manager's or a desk's screen would read it. */
function holdings(pc: ReturnType<typeof testCore>) {
  const db = pc.core.store.db
  const all = (sql: string) => db.prepare(sql).all()
  return {
    applications: all(
      `SELECT tracking_number, service_code, customer_name, phone, id_number, status, registered_at, arrived_at,
         shelf_slot, collected_at, sms_outcome, last_reminder_at FROM applications ORDER BY tracking_number`,
    ),
    nameKeys: all('SELECT name_key, tracking_number FROM application_name_keys ORDER BY 1, 2'),
    notifications: all(
      'SELECT tracking_number, kind, status, sent_at, event_id FROM notifications ORDER BY event_id, tracking_number',
    ),
    calls: all(
      'SELECT tracking_number, at, staff_number, outcome FROM call_log ORDER BY tracking_number, at',
    ),
    issues: all('SELECT event_id, type, reason FROM replication_issues ORDER BY event_id'),
    // The manager's and the agencies' figures, which triggers keep (and a catch-up rebuilds).
    rollups: ROLLUP_TABLES.map((t) => all(`SELECT * FROM ${t} ORDER BY 1, 2, 3`)),
  }
}
const schema = (pc: ReturnType<typeof testCore>) =>
  pc.core.store.db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
    .all()
const scratch = (pc: ReturnType<typeof testCore>) =>
  pc.core.store.db
    .prepare('SELECT (SELECT count(*) FROM deferred_schema) + (SELECT count(*) FROM catch_up_name_keys) AS n')
    .pluck()
    .get()

/** The page-by-page road, on a PC of its own: what every other road must end with. */
async function reference(events = history.events + 5) {
  const pc = await newPc()
  expect(await feedOf(pc, { bulk: false, slot: '08' }).pullCentreEvents()).toBe(events)
  return { holdings: holdings(pc), schema: schema(pc) }
}

describe('a catch-up in passes', () => {
  it('ends with the same rows, name keys, SMS, calls, issues, rollups and schema as the page-by-page road; its progress only grows', async () => {
    const ref = await reference()
    expect(ref.holdings.applications).toHaveLength(1_000)
    expect(ref.holdings.calls).toHaveLength(1)
    expect(ref.holdings.issues).toHaveLength(1)
    const reminded = ref.holdings.applications.filter(
      (a) => (a as { last_reminder_at: unknown }).last_reminder_at,
    )
    expect(reminded).toHaveLength(1)
    expect(ref.holdings.rollups.every((rows) => rows.length > 0)).toBe(true)
    const pc = await newPc()
    const told: number[] = []
    const feed = feedOf(pc, { bulk: true, onPasses: (f) => told.push(f) })
    expect(await feed.pullCentreEvents()).toBe(history.events + 5)
    expect(holdings(pc)).toEqual(ref.holdings)
    // The progress of the passes only grows, moves while the worker builds the indexes, and ends at 1.
    expect(told).toEqual([...told].sort((a, b) => a - b))
    expect(told.filter((f) => f > 0.8 && f < 1).length).toBeGreaterThan(5)
    expect(told.at(-1)).toBe(1)
    expect(schema(pc)).toEqual(ref.schema)
    expect(scratch(pc)).toBe(0)
    expect(pc.core.store.sync.getState(CATCH_UP_PROJECTION_KEY)).toBeUndefined()
  })

  it('with the events’ index set aside while storing, ends the same; a stop while storing is finished by the next catch-up', async () => {
    const ref = await reference()
    const pc = await newPc()
    const real = createProjector({ store: pc.core.store, clock: pc.clock, logger: silentLogger })
    let calls = 0
    let setAside = false
    const stopping: Projector = {
      ...real,
      storeReplicated(events) {
        setAside ||= hasDeferredIndexes(pc.core.store.db, 'events')
        if (++calls === 4) throw new Error('power cut')
        return real.storeReplicated(events)
      },
    }
    const r = await feedOf(pc, {
      bulk: true,
      projector: stopping,
      deferEventsIndexAtLeast: 1,
    }).pullCentreEvents()
    expect(r).toEqual({ error: expect.stringContaining('power cut') })
    expect(setAside).toBe(true)
    expect(hasDeferredIndexes(pc.core.store.db, 'events')).toBe(true)
    expect(pc.core.store.sync.getState(CATCH_UP_PROJECTION_KEY)).toMatchObject({ stage: 'storing' })

    // A catch-up again: the rest of the events, then every pass, the events' index first.
    expect(await feedOf(pc, { bulk: true, deferEventsIndexAtLeast: 1 }).pullCentreEvents()).toBeGreaterThan(0)
    expect(holdings(pc)).toEqual(ref.holdings)
    expect(schema(pc)).toEqual(ref.schema)
    expect(scratch(pc)).toBe(0)
  })

  it('makes the applications with their indexes set aside, and a registration meanwhile keeps its name keys', async () => {
    const ref = await reference()
    const pc = await newPc()
    await signedIn(pc.core, 'admin-window', 'clerk-window', 'clerk')
    const real = createProjector({ store: pc.core.store, clock: pc.clock, logger: silentLogger })
    let registering: Promise<{ ok: boolean; setAside: boolean }> | null = null
    const watching: Projector = {
      ...real,
      projectStoredInOrder(tns, fromSeq) {
        // A clerk registers while the passes run: after this slice commits, before the passes end.
        if (!registering && hasDeferredIndexes(pc.core.store.db)) {
          registering = new Promise((resolve) =>
            setImmediate(() => {
              void pc.core
                .dispatch('clerk-window', 'application.register', {
                  serviceCode: 'BIRTH_CERT',
                  customerName: 'Zöë Wanjikũ',
                  phone: '+254712000999',
                  idNumber: '39999999',
                  language: 'en',
                  smsConsent: true,
                })
                .then((r) => resolve({ ok: r.ok, setAside: hasDeferredIndexes(pc.core.store.db) }))
            }),
          )
        }
        real.projectStoredInOrder(tns, fromSeq)
      },
    }
    expect(await feedOf(pc, { bulk: true, projector: watching }).pullCentreEvents()).toBe(history.events + 5)
    expect(registering).not.toBeNull()
    expect(await registering).toEqual({ ok: true, setAside: true })
    expect(schema(pc)).toEqual(ref.schema)
    expect(scratch(pc)).toBe(0)
    const found = await ok(pc.core, 'clerk-window', 'application.search', { query: 'wanjiku' })
    expect(found.map((a) => a.customerName)).toEqual(['Zöë Wanjikũ'])
    expect(holdings(pc).applications).toHaveLength(1_001)
  })

  it('stopped inside the applications pass, with its indexes set aside, is finished by the next pull', async () => {
    const ref = await reference()
    const pc = await newPc()
    const real = createProjector({ store: pc.core.store, clock: pc.clock, logger: silentLogger })
    let calls = 0
    const failing: Projector = {
      ...real,
      projectStoredInOrder(tns, fromSeq) {
        if (++calls === 3) throw new Error('disk I/O error')
        real.projectStoredInOrder(tns, fromSeq)
      },
    }
    const r = await feedOf(pc, { bulk: true, projector: failing }).pullCentreEvents()
    expect(r).toEqual({ error: expect.stringContaining('disk I/O error') })
    expect(pc.core.store.sync.getState(CATCH_UP_PROJECTION_KEY)).toMatchObject({ stage: 'applications' })
    expect(hasDeferredIndexes(pc.core.store.db)).toBe(true)
    const made = holdings(pc).applications.length
    expect(made).toBeGreaterThan(0)
    expect(made).toBeLessThan(1_000)

    // An ordinary pull (not a catch-up) finishes the passes before it reads on.
    expect(await feedOf(pc, { bulk: false }).pullCentreEvents()).toBe(0)
    expect(holdings(pc)).toEqual(ref.holdings)
    expect(schema(pc)).toEqual(ref.schema)
    expect(scratch(pc)).toBe(0)
  })

  it('a catch-up started again while the last one is part-way through its walk finishes that first, then makes what it brings', async () => {
    const pc = await newPc()
    const real = createProjector({ store: pc.core.store, clock: pc.clock, logger: silentLogger })
    let calls = 0
    const failing: Projector = {
      ...real,
      projectStoredInOrder(tns, fromSeq) {
        if (++calls === 3) throw new Error('disk I/O error')
        real.projectStoredInOrder(tns, fromSeq)
      },
    }
    await feedOf(pc, { bulk: true, projector: failing }).pullCentreEvents()
    expect(pc.core.store.sync.getState(CATCH_UP_PROJECTION_KEY)).toMatchObject({ stage: 'applications' })
    // Meanwhile a manager elsewhere calls about the first document, which the stopped walk has passed.
    callLoggedElsewhere([...history.trackingNumbers].sort()[0]!)
    const ref = await reference(history.events + 6)

    expect(await feedOf(pc, { bulk: true }).pullCentreEvents()).toBe(1)
    expect(holdings(pc)).toEqual(ref.holdings)
    expect(holdings(pc).calls).toHaveLength(2)
    expect(schema(pc)).toEqual(ref.schema)
    expect(scratch(pc)).toBe(0)
  })

  it('a PC that stopped with the indexes set aside builds them when it opens, and its next pull ends the same', async () => {
    const ref = await reference()
    const pc = await newPc()
    const real = createProjector({ store: pc.core.store, clock: pc.clock, logger: silentLogger })
    let calls = 0
    const failing: Projector = {
      ...real,
      followUpStored(rows) {
        if (++calls === 1) throw new Error('power cut')
        return real.followUpStored(rows)
      },
    }
    expect(await feedOf(pc, { bulk: true, projector: failing }).pullCentreEvents()).toEqual({
      error: expect.stringContaining('power cut'),
    })
    expect(pc.core.store.sync.getState(CATCH_UP_PROJECTION_KEY)).toMatchObject({
      stage: 'follow-ups',
    })
    expect(hasDeferredIndexes(pc.core.store.db)).toBe(true)
    const dir = pc.dir
    pc.core.close()
    pcs.splice(pcs.indexOf(pc), 1)

    const again = await newPc(dir)
    expect(hasDeferredIndexes(again.core.store.db)).toBe(false)
    expect(schema(again)).toEqual(ref.schema)
    expect(await feedOf(again, { bulk: false }).pullCentreEvents()).toBe(0)
    expect(holdings(again)).toEqual(ref.holdings)
    expect(scratch(again)).toBe(0)
  })

  it('a manager screen that needs an index set aside says the PC is still catching up, and works once it is built', async () => {
    const pc = await newPc()
    await signedIn(pc.core, 'admin-window', 'manager-window', 'manager')
    const db = pc.core.store.db
    db.transaction(() => deferIndexes(db, 'applications'))()
    const r = await pc.core.dispatch('manager-window', 'backlog.summary', {})
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/still catching up/) } })
    await restoreIndexesOnWorker(db)
    expect(await pc.core.dispatch('manager-window', 'backlog.summary', {})).toMatchObject({ ok: true })
  })

  it('a catch-up that brings few events to a PC holding many keeps the indexes and makes only what it brought', async () => {
    const pc = await newPc()
    expect(await feedOf(pc, { bulk: false }).pullCentreEvents()).toBe(history.events + 5)
    const before = holdings(pc)
    callLoggedElsewhere(history.trackingNumbers[10]!)
    const real = createProjector({ store: pc.core.store, clock: pc.clock, logger: silentLogger })
    const projected: string[] = []
    let sawDeferred = false
    const watching: Projector = {
      ...real,
      projectStored(tns) {
        sawDeferred ||= hasDeferredIndexes(pc.core.store.db)
        projected.push(...tns)
        return real.projectStored(tns)
      },
    }
    expect(await feedOf(pc, { bulk: true, projector: watching }).pullCentreEvents()).toBe(1)
    expect(sawDeferred).toBe(false)
    expect(projected).toEqual([history.trackingNumbers[10]])
    expect(holdings(pc).calls).toHaveLength(before.calls.length + 1)
    expect(holdings(pc).applications).toEqual(before.applications)
  })
})
