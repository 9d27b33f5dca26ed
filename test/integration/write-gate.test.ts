import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RegisterResult } from '../../common/contract'
import { storageFailure } from '../../main/api/dispatcher'
import { keyOf } from '../../main/db/cipher'
import { runDatabaseJob, startSteppedJob } from '../../main/db/db-worker'
import { asWorkerStep, createWriteGate, writeGateOf } from '../../main/db/write-gate'
import { setUpCentre, signedIn, testCore } from '../helpers/core'

/**
 * The write gate (main/db/write-gate.ts): while a worker thread holds the database's write lock, the core's calls
 * wait as promises and the event loop runs on, instead of the core's thread sleeping in SQLite's busy handler.
 * The worker step is a real one, on a real encrypted file: a sorted index of 600,000 rows, which takes long
 * enough that the core is seen to be free during it.
 */

const ROWS = 600_000

let pc: ReturnType<typeof testCore>
let clerkKey: string

/** Starts a worker step that indexes gate_big, and answers once the worker holds the lock (and the step). */
async function indexOnWorker(): Promise<{ step: Promise<unknown> }> {
  const db = pc.core.store.db
  const step = asWorkerStep(db, 'gate_big_x', () =>
    runDatabaseJob(
      {
        kind: 'exec',
        file: db.name,
        steps: ['BEGIN IMMEDIATE; CREATE INDEX gate_big_x ON gate_big(x); COMMIT;'],
      },
      keyOf(db),
    ),
  )
  // The core's connection does not wait during a step: a BEGIN IMMEDIATE that fails says the worker has the lock.
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2))
    if (writeGateOf(db).holder() === null) continue
    try {
      db.exec('BEGIN IMMEDIATE')
      db.exec('ROLLBACK')
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return { step }
      throw err
    }
  }
}

const registration = {
  serviceCode: 'BIRTH_CERT',
  customerName: 'Achieng Otieno',
  phone: '0712345678',
  idNumber: '23456789',
  language: 'en',
  smsConsent: true,
} as const

describe('the write gate, with a real worker holding the write lock', () => {
  beforeEach(async () => {
    pc = testCore()
    const admin = await setUpCentre(pc.core)
    clerkKey = 'clerk-window'
    await signedIn(pc.core, admin, clerkKey, 'clerk')
    // A table of the test's own beside the app's, big enough that indexing it holds the lock for a while.
    pc.core.store.db.exec(`CREATE TABLE gate_big (x INTEGER);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
      INSERT INTO gate_big SELECT (i * 7919) % 1000003 FROM n;`)
  })
  afterEach(() => pc.close())

  it('a registration made while a worker builds an index waits for it with the event loop running, then is saved', async () => {
    const db = pc.core.store.db
    await indexOnWorker()
    let turnsWhileHeld = 0
    const ticker = setInterval(() => {
      if (writeGateOf(db).holder() !== null) turnsWhileHeld++
    }, 1)
    try {
      const r = await pc.core.dispatch(clerkKey, 'application.register', registration)
      expect(r.ok ? null : r.error.message).toBeNull()
      // It ran after the step: the index was committed first.
      const index = db.prepare("SELECT name FROM sqlite_master WHERE name = 'gate_big_x'").get()
      expect(index).toEqual({ name: 'gate_big_x' })
      const tn = r.ok ? (r.value as RegisterResult).application.trackingNumber : ''
      expect(db.prepare('SELECT status FROM applications WHERE tracking_number = ?').get(tn)).toEqual({
        status: 'registered',
      })
    } finally {
      clearInterval(ticker)
    }
    // Timers ran while the worker held the lock and the registration waited: the core's thread was not asleep.
    expect(turnsWhileHeld).toBeGreaterThanOrEqual(2)
  })

  it('a write from outside the gate during a step fails at once with "database is locked" and saves nothing; afterwards the core waits for locks again', async () => {
    const db = pc.core.store.db
    const before = db.prepare('SELECT count(*) AS n FROM gate_big').get()
    const { step } = await indexOnWorker()
    let thrown: unknown = null
    try {
      db.prepare('INSERT INTO gate_big (x) VALUES (1)').run()
    } catch (err) {
      thrown = err
    }
    expect((thrown as { code?: string } | null)?.code).toMatch(/^SQLITE_BUSY/)
    expect(storageFailure(thrown)?.message).toMatch(/busy building its indexes.*nothing was saved/)
    await step
    expect(db.prepare('SELECT count(*) AS n FROM gate_big').get()).toEqual(before)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
  })
})

describe('a stepped worker job (the catch-up builds its indexes with one)', () => {
  it('runs each step only when asked, holds no lock between steps, and builds what each step says', async () => {
    pc = testCore()
    try {
      const db = pc.core.store.db
      db.exec(`CREATE TABLE gate_small (x INTEGER, y INTEGER);
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
        INSERT INTO gate_small SELECT i % 977, i % 313 FROM n;`)
      const job = startSteppedJob(
        db.name,
        [
          'BEGIN IMMEDIATE; CREATE INDEX gate_small_x ON gate_small(x); COMMIT;',
          'BEGIN IMMEDIATE; CREATE INDEX gate_small_y ON gate_small(y); COMMIT;',
        ],
        keyOf(db),
      )
      const indexes = () =>
        db
          .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'gate_small_%' ORDER BY name")
          .all()
          .map((r) => (r as { name: string }).name)
      // Not asked yet: nothing built, and this connection can take the lock without waiting.
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(indexes()).toEqual([])
      db.pragma('busy_timeout = 0')
      db.exec('BEGIN IMMEDIATE')
      db.exec('ROLLBACK')
      const first = await job.step()
      expect('ms' in first).toBe(true)
      expect(indexes()).toEqual(['gate_small_x'])
      // Between two steps the worker holds no lock.
      db.exec('BEGIN IMMEDIATE')
      db.exec('ROLLBACK')
      expect('ms' in (await job.step())).toBe(true)
      expect(indexes()).toEqual(['gate_small_x', 'gate_small_y'])
      // Past its last step it answers why, and ending it is harmless.
      expect(await job.step()).toEqual({ error: { message: 'the job has no more steps', code: null } })
      job.end()
    } finally {
      pc.close()
    }
  })
})

describe('the write gate, in order', () => {
  const later = () => {
    let resolve!: () => void
    const promise = new Promise<void>((r) => (resolve = r))
    return { promise, resolve }
  }

  it('a step waits for the calls in flight; a call that comes meanwhile runs after it, before a step asked for later', async () => {
    const gate = createWriteGate({ drainMs: 60_000 })
    const order: string[] = []
    const inFlight = later()
    const first = gate.call(async () => {
      order.push('call 1 starts')
      await inFlight.promise
      order.push('call 1 ends')
    })
    const stepA = later()
    const a = gate.exclusive('A', async () => {
      order.push('step A')
      await stepA.promise
    })
    const second = gate.call(() => {
      order.push('call 2')
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(order).toEqual(['call 1 starts'])
    expect(gate.holder()).toBeNull()
    inFlight.resolve()
    await first
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(order).toEqual(['call 1 starts', 'call 1 ends', 'step A'])
    expect(gate.holder()).toBe('A')
    stepA.resolve()
    await a
    // As restoreIndexesOnWorker does between two steps.
    await new Promise<void>((resolve) => setImmediate(resolve))
    const b = gate.exclusive('B', async () => {
      order.push('step B')
    })
    await Promise.all([b, second])
    expect(order).toEqual(['call 1 starts', 'call 1 ends', 'step A', 'call 2', 'step B'])
    expect(gate.holder()).toBeNull()
  })

  it('a step asked for from inside a call (Enrol waits for its catch-up) does not wait for that call to end', async () => {
    const gate = createWriteGate({ drainMs: 60_000 })
    const order: string[] = []
    await gate.call(async () => {
      order.push('enrol starts')
      await gate.exclusive('index', async () => {
        order.push('step')
      })
      order.push('enrol ends')
    })
    expect(order).toEqual(['enrol starts', 'step', 'enrol ends'])
    // Nothing is left counted as in flight: a step asked for now starts at once.
    await gate.exclusive('later', async () => {
      order.push('later step')
    })
    expect(order.at(-1)).toBe('later step')
  })

  it('work a call starts and leaves running (the catch-up after Join) counts no call once that call has ended', async () => {
    const gate = createWriteGate({ drainMs: 60_000 })
    const go = later()
    let background: Promise<void> = Promise.resolve()
    await gate.call(() => {
      background = go.promise.then(() => gate.exclusive('after join', async () => undefined))
    })
    go.resolve()
    await background
    const stuck = later()
    const inFlight = gate.call(() => stuck.promise)
    const order: string[] = []
    const step = gate.exclusive('next', async () => {
      order.push('step')
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    // The call in flight is counted (the step waits for it), not lost to the earlier one's bookkeeping.
    expect(order).toEqual([])
    stuck.resolve()
    await Promise.all([inFlight, step])
    expect(order).toEqual(['step'])
  })

  it('a call that does not end holds a step back only for the drain time, and a failing step frees the gate', async () => {
    const gate = createWriteGate({ drainMs: 20 })
    void gate.call(() => new Promise<void>(() => undefined))
    const ran: string[] = []
    await expect(
      gate.exclusive('stuck', async () => {
        ran.push('stuck')
        throw new Error('the step failed')
      }),
    ).rejects.toThrow('the step failed')
    expect(gate.holder()).toBeNull()
    await gate.call(() => ran.push('call after'))
    expect(ran).toEqual(['stuck', 'call after'])
  })
})
