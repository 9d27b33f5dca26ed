import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { migration0050 } from '../main/db/migrations/0050-sync'
import { migrate, MIGRATIONS } from '../main/db/migrations/index'
import { centreQueries } from '../main/db/queries/centre'
import { eventQueries } from '../main/db/queries/events'
import { syncQueries } from '../main/db/queries/sync'
import { systemClock } from '../main/infra/clock'
import { silentLogger } from '../main/infra/logger'
import { uuidv7 } from '../main/infra/uuidv7'
import { createCentralClient } from '../main/sync/central-client'
import { createOutboxDrain } from '../main/sync/outbox-drain'
import { tempDir } from '../test/helpers/temp-dir'
import { startCentralSim } from '../test/peers/central-sim'
import { report } from './report'

/**
 * Outbox drain throughput (brief: 100,000 queued events at ≥ 5,000 events/s, ≥ 20× a naive client). Both clients are
 * the same drain on the same kind of database (WAL, synchronous=FULL, as the app opens it): batches of 500, and
 * batches of 1 — one request and one commit per event, which is what a naive outbox client does.
 */
const QUEUED = 100_000
// The naive client drains the same 100,000-event queue: its per-event cost grows with the queue it reads and
// deletes from, so a small sample would flatter it. The HTTP-only line is the round trip alone, sampled.
const HTTP_ONLY_SAMPLE = 5000

let tmp: ReturnType<typeof tempDir>
let server: http.Server
let url = ''
const stored = new Set<string>()
const dbs: Database[] = []

/** Answers like the real API: parses the body and says accepted (or duplicate) per id. */
function startStandIn(): Promise<void> {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: Array<{ id: string }> }
      const results = body.events.map((e) => {
        if (stored.has(e.id)) return { id: e.id, outcome: 'duplicate' }
        stored.add(e.id)
        return { id: e.id, outcome: 'accepted' }
      })
      const text = JSON.stringify({ results })
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
      res.end(text)
    })
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      resolve()
    }),
  )
}

function queuedDatabase(name: string, n: number, deviceId = uuidv7(systemClock.now())) {
  const db = new Sqlite(path.join(tmp.dir, name))
  dbs.push(db)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  migrate(db, migration0050.version, MIGRATIONS)
  const now = systemClock.now()
  centreQueries(db).insert({
    number: '042',
    name: 'Huduma Centre GPO',
    workstationSlot: '01',
    deviceId: uuidv7(now),
    now,
    permutationKey: '0123456789abcdef0123456789abcdef',
  })
  const events = eventQueries(db)
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      events.append({
        id: uuidv7(now),
        type: 'application.registered',
        occurredAt: now,
        staffNumber: 'CLK100',
        deviceId,
        trackingNumber: `04201${String(i % 1_000_000).padStart(6, '0')}7`,
        payload: {
          serviceCode: 'ID-NEW',
          language: 'sw',
          smsConsent: true,
          expectedReadyOn: '2026-11-20',
          i,
        },
      })
    }
  })()
  return syncQueries(db)
}

beforeAll(async () => {
  tmp = tempDir('tms-bench-sync-')
  await startStandIn()
})

afterAll(async () => {
  for (const db of dbs) db.close()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  tmp.cleanup()
})

it('outbox drain throughput', async () => {
  const batchedQueries = queuedDatabase('batched.sqlite', QUEUED)
  const batched = createOutboxDrain({ queries: batchedQueries, clock: systemClock, logger: silentLogger })
  batched.configure({ baseUrl: url, token: 'bench' })
  const t0 = performance.now()
  const totals = await batched.runUntilEmpty()
  const batchedSeconds = (performance.now() - t0) / 1000
  await batched.stop()
  expect(totals).toMatchObject({ sent: QUEUED, accepted: QUEUED, last: { kind: 'empty' } })
  expect(batchedQueries.depth()).toBe(0)

  const naiveQueries = queuedDatabase('naive.sqlite', QUEUED)
  const naive = createOutboxDrain({
    queries: naiveQueries,
    clock: systemClock,
    logger: silentLogger,
    batchSize: 1,
  })
  naive.configure({ baseUrl: url, token: 'bench' })
  const t1 = performance.now()
  const naiveTotals = await naive.runUntilEmpty()
  const naiveSeconds = (performance.now() - t1) / 1000
  await naive.stop()
  expect(naiveTotals).toMatchObject({ sent: QUEUED, accepted: QUEUED })

  // The same naive pattern without the database: only the HTTP round trip per event, to show where its time goes.
  const client = createCentralClient({ baseUrl: url, token: 'bench' })
  const t2 = performance.now()
  for (let i = 0; i < HTTP_ONLY_SAMPLE; i++) {
    const now = systemClock.now()
    const outcome = await client.postEvents([
      {
        id: uuidv7(now),
        type: 'application.registered',
        occurredAt: now,
        staffNumber: 'CLK100',
        deviceId: uuidv7(now),
        centreNumber: '042',
        trackingNumber: null,
        payload: { i },
      },
    ])
    if (outcome.kind !== 'results') throw new Error(`naive post failed: ${JSON.stringify(outcome)}`)
  }
  const httpOnlySeconds = (performance.now() - t2) / 1000
  client.close()
  expect(stored.size).toBe(2 * QUEUED + HTTP_ONLY_SAMPLE)

  const drainRate = QUEUED / batchedSeconds
  const naiveRate = QUEUED / naiveSeconds
  report('sync.drain events/s', drainRate, 'ev/s', '>= 5000')
  report('sync.naive events/s', naiveRate, 'ev/s', 'informational')
  report('sync.drain speed-up vs naive', drainRate / naiveRate, 'x', '>= 20x')
  report(
    'sync.naive http-only events/s (5k sample)',
    HTTP_ONLY_SAMPLE / httpOnlySeconds,
    'ev/s',
    'informational',
  )
})

/**
 * The same comparison against the central API simulator (real HTTP on 127.0.0.1, every request validated against
 * docs/central-api.yaml, every event deduplicated in its SQLite store): what the issue's target names.
 */
it('outbox drain throughput to the central simulator', async () => {
  const sim = await startCentralSim()
  try {
    const device = uuidv7(systemClock.now())
    const token = sim.issueToken('042', device, '01')
    const batchedQueries = queuedDatabase('sim-batched.sqlite', QUEUED, device)
    const batched = createOutboxDrain({ queries: batchedQueries, clock: systemClock, logger: silentLogger })
    batched.configure({ baseUrl: sim.url, token })
    const t0 = performance.now()
    const totals = await batched.runUntilEmpty()
    const batchedSeconds = (performance.now() - t0) / 1000
    await batched.stop()
    expect(totals).toMatchObject({ sent: QUEUED, accepted: QUEUED, last: { kind: 'empty' } })

    const naiveQueries = queuedDatabase('sim-naive.sqlite', QUEUED, device)
    const naive = createOutboxDrain({
      queries: naiveQueries,
      clock: systemClock,
      logger: silentLogger,
      batchSize: 1,
    })
    naive.configure({ baseUrl: sim.url, token })
    const t1 = performance.now()
    const naiveTotals = await naive.runUntilEmpty()
    const naiveSeconds = (performance.now() - t1) / 1000
    await naive.stop()
    expect(naiveTotals).toMatchObject({ sent: QUEUED, accepted: QUEUED })
    expect(sim.eventCount('042')).toBe(2 * QUEUED)

    const drainRate = QUEUED / batchedSeconds
    const naiveRate = QUEUED / naiveSeconds
    report('sync.sim drain events/s', drainRate, 'ev/s', '>= 5000')
    report('sync.sim naive events/s', naiveRate, 'ev/s', 'informational')
    report('sync.sim drain speed-up vs naive', drainRate / naiveRate, 'x', '>= 20x')
  } finally {
    await sim.close()
  }
})
