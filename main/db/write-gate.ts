import { AsyncLocalStorage } from 'node:async_hooks'
import type { Database } from 'better-sqlite3-multiple-ciphers'

/**
 * Why there is a gate: a worker thread that builds an index (main/db/deferred-indexes.ts, a new PC's catch-up)
 * holds the database's write lock for seconds; the events' index of a million events takes 2–3 s. A write of the
 * core meanwhile would wait inside SQLite's busy handler, which sleeps on the core's own thread: the event loop,
 * and with it every desk, scanner and timer of the PC, would stand still until the index was built.
 *
 * So every call of the API goes through the gate (main/api/dispatcher.ts). From the moment a worker step is asked
 * for until it is over, a call waits as a promise and the loop runs on; the step starts once the calls in flight
 * have ended (or after `drainMs`, so a call that never ends cannot hold a catch-up back). A caller with several
 * steps lets the calls that waited run between two of them (main/db/deferred-indexes.ts).
 *
 * During a step the core's connection does not wait for the lock at all (busy_timeout 0): a write from outside the
 * gate (the outbox drain, the reminders tick) fails at once with "database is locked", rolls back, and its own
 * loop tries again later, instead of freezing the core.
 */
export interface WriteGate {
  /** Runs one call of the core, after the worker step that holds the lock, if one does. */
  call<T>(fn: () => T | Promise<T>): Promise<T>
  /**
   * Runs one worker step that holds the write lock; steps run one at a time. A step asked for by a call itself
   * (Settings → Sync → Enrol waits for its catch-up) does not wait for that call to end.
   */
  exclusive<T>(label: string, fn: () => Promise<T>): Promise<T>
  /** The step holding the lock now, or null. */
  holder(): string | null
}

const DEFAULT_DRAIN_MS = 1000
/** SQLite's wait for a lock on the core's connection outside the steps (main/db/open.ts sets the same). */
const CORE_BUSY_TIMEOUT_MS = 5000

export function createWriteGate(opts: { drainMs?: number } = {}): WriteGate {
  const drainMs = opts.drainMs ?? DEFAULT_DRAIN_MS
  let inFlight = 0
  let holder: string | null = null
  let onDrained: (() => void) | null = null
  let steps: Promise<unknown> = Promise.resolve()
  /** Steps asked for and not yet over; calls wait while there are any. */
  let pending = 0
  let idle: Promise<void> | null = null
  let becomeIdle: () => void = () => undefined
  /**
   * The call the code running now belongs to, so a step asked for from one knows not to wait for it. Work a call
   * starts and does not wait for (a catch-up after Join) carries the call along after it has ended: `done`.
   */
  const insideCall = new AsyncLocalStorage<{ counted: boolean; done: boolean }>()

  const leave = (call: { counted: boolean }): void => {
    call.counted = false
    inFlight--
    if (inFlight === 0) onDrained?.()
  }

  const drained = (): Promise<void> =>
    inFlight === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(done, drainMs)
          function done(): void {
            clearTimeout(timer)
            onDrained = null
            resolve()
          }
          onDrained = done
        })

  const runStep = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    await drained()
    holder = label
    try {
      return await fn()
    } finally {
      holder = null
    }
  }

  return {
    async call(fn) {
      while (idle) await idle
      inFlight++
      const self = { counted: true, done: false }
      try {
        return await insideCall.run(self, fn)
      } finally {
        self.done = true
        if (self.counted) leave(self)
      }
    },
    exclusive(label, fn) {
      // The call that asks for the step waits for it: it is not in flight meanwhile.
      const caller = insideCall.getStore()
      const fromCall = caller?.counted === true
      if (fromCall) leave(caller)
      // From now on new calls wait: a stream of them cannot keep the step waiting for its drain.
      if (pending++ === 0) idle = new Promise<void>((resolve) => (becomeIdle = resolve))
      const next = steps.then(() => runStep(label, fn))
      steps = next.catch(() => undefined)
      return next.finally(() => {
        if (fromCall && !caller.done) {
          caller.counted = true
          inFlight++
        }
        if (--pending > 0) return
        idle = null
        becomeIdle()
      })
    },
    holder: () => holder,
  }
}

const gates = new WeakMap<Database, WriteGate>()

/**
 * The gate of one connection: the core's (main/core/create-core.ts hands it to the dispatcher) and the worker
 * steps run against its file (main/db/deferred-indexes.ts) meet here without every layer between passing it on.
 */
export function writeGateOf(db: Database): WriteGate {
  let gate = gates.get(db)
  if (!gate) {
    gate = createWriteGate()
    gates.set(db, gate)
  }
  return gate
}

/** One worker step that takes the write lock of `db`'s file: through its gate, with the core not waiting. */
export function asWorkerStep<T>(db: Database, label: string, fn: () => Promise<T>): Promise<T> {
  return writeGateOf(db).exclusive(label, async () => {
    db.pragma('busy_timeout = 0')
    try {
      return await fn()
    } finally {
      if (db.open) db.pragma(`busy_timeout = ${CORE_BUSY_TIMEOUT_MS}`)
    }
  })
}
