/**
 * The fault drain: N events through the real outbox drain to the central API simulator while it fails a share of
 * requests (5xx, 429 with Retry-After and dropped connections before the work, resets after it, stalls longer than the
 * client waits). Every event must be stored by the API exactly once and, per application, in the order this PC made them. Then, seven days later on the API's
 * clock, a PC restored from an old backup sends a batch again: the API must still recognise every event.
 * Time is a manual clock (backoff and Retry-After are measured against it), so the run takes as long as the work.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../main/db/open'
import { centreQueries } from '../../main/db/queries/centre'
import { eventQueries } from '../../main/db/queries/events'
import { syncQueries } from '../../main/db/queries/sync'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { uuidv7 } from '../../main/infra/uuidv7'
import { createOutboxDrain } from '../../main/sync/outbox-drain'
import { createCentralClient } from '../../main/sync/central-client'
import { startCentralSim } from '../../test/peers/central-sim'

export interface FaultDrainOptions {
  events: number
  faultRate: number
  seed: number
  /** Events per request (the drain's default when left out); smaller gives a short run enough requests to fail. */
  batchSize?: number
  log?: (line: string) => void
}

export interface FaultDrainReport {
  events: number
  requests: number
  failedRequests: number
  /** Requests the client gave up on while the API was still working on them (stalls longer than its timeout). */
  timedOut: number
  missing: number
  duplicates: number
  outOfOrder: number
  replayRecognised: boolean
  ms: number
}

const DEVICE = '0190a5a4-7a1b-7c3d-8e4f-123456789abc'
const DAY = 24 * 60 * 60 * 1000
/** The drain's request timeout here: short, so stalls longer than it cost the soak little time. */
const CLIENT_TIMEOUT_MS = 250

export async function runFaultDrain(opts: FaultDrainOptions): Promise<FaultDrainReport> {
  const started = Date.now()
  const log = opts.log ?? (() => undefined)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-fault-drain-'))
  const clock = manualClock()
  let simOffset = 0
  // Five kinds of fault share the rate: 5xx, 429 with Retry-After, a drop before the work, a reset after it, and
  // a stall longer than the client waits (the work is done after the client gave up and sent the batch again).
  const share = opts.faultRate / 5
  const faults = {
    errorRate: share,
    rate429: share,
    retryAfterSeconds: 2,
    dropRate: share,
    resetRate: share,
    stallRate: share,
    stallMs: 2 * CLIENT_TIMEOUT_MS,
  }
  const sim = await startCentralSim({ seed: opts.seed, now: () => clock.now() + simOffset, faults })
  const opened = openDatabase(path.join(dir, 'data'), clock, silentLogger)
  const db = opened.db
  try {
    centreQueries(db).insert({
      number: '042',
      name: 'Huduma Centre Soak',
      workstationSlot: '01',
      deviceId: DEVICE,
      now: clock.now(),
      permutationKey: '0123456789abcdef0123456789abcdef',
    })
    const events = eventQueries(db)
    const ids: string[] = []
    const tnOf = new Map<string, string>()
    for (let from = 0; from < opts.events; from += 10_000) {
      db.transaction(() => {
        for (let i = from; i < Math.min(opts.events, from + 10_000); i++) {
          const id = uuidv7(clock.now())
          // A thousand applications, so each has many events whose order matters.
          const trackingNumber = `04201${String(i % 1000).padStart(6, '0')}7`
          events.append({
            id,
            type: 'application.registered',
            occurredAt: clock.now(),
            staffNumber: 'CLK100',
            deviceId: DEVICE,
            trackingNumber,
            payload: { i },
          })
          ids.push(id)
          tnOf.set(id, trackingNumber)
        }
      })()
    }
    log(`fault drain: ${ids.length} events queued`)
    const drain = createOutboxDrain({
      queries: syncQueries(db),
      clock,
      logger: silentLogger,
      random: () => 0.5,
      ...(opts.batchSize === undefined ? {} : { batchSize: opts.batchSize }),
      createClient: (e) => createCentralClient(e, { now: () => clock.now(), timeoutMs: CLIENT_TIMEOUT_MS }),
    })
    drain.configure({ baseUrl: sim.url, token: sim.issueToken('042', DEVICE, '01') })
    let failedRequests = 0
    let timedOut = 0
    for (let calls = 0; ; calls++) {
      if (calls > opts.events) throw new Error('fault drain: the outbox did not empty')
      const r = await drain.drainOnce()
      if (r.kind === 'empty') break
      if (r.kind === 'failed') failedRequests++
      if (r.kind === 'failed' && r.error.includes('did not answer within')) timedOut++
      if (r.kind === 'failed' || r.kind === 'waiting') clock.set(Math.max(clock.now(), r.nextAttemptAt))
      else if (r.kind !== 'sent') throw new Error(`fault drain stopped: ${JSON.stringify(r)}`)
    }
    const atApi = sim.eventIds()
    const position = new Map(atApi.map((id, i) => [id, i]))
    const missing = ids.filter((id) => !position.has(id)).length
    const duplicates = atApi.length - new Set(atApi).size
    let outOfOrder = 0
    const last = new Map<string, number>()
    for (const id of ids) {
      const p = position.get(id)
      const tn = tnOf.get(id)!
      if (p === undefined) continue
      if (p < (last.get(tn) ?? -1)) outOfOrder++
      last.set(tn, p)
    }
    // A week later a PC restored from an old backup sends its first 500 events again.
    simOffset = 7 * DAY
    sim.setFaults({ errorRate: 0, rate429: 0, resetRate: 0, dropRate: 0, stallRate: 0 })
    db.prepare(
      'INSERT INTO outbox (event_seq, next_attempt_at) SELECT seq, 0 FROM events ORDER BY seq LIMIT 500',
    ).run()
    const before = sim.stats()
    let replayed = 0
    let replayOk = true
    for (let r = await drain.drainOnce(); r.kind !== 'empty'; r = await drain.drainOnce()) {
      if (r.kind !== 'sent') {
        replayOk = false
        break
      }
      replayed += r.duplicate
    }
    const after = sim.stats()
    const replayRecognised =
      replayOk &&
      replayed === Math.min(500, ids.length) &&
      after.accepted === before.accepted &&
      sim.eventIds().length === atApi.length
    await drain.stop()
    return {
      events: ids.length,
      requests: sim.stats().requests,
      failedRequests,
      timedOut,
      missing,
      duplicates,
      outOfOrder,
      replayRecognised,
      ms: Date.now() - started,
    }
  } finally {
    db.close()
    await sim.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
