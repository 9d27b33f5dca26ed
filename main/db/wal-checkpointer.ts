import type { Database } from 'better-sqlite3-multiple-ciphers'
import { Worker } from 'node:worker_threads'
import { keyOf } from './cipher'

/**
 * WAL checkpoints on a worker thread, for a long run of writes (a new PC's catch-up). SQLite checkpoints on the
 * committing connection once the WAL passes 1,000 pages: on a catch-up that is after every commit, and each one
 * copies the frames into the database file and syncs it. Measured on a 300,000-event catch-up
 * (bench/new-pc.bench.ts): 55 ms a checkpoint on average, up to 222 ms in one go, 16.6 s of the 62 s in all, all of
 * it holding the core's event loop. Here a connection of its own (keyed like the app's) checkpoints PASSIVE — it
 * never waits for the writer, nor the writer for it — while the writer turns its own checkpoints off.
 *
 * A passive checkpoint copies only the frames there were when it began, and the WAL starts again from its
 * beginning only when every frame has been copied; while the writer keeps committing it never is. So the writer
 * calls `settle` when `walFrames` passes its limit: it waits (without holding the loop) for one checkpoint that
 * starts after its last commit, after which its next transaction rewinds the WAL.
 */
export interface WalCheckpointer {
  /** Asks for a checkpoint; one starts now if none runs, else after the one running. */
  request(): void
  /**
   * Frames in the WAL at the end of the latest checkpoint, or 0 when that one copied them all (the writer's next
   * transaction rewinds the WAL) or none has run yet.
   */
  walFrames(): number
  /** False once the worker could not open the file or stopped: the caller turns SQLite's own checkpoints back on. */
  ok(): boolean
  /** Resolves once a checkpoint that began after this call has finished (every frame committed so far copied). */
  settle(): Promise<void>
  /** Stops the worker after any checkpoint running. */
  close(): Promise<void>
}

interface Outcome {
  log: number
  checkpointed: number
  error: string | null
}

// Plain JavaScript evaluated as a string, like db-worker.ts (an eval worker has no module paths of its own, so it
// is handed the resolved SQLite entry). The key is applied exactly as main/db/cipher.ts applyKey does.
const WORKER_SOURCE = `const { parentPort, workerData: w } = require('node:worker_threads')
const Sqlite = require(w.sqlite)
let db = null
try {
  db = new Sqlite(w.file, { fileMustExist: true })
  db.pragma("cipher = 'sqlcipher'")
  db.pragma('legacy = 4')
  db.pragma('key = "x\\'' + w.keyHex + '\\'"')
} catch (err) {
  db = null
  parentPort.postMessage({ log: 0, checkpointed: 0, error: String(err && err.message ? err.message : err) })
}
parentPort.on('message', (m) => {
  if (m === 'close') {
    if (db) db.close()
    parentPort.close()
    return
  }
  if (!db) return parentPort.postMessage({ log: 0, checkpointed: 0, error: 'no connection' })
  try {
    const r = db.pragma('wal_checkpoint(PASSIVE)')[0]
    parentPort.postMessage({ log: r.log, checkpointed: r.checkpointed, error: null })
  } catch (err) {
    parentPort.postMessage({ log: 0, checkpointed: 0, error: String(err && err.message ? err.message : err) })
  }
})`

/**
 * A checkpointer for the file of `db`, or null when `db` has no file of its own or was not opened with a key
 * (the caller then leaves SQLite's own checkpoints on). `onError` hears a checkpoint that failed; the WAL then
 * keeps its frames, which are still part of the database, and the next checkpoint tries again.
 */
export function createWalCheckpointer(
  db: Database,
  onError: (message: string) => void,
): WalCheckpointer | null {
  if (db.memory || db.name === '') return null
  let keyHex: string
  try {
    keyHex = keyOf(db).toString('hex')
  } catch {
    return null
  }
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file: db.name, keyHex, sqlite: require.resolve('better-sqlite3-multiple-ciphers') },
  })
  let running = false
  let again = false
  let frames = 0
  let closed = false
  // Waiters of `settle`, each released by the first checkpoint that starts after it asked.
  let waitingForNext: (() => void)[] = []
  let waitingForThis: (() => void)[] = []

  const start = (): void => {
    running = true
    again = false
    waitingForThis = waitingForNext
    waitingForNext = []
    worker.postMessage('checkpoint')
  }
  const finish = (): void => {
    running = false
    for (const done of waitingForThis) done()
    waitingForThis = []
    if ((again || waitingForNext.length > 0) && !closed) start()
  }
  let failed = false
  worker.on('message', (m: Outcome) => {
    if (m.error !== null) {
      onError(m.error)
      failed = true
    } else frames = m.log === m.checkpointed ? 0 : m.log
    // The first message may be a failure to open, sent before any request.
    if (running) finish()
  })
  worker.on('error', (err) => {
    onError(`the checkpoint worker stopped: ${err.message}`)
    failed = true
    closed = true
    running = false
    for (const done of [...waitingForThis, ...waitingForNext]) done()
    waitingForThis = []
    waitingForNext = []
  })

  return {
    request() {
      if (closed) return
      if (running) again = true
      else start()
    },
    walFrames: () => frames,
    ok: () => !failed,
    settle() {
      if (closed) return Promise.resolve()
      return new Promise<void>((resolve) => {
        waitingForNext.push(resolve)
        if (!running) start()
      })
    },
    async close() {
      if (closed) return
      await this.settle()
      closed = true
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage('close')
      await exited
    },
  }
}
