import fc from 'fast-check'
import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { migration0050 } from '../../main/db/migrations/0050-sync'
import { migrate, MIGRATIONS } from '../../main/db/migrations/index'
import { centreQueries } from '../../main/db/queries/centre'
import { eventQueries } from '../../main/db/queries/events'
import { syncQueries } from '../../main/db/queries/sync'
import { manualClock, type Clock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { uuidv7 } from '../../main/infra/uuidv7'
import { createCentralClient } from '../../main/sync/central-client'
import { createOutboxDrain, ImportFileError, type OutboxDrain } from '../../main/sync/outbox-drain'
import { tempDir } from '../helpers/temp-dir'
import { startCentralSim, type CentralSim } from '../peers/central-sim/index'

const TOKEN = 'test-token-0001'
const DEVICE = '0190a5a4-7a1b-7c3d-8e4f-123456789abc'

// ---------- a stand-in for the central API: real HTTP on 127.0.0.1 --------------------------------------------------

interface WireEvent {
  id: string
  type: string
  occurredAt: number
  staffNumber: string | null
  deviceId: string
  centreNumber: string
  trackingNumber: string | null
  payload: Record<string, unknown>
}

/** What the stand-in does with one request: answer normally (undefined), or something else. */
type Fault =
  | { status: number; body?: string; headers?: Record<string, string> }
  | 'reset-before'
  | 'reset-after'
  | 'hang'

interface StandIn {
  url: string
  /** Ids in the order they were first stored; a duplicate is never stored twice. */
  stored: string[]
  storedSet: Set<string>
  /** Every request that reached the handler with a parsable body: the ids it carried. */
  requests: string[][]
  /** Every request, whatever became of it. */
  hits: number
  /** Every event body the stand-in saw, by id (first sighting). */
  seen: Map<string, WireEvent>
  /** Ids answered `rejected` with this reason. */
  reject: Map<string, string>
  /** Per-request override, consulted before normal handling. */
  fault: ((ids: string[], n: number) => Fault | undefined) | null
  token: string
  close(): Promise<void>
}

async function startStandIn(): Promise<StandIn> {
  const s: Omit<StandIn, 'url' | 'close'> = {
    stored: [],
    storedSet: new Set(),
    requests: [],
    hits: 0,
    seen: new Map(),
    reject: new Map(),
    fault: null,
    token: TOKEN,
  }
  const sendJson = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    type = 'application/json',
  ): void => {
    const text = JSON.stringify(body)
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(text) })
    res.end(text)
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      s.hits++
      if (req.method !== 'POST' || req.url !== '/v1/events') return sendJson(res, 404, { title: 'Not found' })
      if (req.headers.authorization !== `Bearer ${s.token}`) {
        return sendJson(res, 401, { title: 'Unauthorized', status: 401 }, 'application/problem+json')
      }
      let events: WireEvent[]
      try {
        events = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: WireEvent[] }).events
        if (!Array.isArray(events) || events.length < 1 || events.length > 500) throw new Error('size')
      } catch {
        return sendJson(res, 400, { title: 'Bad request', detail: 'body' }, 'application/problem+json')
      }
      const ids = events.map((e) => e.id)
      s.requests.push(ids)
      for (const e of events) if (!s.seen.has(e.id)) s.seen.set(e.id, e)
      const fault = s.fault?.(ids, s.requests.length)
      if (fault === 'hang') return
      if (fault === 'reset-before') return req.socket.destroy()
      if (fault && typeof fault === 'object') {
        res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers })
        return res.end(fault.body ?? '')
      }
      const bad = events.find((e) => e.payload?.bad === true)
      if (bad) {
        return sendJson(
          res,
          400,
          { type: 'about:blank', title: 'Invalid event', status: 400, detail: `payload.bad is not allowed` },
          'application/problem+json',
        )
      }
      const results = events.map((e) => {
        const reason = s.reject.get(e.id)
        if (reason) return { id: e.id, outcome: 'rejected', reason }
        if (s.storedSet.has(e.id)) return { id: e.id, outcome: 'duplicate' }
        s.storedSet.add(e.id)
        s.stored.push(e.id)
        return { id: e.id, outcome: 'accepted' }
      })
      if (fault === 'reset-after') return req.socket.destroy()
      sendJson(res, 200, { results })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(s, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  })
}

// ---------- a real SQLite file with the schema up to 0050 -----------------------------------------------------------

function openDb(file: string) {
  const db: Database = new Sqlite(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  // Until 0050 is registered in MIGRATIONS the default target (LATEST_VERSION) stops short of it.
  migrate(db, migration0050.version, MIGRATIONS)
  return { db, sync: syncQueries(db), events: eventQueries(db), centre: centreQueries(db) }
}
type Db = ReturnType<typeof openDb>

function setUpCentre(d: Db, clock: Clock): void {
  d.centre.insert({
    number: '042',
    name: 'Huduma Centre GPO',
    workstationSlot: '01',
    deviceId: DEVICE,
    now: clock.now(),
    permutationKey: '0123456789abcdef0123456789abcdef',
  })
}

/** Appends `n` events (and outbox rows) in one transaction; returns their ids in seq order. */
function appendEvents(
  d: Db,
  clock: Clock,
  n: number,
  extra: (i: number) => Record<string, unknown> = () => ({}),
) {
  const ids: string[] = []
  d.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const id = uuidv7(clock.now())
      d.events.append({
        id,
        type: 'application.registered',
        occurredAt: clock.now(),
        staffNumber: 'CLK100',
        deviceId: DEVICE,
        trackingNumber: `04201${String(i % 1_000_000).padStart(6, '0')}7`,
        payload: { i, ...extra(i) },
      })
      ids.push(id)
    }
  })()
  return ids
}

const outboxSeqs = (d: Db): number[] =>
  d.db
    .prepare<[], { event_seq: number }>('SELECT event_seq FROM outbox ORDER BY event_seq')
    .all()
    .map((r) => r.event_seq)
const seqOf = (d: Db, id: string): number =>
  d.db.prepare<[string], { seq: number }>('SELECT seq FROM events WHERE id = ?').get(id)!.seq

describe('outbox drain', () => {
  let tmp: ReturnType<typeof tempDir>
  let server: StandIn
  let clock: ReturnType<typeof manualClock>
  let d: Db
  const drains: OutboxDrain[] = []
  const dbs: Database[] = []

  const open = (name = 'tms.sqlite'): Db => {
    const opened = openDb(path.join(tmp.dir, name))
    dbs.push(opened.db)
    return opened
  }
  const makeDrain = (db: Db, extra: Partial<Parameters<typeof createOutboxDrain>[0]> = {}): OutboxDrain => {
    const drain = createOutboxDrain({
      queries: db.sync,
      clock,
      logger: silentLogger,
      random: () => 0.5,
      ...extra,
    })
    drains.push(drain)
    return drain
  }
  /** Calls drainOnce until the outbox is empty, moving the clock to each next attempt time. */
  const drainWithClock = async (drain: OutboxDrain, maxCalls = 10_000): Promise<number> => {
    for (let calls = 1; calls <= maxCalls; calls++) {
      const r = await drain.drainOnce()
      if (r.kind === 'empty') return calls
      if (r.kind === 'waiting' || r.kind === 'failed') clock.set(Math.max(clock.now(), r.nextAttemptAt))
      else if (r.kind !== 'sent') throw new Error(`drain stopped: ${JSON.stringify(r)}`)
    }
    throw new Error('outbox not empty after maxCalls')
  }

  beforeEach(async () => {
    tmp = tempDir('tms-sync-')
    server = await startStandIn()
    clock = manualClock()
    d = open()
    setUpCentre(d, clock)
  })
  afterEach(async () => {
    for (const drain of drains.splice(0)) await drain.stop()
    for (const db of dbs.splice(0)) if (db.open) db.close()
    await server.close()
    tmp.cleanup()
  })

  it('migration 0050 adds sync_state (JSON values) and dead_letters (tied to events), both STRICT', () => {
    expect(d.db.pragma('user_version', { simple: true })).toBe(50)
    const tables = d.db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('sync_state', 'dead_letters') ORDER BY name",
      )
      .all()
    expect(tables).toEqual([
      { name: 'dead_letters', strict: 1 },
      { name: 'sync_state', strict: 1 },
    ])
    expect(() => d.db.prepare("INSERT INTO sync_state (key, value) VALUES ('x', 'not json')").run()).toThrow(
      /CHECK/,
    )
    expect(() =>
      d.db.prepare("INSERT INTO dead_letters (event_seq, reason, at) VALUES (999, 'r', 1)").run(),
    ).toThrow(/FOREIGN KEY/)
  })

  it('is not-configured until an endpoint is set, and events wait', async () => {
    appendEvents(d, clock, 3)
    const drain = makeDrain(d)
    expect(drain.status()).toMatchObject({ state: 'not-configured', queueDepth: 3, oldestUnsentAgeMs: 0 })
    expect(await drain.drainOnce()).toEqual({ kind: 'not-configured' })
    expect(() => drain.configure({ baseUrl: 'ftp://x', token: TOKEN })).toThrow(/http/)
    expect(() => drain.configure({ baseUrl: server.url, token: '' })).toThrow()
    clock.advance(5000)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    expect(drain.status()).toMatchObject({ state: 'online', queueDepth: 3, oldestUnsentAgeMs: 5000 })
    expect(server.requests).toHaveLength(0)
  })

  it('drains 2,000 events in batches of at most 500, in seq order, each id once, and empties the outbox', async () => {
    const ids = appendEvents(d, clock, 2000)
    const statuses: string[] = []
    const drain = makeDrain(d, { onStatus: (s) => statuses.push(`${s.state}:${s.queueDepth}`) })
    drain.configure({ baseUrl: server.url, token: TOKEN })
    const totals = await drain.runUntilEmpty()
    expect(totals).toMatchObject({
      sent: 2000,
      accepted: 2000,
      duplicate: 0,
      rejected: 0,
      last: { kind: 'empty' },
    })
    expect(server.requests.map((r) => r.length)).toEqual([500, 500, 500, 500])
    expect(server.requests.flat()).toEqual(ids)
    expect(server.stored).toEqual(ids)
    expect(outboxSeqs(d)).toEqual([])
    expect(drain.status()).toMatchObject({
      state: 'online',
      queueDepth: 0,
      oldestUnsentAgeMs: null,
      lastError: null,
      lastSuccessAt: clock.now(),
      deadLetters: 0,
    })
    expect(statuses.at(-1)).toBe('online:0')
    // The wire form: the centre number from the centre row, the payload as an object.
    expect(server.seen.get(ids[7]!)).toEqual({
      id: ids[7],
      type: 'application.registered',
      occurredAt: clock.now(),
      staffNumber: 'CLK100',
      deviceId: DEVICE,
      centreNumber: '042',
      trackingNumber: '042010000077',
      payload: { i: 7 },
    })
    // Events stay: only the outbox rows went.
    expect(d.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 2000 })
  })

  it('a smaller batch size is honoured', async () => {
    const ids = appendEvents(d, clock, 25)
    const drain = makeDrain(d, { batchSize: 10 })
    drain.configure({ baseUrl: server.url, token: TOKEN })
    expect(await drain.drainOnce()).toEqual({
      kind: 'sent',
      sent: 10,
      accepted: 10,
      duplicate: 0,
      rejected: 0,
      remaining: 15,
    })
    await drain.runUntilEmpty()
    expect(server.requests.map((r) => r.length)).toEqual([10, 10, 5])
    expect(server.stored).toEqual(ids)
  })

  it('duplicates count as delivered', async () => {
    const ids = appendEvents(d, clock, 10)
    for (const id of ids.slice(0, 4)) {
      server.storedSet.add(id)
      server.stored.push(id)
    }
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    expect(await drain.drainOnce()).toMatchObject({ kind: 'sent', accepted: 6, duplicate: 4, remaining: 0 })
    expect(outboxSeqs(d)).toEqual([])
    expect(server.stored).toEqual(ids)
  })

  it("'rejected' goes to the dead letters with the reason, the rest is delivered, the queue is not blocked", async () => {
    const ids = appendEvents(d, clock, 600)
    server.reject.set(ids[0]!, 'unknown service code XYZ')
    server.reject.set(ids[550]!, 'tracking number belongs to another centre')
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    const totals = await drain.runUntilEmpty()
    expect(totals).toMatchObject({ sent: 600, accepted: 598, rejected: 2 })
    expect(outboxSeqs(d)).toEqual([])
    expect(server.stored).toEqual(ids.filter((_, i) => i !== 0 && i !== 550))
    expect(drain.deadLetters()).toEqual([
      expect.objectContaining({ id: ids[0], seq: seqOf(d, ids[0]!), reason: 'unknown service code XYZ' }),
      expect.objectContaining({ id: ids[550], reason: 'tracking number belongs to another centre' }),
    ])
    expect(drain.status()).toMatchObject({ state: 'online', deadLetters: 2, queueDepth: 0 })

    // Fixed on the far side, retried by hand: delivered, and out of the dead letters.
    server.reject.delete(ids[0]!)
    expect(drain.retryDeadLetter(seqOf(d, ids[0]!))).toBe(true)
    expect(drain.retryDeadLetter(seqOf(d, ids[0]!))).toBe(false)
    expect(drain.status()).toMatchObject({ deadLetters: 1, queueDepth: 1 })
    expect(await drain.drainOnce()).toMatchObject({ kind: 'sent', accepted: 1, remaining: 0 })
    expect(server.storedSet.has(ids[0]!)).toBe(true)
    expect(drain.deadLetters().map((l) => l.id)).toEqual([ids[550]])
  })

  it('503 with Retry-After: 2 → no attempt before 2 s, then the same batch goes', async () => {
    const ids = appendEvents(d, clock, 5)
    server.fault = (_ids, n) => (n === 1 ? { status: 503, headers: { 'Retry-After': '2' } } : undefined)
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    const start = clock.now()
    expect(await drain.drainOnce()).toMatchObject({
      kind: 'failed',
      nextAttemptAt: start + 2000,
      delivered: 0,
    })
    expect(drain.status()).toMatchObject({ state: 'offline', queueDepth: 5 })
    expect(drain.status().lastError).toMatch(/unavailable \(503\)/)
    clock.advance(1999)
    expect(await drain.drainOnce()).toEqual({ kind: 'waiting', nextAttemptAt: start + 2000 })
    expect(server.requests).toHaveLength(1)
    clock.advance(1)
    expect(await drain.drainOnce()).toMatchObject({ kind: 'sent', accepted: 5 })
    expect(server.requests).toEqual([ids, ids])
    expect(drain.status()).toMatchObject({ state: 'online', lastError: null, lastSuccessAt: start + 2000 })
  })

  it('429 with an HTTP-date Retry-After waits until that date', async () => {
    appendEvents(d, clock, 1)
    const until = clock.now() + 90_000
    server.fault = (_ids, n) =>
      n === 1 ? { status: 429, headers: { 'Retry-After': new Date(until).toUTCString() } } : undefined
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    expect(await drain.drainOnce()).toMatchObject({ kind: 'failed', nextAttemptAt: until })
    expect(drain.status().lastError).toMatch(/rate limiting/)
  })

  it('network errors back off exponentially, and the backoff survives closing and reopening the database', async () => {
    appendEvents(d, clock, 3)
    // A port that was just free: connection refused.
    const gone = await startStandIn()
    const deadUrl = gone.url
    await gone.close()
    const drain = makeDrain(d)
    drain.configure({ baseUrl: deadUrl, token: TOKEN })
    const delays: number[] = []
    for (let i = 0; i < 4; i++) {
      const r = await drain.drainOnce()
      expect(r.kind).toBe('failed')
      if (r.kind !== 'failed') return
      expect(r.error).toMatch(/cannot reach the central API/)
      delays.push(r.nextAttemptAt - clock.now())
      if (i < 3) clock.set(r.nextAttemptAt)
    }
    // random() = 0.5: half of 1 s, 2 s, 4 s, 8 s.
    expect(delays).toEqual([500, 1000, 2000, 4000])
    const before = drain.status()
    expect(before).toMatchObject({ state: 'offline', queueDepth: 3 })
    const attempts = d.db.prepare('SELECT attempts FROM outbox ORDER BY event_seq').all()
    expect(attempts).toEqual([{ attempts: 4 }, { attempts: 4 }, { attempts: 4 }])
    const nextAt = clock.now() + 4000
    await drain.stop()
    d.db.close()

    // Restart: a new database handle and a new drain see the same state and honour the same wait.
    const reopened = open()
    const after = makeDrain(reopened)
    expect(after.status()).toEqual(before)
    expect(await after.drainOnce()).toEqual({ kind: 'waiting', nextAttemptAt: nextAt })
    // The network is back (here: the right address): the same events go, and the error and backoff clear.
    clock.set(nextAt)
    after.configure({ baseUrl: server.url, token: TOKEN })
    expect(await after.drainOnce()).toMatchObject({ kind: 'sent', accepted: 3 })
    expect(after.status()).toMatchObject({ state: 'online', queueDepth: 0, lastError: null })
  })

  it('a server that never answers times out and counts as a failure', async () => {
    appendEvents(d, clock, 2)
    server.fault = (_ids, n) => (n === 1 ? 'hang' : undefined)
    const drain = makeDrain(d, { createClient: (e) => createCentralClient(e, { timeoutMs: 300 }) })
    drain.configure({ baseUrl: server.url, token: TOKEN })
    const r = await drain.drainOnce()
    expect(r).toMatchObject({ kind: 'failed', error: expect.stringMatching(/did not answer within 300 ms/) })
    expect(outboxSeqs(d)).toHaveLength(2)
    if (r.kind === 'failed') clock.set(r.nextAttemptAt)
    expect(await drain.drainOnce()).toMatchObject({ kind: 'sent', accepted: 2 })
  })

  it('401 → needs-enrolment, nothing dropped, nothing sent until configured again', async () => {
    const ids = appendEvents(d, clock, 7)
    server.token = 'a-new-token'
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    expect(await drain.drainOnce()).toMatchObject({ kind: 'needs-enrolment' })
    expect(drain.status()).toMatchObject({ state: 'needs-enrolment', queueDepth: 7, deadLetters: 0 })
    expect(drain.status().lastError).toMatch(/refused this PC's token \(401/)
    clock.advance(3_600_000)
    expect(await drain.drainOnce()).toMatchObject({ kind: 'needs-enrolment' })
    expect(server.hits).toBe(1)
    expect(outboxSeqs(d)).toHaveLength(7)

    drain.configure({ baseUrl: server.url, token: 'a-new-token' })
    expect(drain.status().state).toBe('online')
    expect(await drain.drainOnce()).toMatchObject({ kind: 'sent', accepted: 7 })
    expect(server.stored).toEqual(ids)
  })

  it('a malformed 200 answer is a failure to retry, never a reason to drop events', async () => {
    const ids = appendEvents(d, clock, 4)
    const answers: Array<(ids: string[]) => string> = [
      () => 'this is not json',
      () => JSON.stringify({ results: 'all good' }),
      () => JSON.stringify({}),
      (x) => JSON.stringify({ results: x.map((id) => ({ id, outcome: 'stored' })) }),
      (x) => JSON.stringify({ results: x.slice(1).map((id) => ({ id, outcome: 'accepted' })) }),
      (x) => JSON.stringify({ results: [...x, DEVICE].map((id) => ({ id, outcome: 'accepted' })) }),
      (x) => JSON.stringify({ results: [...x, x[0]].map((id) => ({ id, outcome: 'accepted' })) }),
    ]
    server.fault = (x, n) => (n <= answers.length ? { status: 200, body: answers[n - 1]!(x) } : undefined)
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    const errors: string[] = []
    for (let i = 0; i < answers.length; i++) {
      const r = await drain.drainOnce()
      expect(r.kind).toBe('failed')
      if (r.kind === 'failed') {
        errors.push(r.error)
        clock.set(r.nextAttemptAt)
      }
      expect(outboxSeqs(d)).toHaveLength(4)
      expect(drain.status()).toMatchObject({ state: 'offline', deadLetters: 0 })
    }
    expect(errors[0]).toMatch(/not JSON/)
    expect(errors[1]).toMatch(/malformed body \(results:/)
    expect(errors[4]).toMatch(/covers 3 of 4/)
    expect(errors[5]).toMatch(/was not sent/)
    expect(errors[6]).toMatch(/twice/)
    expect(await drain.drainOnce()).toMatchObject({ kind: 'sent', accepted: 4 })
    expect(server.stored).toEqual(ids)
  })

  it('fast-check: answers of any other status and any body never drop, repeat, reorder or dead-letter an event', async () => {
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    // 400, 413 and 422 refuse the batch (bisected and dead-lettered by design) and 401/403 ask for enrolment;
    // every other answer, whatever its body, must leave the events waiting for a good one.
    const status = fc.constantFrom(
      200,
      201,
      202,
      204,
      301,
      302,
      404,
      405,
      408,
      409,
      418,
      429,
      500,
      502,
      503,
      504,
    )
    const body = (ids: string[]) =>
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 60 }),
        fc.constant(JSON.stringify({ results: ids.map((id) => ({ id, outcome: 'maybe' })) })),
        fc.constant(JSON.stringify({ results: ids.slice(1).map((id) => ({ id, outcome: 'accepted' })) })),
      )
    const answer = fc.record({
      status,
      retryAfter: fc.option(fc.oneof(fc.nat({ max: 100_000 }).map(String), fc.string({ maxLength: 12 }))),
      pick: fc.nat(),
    })
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        async (answers, n) => {
          const ids = appendEvents(d, clock, n)
          const bodies = answers.map((a) => fc.sample(body(ids), { numRuns: 1, seed: a.pick })[0]!)
          let k = 0
          server.fault = (): Fault | undefined => {
            const a = answers[k]
            const b = bodies[k++] ?? ''
            if (!a) return undefined
            const headers: Record<string, string> =
              a.retryAfter === null ? {} : { 'Retry-After': a.retryAfter }
            return { status: a.status, body: b, headers }
          }
          const from = server.stored.length
          await drainWithClock(drain, 200)
          expect(server.stored.slice(from)).toEqual(ids)
          expect(outboxSeqs(d)).toEqual([])
          expect(drain.deadLetters()).toEqual([])
        },
      ),
      { numRuns: 60, seed: 20261202 },
    )
  })

  it('a 400 for the whole batch is bisected: only the bad event is dead-lettered, with the problem detail', async () => {
    const ids = appendEvents(d, clock, 40, (i) => (i === 17 ? { bad: true } : {}))
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    expect(await drain.drainOnce()).toMatchObject({
      kind: 'sent',
      sent: 40,
      accepted: 39,
      rejected: 1,
      remaining: 0,
    })
    const good = ids.filter((_, i) => i !== 17)
    expect(server.stored).toEqual(good)
    // Halving a batch of 40 down to one event costs 2·⌈log2 40⌉ requests at most, plus the first.
    expect(server.requests.length).toBeLessThanOrEqual(1 + 2 * 6)
    expect(drain.deadLetters()).toEqual([
      expect.objectContaining({
        id: ids[17],
        reason: '400: Invalid event: payload.bad is not allowed',
      }),
    ])
    expect(drain.status()).toMatchObject({ state: 'online', queueDepth: 0, deadLetters: 1 })
  })

  it('a failure half way through a bisection keeps what was answered and retries the rest in order', async () => {
    const ids = appendEvents(d, clock, 8, (i) => (i === 6 ? { bad: true } : {}))
    // Request 1: the whole batch (400). Request 2: the left half (accepted). Request 3: the right half → 500.
    server.fault = (_ids, n) => (n === 3 ? { status: 500, body: 'boom' } : undefined)
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    const r = await drain.drainOnce()
    expect(r).toMatchObject({ kind: 'failed', delivered: 4, error: 'the central API answered 500: boom' })
    expect(server.stored).toEqual(ids.slice(0, 4))
    expect(outboxSeqs(d)).toHaveLength(4)
    if (r.kind === 'failed') clock.set(r.nextAttemptAt)
    await drainWithClock(drain)
    expect(server.stored).toEqual(ids.filter((_, i) => i !== 6))
    expect(drain.deadLetters().map((l) => l.id)).toEqual([ids[6]])
  })

  it('30% random 500s and connection resets: every event arrives exactly once', async () => {
    const ids = appendEvents(d, clock, 3000)
    let seed = 20261102
    const random = (): number => {
      // mulberry32: a fixed seed makes the failure pattern the same on every run.
      seed = (seed + 0x6d2b79f5) | 0
      let t = seed
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const kinds = { ok: 0, five: 0, before: 0, after: 0 }
    server.fault = () => {
      const r = random()
      const kind = r < 0.15 ? 'five' : r < 0.25 ? 'before' : r < 0.3 ? 'after' : 'ok'
      kinds[kind]++
      if (kind === 'five') return { status: 500, body: 'internal error' }
      if (kind === 'before') return 'reset-before'
      if (kind === 'after') return 'reset-after'
      return undefined
    }
    const drain = makeDrain(d, { batchSize: 100, random })
    drain.configure({ baseUrl: server.url, token: TOKEN })
    await drainWithClock(drain)
    expect(kinds.five).toBeGreaterThan(0)
    expect(kinds.before).toBeGreaterThan(0)
    expect(kinds.after).toBeGreaterThan(0)
    expect(outboxSeqs(d)).toEqual([])
    expect(new Set(server.stored)).toEqual(new Set(ids))
    expect(server.stored).toHaveLength(ids.length)
    // Retries resend the same batch, so the API still saw the events in seq order.
    expect(server.stored).toEqual(ids)
    expect(drain.status()).toMatchObject({ state: 'online', deadLetters: 0 })
  })

  it('a crash after the send and before the outbox delete: the restart resends, the API says duplicate', async () => {
    const ids = appendEvents(d, clock, 1200)
    let crashes = 0
    const crashing = makeDrain(d, {
      afterSend: () => {
        if (crashes++ === 1) throw new Error('simulated kill -9')
      },
    })
    crashing.configure({ baseUrl: server.url, token: TOKEN })
    expect(await crashing.drainOnce()).toMatchObject({ kind: 'sent', accepted: 500 })
    await expect(crashing.drainOnce()).rejects.toThrow('simulated kill -9')
    // The second batch reached the API, but its outbox rows are still here.
    expect(server.stored).toHaveLength(1000)
    expect(outboxSeqs(d)).toHaveLength(700)
    await crashing.stop()
    d.db.close()

    const restarted = open()
    const drain = makeDrain(restarted)
    const totals = await drain.runUntilEmpty()
    expect(totals).toMatchObject({ sent: 700, duplicate: 500, accepted: 200 })
    expect(outboxSeqs(restarted)).toEqual([])
    expect(server.stored).toEqual(ids)
  })

  it('export → import on a fresh database against the same API: duplicates for what was sent, exactly once', async () => {
    const ids = appendEvents(d, clock, 1100)
    const drain = makeDrain(d, { batchSize: 300 })
    drain.configure({ baseUrl: server.url, token: TOKEN })
    const file = drain.exportPending()
    expect(file.trim().split('\n')).toHaveLength(1100)
    // Two batches go out before the PC loses its network for good.
    await drain.drainOnce()
    await drain.drainOnce()
    expect(server.stored).toHaveLength(600)

    // Another PC, online, with its own database.
    const other = open('other.sqlite')
    const importer = makeDrain(other)
    importer.configure({ baseUrl: server.url, token: TOKEN })
    expect(await importer.importFile(file)).toEqual({
      accepted: 500,
      duplicate: 600,
      rejected: 0,
      rejections: [],
    })
    expect(await importer.importFile(file)).toEqual({
      accepted: 0,
      duplicate: 1100,
      rejected: 0,
      rejections: [],
    })
    expect(server.stored).toEqual(ids)

    // The first PC comes back: the rest of its queue is answered duplicate and leaves.
    expect(await drain.runUntilEmpty()).toMatchObject({ sent: 500, duplicate: 500, accepted: 0 })
    expect(server.stored).toEqual(ids)
    expect(new Set(server.stored).size).toBe(1100)
  })

  it('import checks every line first and sends nothing when one is bad', async () => {
    appendEvents(d, clock, 3)
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    const lines = drain.exportPending().trim().split('\n')
    const bad = (edit: (e: Record<string, unknown>) => void): string => {
      const e = JSON.parse(lines[1]!) as Record<string, unknown>
      edit(e)
      return [lines[0], JSON.stringify(e), lines[2]].join('\n')
    }
    await expect(drain.importFile([lines[0], '{oops', lines[2]].join('\n'))).rejects.toThrow(
      new ImportFileError('line 2: not valid JSON'),
    )
    await expect(drain.importFile(bad((e) => (e.centreNumber = '42')))).rejects.toThrow(
      'line 2: centreNumber: must be 3 digits',
    )
    await expect(drain.importFile(bad((e) => (e.id = 'x')))).rejects.toThrow(
      'line 2: id: must be a lower-case UUIDv7',
    )
    await expect(drain.importFile(bad((e) => delete e.payload))).rejects.toThrow(/^line 2: payload: /)
    await expect(drain.importFile(bad((e) => (e.extra = 1)))).rejects.toThrow(/^line 2: .*extra/)
    await expect(drain.importFile([lines[0], lines[1], lines[0]].join('\r\n'))).rejects.toThrow(
      /line 3: event .* is already on line 1/,
    )
    expect(server.requests).toHaveLength(0)
    expect(await drain.importFile('\n\n')).toEqual({ accepted: 0, duplicate: 0, rejected: 0, rejections: [] })
  })

  it('import retries transient failures and reports a rejected event', async () => {
    const ids = appendEvents(d, clock, 6, (i) => (i === 2 ? { bad: true } : {}))
    const drain = makeDrain(d)
    drain.configure({ baseUrl: server.url, token: TOKEN })
    const file = drain.exportPending()
    server.reject.set(ids[4]!, 'no such staff')
    server.fault = (_ids, n) => (n <= 2 ? { status: 502 } : undefined)
    const waits: number[] = []
    const importer = makeDrain(open('other.sqlite'), { sleep: async (ms) => void waits.push(ms) })
    importer.configure({ baseUrl: server.url, token: TOKEN })
    const r = await importer.importFile(file)
    expect(r).toMatchObject({ accepted: 4, duplicate: 0, rejected: 2 })
    expect(r.rejections).toEqual([
      { id: ids[2], reason: '400: Invalid event: payload.bad is not allowed' },
      { id: ids[4], reason: 'no such staff' },
    ])
    expect(waits).toEqual([500, 1000])
  })

  it('start(): a kick wakes the loop after kickDelayMs, kicks within that window are one wake-up and one request, stop() ends the loop', async () => {
    // Fake timers drive the loop's kick and sleep timers; the HTTP exchange with the stand-in stays real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      // Every pass of the loop reads the head of the queue once, so counting the reads counts the wake-ups; a read
      // that finds the queue empty is the loop about to sleep.
      let reads = 0
      let onEmpty: (() => void) | null = null
      const queries: typeof d.sync = {
        ...d.sync,
        dueBatch: (limit) => {
          reads++
          const rows = d.sync.dueBatch(limit)
          if (rows.length === 0) onEmpty?.()
          return rows
        },
      }
      const asleep = () => new Promise<void>((resolve) => (onEmpty = resolve))
      const real = createOutboxDrain({ queries, clock, logger: silentLogger, kickDelayMs: 50 })
      drains.push(real)
      let idle = asleep()
      real.configure({ baseUrl: server.url, token: TOKEN })
      real.start()
      await idle
      idle = asleep()
      await vi.advanceTimersByTimeAsync(50) // the kick of configure()
      await idle

      // One commit, one kick: nothing before 50 ms, then one pass sends the events and the next finds none.
      let base = reads
      const ids = appendEvents(d, clock, 3)
      real.kick()
      await vi.advanceTimersByTimeAsync(49)
      expect(reads).toBe(base)
      expect(server.requests).toEqual([])
      idle = asleep()
      await vi.advanceTimersByTimeAsync(1)
      await idle
      expect(reads - base).toBe(2)
      expect(server.requests).toEqual([ids])

      // Ten commits with a kick each over 40 ms: the first kick's timer is the only one, so one wake-up at 50 ms
      // sends them all in one request, and nothing wakes the loop after it.
      base = reads
      const more: string[] = []
      for (let i = 0; i < 10; i++) {
        more.push(...appendEvents(d, clock, 1))
        real.kick()
        await vi.advanceTimersByTimeAsync(4)
      }
      expect(reads).toBe(base)
      idle = asleep()
      await vi.advanceTimersByTimeAsync(10)
      await idle
      await vi.advanceTimersByTimeAsync(1000)
      expect(reads - base).toBe(2)
      expect(server.requests).toEqual([ids, more])
      expect(server.stored).toEqual([...ids, ...more])

      await real.stop()
      base = reads
      appendEvents(d, clock, 1)
      real.kick()
      await vi.advanceTimersByTimeAsync(120_000) // past a kick and the loop's longest sleep
      expect(reads).toBe(base)
      expect(server.stored).toHaveLength(13)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('outbox drain against the central API simulator', () => {
  let tmp: ReturnType<typeof tempDir>
  let sim: CentralSim
  let clock: ReturnType<typeof manualClock>
  let d: Db
  let token: string
  const drains: OutboxDrain[] = []
  const dbs: Database[] = []

  const open = (name = 'tms.sqlite'): Db => {
    const opened = openDb(path.join(tmp.dir, name))
    dbs.push(opened.db)
    return opened
  }
  const makeDrain = (db: Db, extra: Partial<Parameters<typeof createOutboxDrain>[0]> = {}): OutboxDrain => {
    const drain = createOutboxDrain({
      queries: db.sync,
      clock,
      logger: silentLogger,
      random: () => 0.5,
      ...extra,
    })
    drains.push(drain)
    return drain
  }
  const drainWithClock = async (drain: OutboxDrain, maxCalls = 10_000): Promise<void> => {
    for (let calls = 1; calls <= maxCalls; calls++) {
      const r = await drain.drainOnce()
      if (r.kind === 'empty') return
      if (r.kind === 'waiting' || r.kind === 'failed') clock.set(Math.max(clock.now(), r.nextAttemptAt))
      else if (r.kind !== 'sent') throw new Error(`drain stopped: ${JSON.stringify(r)}`)
    }
    throw new Error('outbox not empty after maxCalls')
  }

  beforeEach(async () => {
    tmp = tempDir('tms-sync-sim-')
    clock = manualClock()
    sim = await startCentralSim({ seed: 7 })
    token = sim.issueToken('042', DEVICE, '01')
    d = open()
    setUpCentre(d, clock)
  })
  afterEach(async () => {
    for (const drain of drains.splice(0)) await drain.stop()
    for (const db of dbs.splice(0)) if (db.open) db.close()
    await sim.close()
    tmp.cleanup()
  })

  it('drains 1,200 events: the simulator stores each once, in seq order', async () => {
    const ids = appendEvents(d, clock, 1200)
    const drain = makeDrain(d)
    drain.configure({ baseUrl: sim.url, token })
    expect(await drain.runUntilEmpty()).toMatchObject({ sent: 1200, accepted: 1200, last: { kind: 'empty' } })
    expect(sim.eventIds()).toEqual(ids)
    expect(outboxSeqs(d)).toEqual([])
    expect(sim.stats()).toMatchObject({ requests: 3, accepted: 1200, duplicates: 0 })
  })

  it('500s, 503s with Retry-After, 429s and resets after the work was done: exactly once in the end', async () => {
    const ids = appendEvents(d, clock, 2000)
    sim.setFaults({ errorRate: 0.2, resetRate: 0.1, rate429: 0.05, retryAfterSeconds: 2 })
    const drain = makeDrain(d, { batchSize: 100 })
    drain.configure({ baseUrl: sim.url, token })
    await drainWithClock(drain)
    const stats = sim.stats()
    expect(stats.byStatus[500]).toBeGreaterThan(0)
    expect(stats.byStatus[503]).toBeGreaterThan(0)
    expect(stats.byStatus[429]).toBeGreaterThan(0)
    expect(stats.duplicates).toBeGreaterThan(0)
    expect(sim.eventIds()).toEqual(ids)
    expect(sim.eventCount('042')).toBe(2000)
    expect(outboxSeqs(d)).toEqual([])
  })

  it('rejected types go to the dead letters with the reason and can be retried once the cause is gone', async () => {
    const ids = appendEvents(d, clock, 5)
    const odd = uuidv7(clock.now())
    d.db.transaction(() =>
      d.events.append({
        id: odd,
        type: 'shelf.audited',
        occurredAt: clock.now(),
        staffNumber: 'DSK100',
        deviceId: DEVICE,
        trackingNumber: null,
        payload: {},
      }),
    )()
    const later = appendEvents(d, clock, 5)
    sim.setFaults({ rejectTypes: ['shelf.audited'] })
    const drain = makeDrain(d)
    drain.configure({ baseUrl: sim.url, token })
    expect(await drain.drainOnce()).toMatchObject({ kind: 'sent', accepted: 10, rejected: 1, remaining: 0 })
    expect(sim.eventIds()).toEqual([...ids, ...later])
    expect(drain.deadLetters()).toEqual([
      expect.objectContaining({ id: odd, reason: 'event type not accepted by the test fault' }),
    ])
    sim.setFaults({ rejectTypes: [] })
    expect(drain.retryDeadLetter(seqOf(d, odd))).toBe(true)
    expect(await drain.drainOnce()).toMatchObject({ kind: 'sent', accepted: 1 })
    expect(sim.eventIds()).toEqual([...ids, ...later, odd])
    expect(drain.status().deadLetters).toBe(0)
  })

  it('an event that breaks the API schema is isolated by bisection and dead-lettered with the problem', async () => {
    const before = appendEvents(d, clock, 20)
    const bad = uuidv7(clock.now())
    d.db.transaction(() =>
      d.events.append({
        id: bad,
        type: 'NotADottedType',
        occurredAt: clock.now(),
        staffNumber: 'CLK100',
        deviceId: DEVICE,
        trackingNumber: null,
        payload: {},
      }),
    )()
    const after = appendEvents(d, clock, 20)
    const drain = makeDrain(d)
    drain.configure({ baseUrl: sim.url, token })
    expect(await drain.drainOnce()).toMatchObject({ kind: 'sent', sent: 41, accepted: 40, rejected: 1 })
    expect(sim.eventIds()).toEqual([...before, ...after])
    const [letter] = drain.deadLetters()
    expect(letter).toMatchObject({ id: bad })
    expect(letter!.reason).toMatch(/^400: /)
    expect(letter!.reason).toMatch(/type/)
  })

  it('a revoked token → needs-enrolment with nothing dropped; a new token sends the queue', async () => {
    const ids = appendEvents(d, clock, 30)
    sim.revokeToken(DEVICE)
    const drain = makeDrain(d)
    drain.configure({ baseUrl: sim.url, token })
    expect(await drain.drainOnce()).toMatchObject({ kind: 'needs-enrolment' })
    expect(drain.status()).toMatchObject({ state: 'needs-enrolment', queueDepth: 30 })
    drain.configure({ baseUrl: sim.url, token: sim.issueToken('042', DEVICE, '01') })
    await drain.runUntilEmpty()
    expect(sim.eventIds()).toEqual(ids)
  })

  it('export → import on another PC of the centre: exactly once; a PC of another centre is refused', async () => {
    const ids = appendEvents(d, clock, 800)
    const drain = makeDrain(d)
    drain.configure({ baseUrl: sim.url, token })
    const file = drain.exportPending()
    await drain.drainOnce()
    expect(sim.eventIds()).toEqual(ids.slice(0, 500))

    // A PC of another centre cannot relay centre 042's events (already-sent ones are still duplicates).
    const stranger = makeDrain(open('stranger.sqlite'))
    stranger.configure({
      baseUrl: sim.url,
      token: sim.issueToken('043', '0190a5a4-7a1b-7c3d-8e4f-0000000000fe', '01'),
    })
    const refused = await stranger.importFile(file)
    expect(refused).toMatchObject({ accepted: 0, duplicate: 500, rejected: 300 })
    expect(refused.rejections[0]!.reason).toBe('centreNumber is not the centre of the bearer token')

    // Another PC of the same centre carries the file in: the unsent 300 are accepted, each once, under the
    // device that made them.
    const relay = makeDrain(open('relay.sqlite'))
    relay.configure({
      baseUrl: sim.url,
      token: sim.issueToken('042', '0190a5a4-7a1b-7c3d-8e4f-0000000000ff', '02'),
    })
    expect(await relay.importFile(file)).toEqual({
      accepted: 300,
      duplicate: 500,
      rejected: 0,
      rejections: [],
    })
    expect(sim.eventIds()).toEqual(ids)

    // Imported again (a second stick with the same file): nothing new. The maker's own outbox then drains as
    // duplicates, so every event is stored once.
    expect(await relay.importFile(file)).toMatchObject({ accepted: 0, duplicate: 800, rejected: 0 })
    expect(await drain.runUntilEmpty()).toMatchObject({ sent: 300, duplicate: 300 })
    expect(sim.eventIds()).toEqual(ids)
  })
})
