import { Worker } from 'node:worker_threads'
import type { DatabaseKey } from './data-files'

/**
 * Reading a whole database — a check, a backup copy — takes seconds on a 2.5 GB centre, and the core's event loop
 * must not wait for it (scans and registrations go on meanwhile): such work runs on a worker thread with a
 * connection of its own, keyed like the app's.
 */
export type DatabaseJob =
  /** `PRAGMA quick_check`; `live`: the open database, read-only beside the app's connection. */
  | { kind: 'check'; file: string; live: boolean }
  /** A consistent copy of the live database (`VACUUM INTO`, keyed like its source) at `target`. */
  | { kind: 'copy'; file: string; target: string }
  /**
   * SQL steps run in order on the live database beside the app's connection, each with its transaction in its
   * text (a catch-up's indexes: main/db/deferred-indexes.ts). Stops at the first that fails.
   */
  | { kind: 'exec'; file: string; steps: string[] }

/** What a worker posts after each step of an 'exec' job. */
interface StepDone {
  stepsDone: number
  ms: number
}

export interface JobResult {
  /** What the check found; null when the file passes. */
  problem: string | null
  /** The job could not run: the message and SQLite's code. */
  error: { message: string; code: string | null } | null
  /** For 'exec': how long each step done took, in ms. */
  stepMs?: number[]
}

// The worker is plain JavaScript evaluated as a string (an eval worker has no module paths of its own, so it is
// handed the resolved SQLite entry). Keys are applied exactly as main/db/cipher.ts applyKey does.
const WORKER_SOURCE = `const { parentPort, workerData: w } = require('node:worker_threads')
const Sqlite = require(w.sqlite)
const open = (file, readonly) => {
  const db = new Sqlite(file, { fileMustExist: true, readonly })
  db.pragma("cipher = 'sqlcipher'")
  db.pragma('legacy = 4')
  db.pragma('key = "x\\'' + w.keyHex + '\\'"')
  return db
}
const check = (db) => {
  const rows = db.pragma('quick_check')
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
  return problems.length === 0 ? null : problems.slice(0, 3).join('; ')
}
try {
  if (w.job.kind === 'exec') {
    const db = open(w.job.file, false)
    // The app's connection may be committing: wait for it as it waits for us. A sort of a whole index in memory.
    db.pragma('busy_timeout = 5000')
    db.pragma('cache_size = -262144')
    db.pragma('temp_store = MEMORY')
    const stepMs = []
    try {
      for (const step of w.job.steps) {
        // Stepwise: each step waits for its turn (1), or the job ends here (2); see startSteppedJob.
        if (w.turn) {
          Atomics.wait(w.turn, 0, 0)
          if (Atomics.exchange(w.turn, 0, 0) === 2) break
        }
        const t0 = performance.now()
        try {
          db.exec(step)
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK')
          throw err
        }
        stepMs.push(performance.now() - t0)
        parentPort.postMessage({ stepsDone: stepMs.length, ms: stepMs[stepMs.length - 1] })
      }
    } finally {
      db.close()
    }
    parentPort.postMessage({ problem: null, error: null, stepMs })
  } else if (w.job.kind === 'copy') {
    const source = open(w.job.file, true)
    try {
      source.exec("VACUUM INTO '" + w.job.target.replace(/'/g, "''") + "'")
    } finally {
      source.close()
    }
    parentPort.postMessage({ problem: null, error: null })
  } else {
    const db = open(w.job.file, w.job.live)
    try {
      // A copy of a WAL database opens in WAL mode and would leave -wal and -shm files beside it.
      if (!w.job.live) db.pragma('journal_mode = DELETE')
      parentPort.postMessage({ problem: check(db), error: null })
    } finally {
      db.close()
    }
  }
} catch (err) {
  const message = String(err && err.message ? err.message : err)
  parentPort.postMessage({ problem: null, error: { message, code: (err && err.code) || null } })
}`

/**
 * Runs one job on a fresh worker thread, all its steps in one go. Never rejects: a failure to run is in `error`.
 * (A job whose steps must wait for their turn is startSteppedJob's.)
 */
export function runDatabaseJob(job: DatabaseJob, key: DatabaseKey): Promise<JobResult> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      job,
      keyHex: key.toString('hex'),
      sqlite: require.resolve('better-sqlite3-multiple-ciphers'),
    },
  })
  return new Promise((resolve) => {
    const onMessage = (m: JobResult | StepDone): void => {
      if ('stepsDone' in m) return
      worker.off('message', onMessage)
      resolve(m)
      void worker.terminate()
    }
    worker.on('message', onMessage)
    worker.once('error', (err) =>
      resolve({ problem: null, error: { message: `the worker could not run: ${err.message}`, code: null } }),
    )
  })
}

/** One step of a stepped job: how long it took, or what stopped it. */
export type StepOutcome = { ms: number } | { error: { message: string; code: string | null } }

export interface SteppedJob {
  /** Runs the next step; the worker waits, without a step under way, until this is called. */
  step(): Promise<StepOutcome>
  /** Ends the job, after its last step or before it. */
  end(): void
}

/**
 * An 'exec' job whose steps each wait for their turn: one worker and one connection, whose page cache keeps the
 * table read for the first index for the next ones, while the caller decides when each step may take the write
 * lock (main/db/write-gate.ts). The worker waits with `Atomics.wait` on a shared word, so it holds no lock between
 * two steps.
 */
export function startSteppedJob(file: string, steps: string[], key: DatabaseKey): SteppedJob {
  const turn = new Int32Array(new SharedArrayBuffer(4))
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      job: { kind: 'exec', file, steps },
      keyHex: key.toString('hex'),
      sqlite: require.resolve('better-sqlite3-multiple-ciphers'),
      turn,
    },
  })
  let waiting: ((o: StepOutcome) => void) | null = null
  let stopped: StepOutcome | null = null
  const answer = (o: StepOutcome): void => {
    const w = waiting
    waiting = null
    w?.(o)
  }
  worker.on('message', (m: JobResult | StepDone) => {
    if ('stepsDone' in m) return answer({ ms: m.ms })
    stopped = m.error ? { error: m.error } : { error: { message: 'the job has no more steps', code: null } }
    answer(stopped)
    void worker.terminate()
  })
  worker.once('error', (err) => {
    stopped = { error: { message: `the worker could not run: ${err.message}`, code: null } }
    answer(stopped)
  })
  const signal = (value: 1 | 2): void => {
    Atomics.store(turn, 0, value)
    Atomics.notify(turn, 0)
  }
  return {
    step: () =>
      new Promise<StepOutcome>((resolve) => {
        if (stopped) return resolve(stopped)
        waiting = resolve
        signal(1)
      }),
    end: () => {
      if (!stopped) signal(2)
    },
  }
}
