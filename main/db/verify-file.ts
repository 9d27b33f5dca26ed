import { Worker } from 'node:worker_threads'

/**
 * `PRAGMA quick_check` of a database file on a worker thread: a fresh copy (switched to rollback-journal mode, so no
 * -wal or -shm file is left beside it) or, with `live`, the open database itself, read-only beside the app's
 * connection. a 2.5 GB backup takes seconds to read, and the
 * core's event loop must not wait for it (scans and registrations go on meanwhile). Resolves to null when the file
 * passes, else to what the check (or the attempt to open it) said. Never rejects.
 */
export function verifyDatabaseFile(file: string, opts: { live?: boolean } = {}): Promise<string | null> {
  // An eval worker has no module paths of its own: it is handed the resolved better-sqlite3 entry.
  const sqlite = require.resolve('better-sqlite3')
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads')
     try {
       const Sqlite = require(workerData.sqlite)
       const db = new Sqlite(workerData.file, { fileMustExist: true, readonly: workerData.live })
       try {
         // A copy of a WAL database opens in WAL mode and would leave -wal and -shm files beside it. The live
         // database is read as it is, beside the app's own connection.
         if (!workerData.live) db.pragma('journal_mode = DELETE')
         const rows = db.pragma('quick_check')
         const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
         parentPort.postMessage(problems.length === 0 ? null : problems.slice(0, 3).join('; '))
       } finally {
         db.close()
       }
     } catch (err) {
       parentPort.postMessage(String(err && err.message ? err.message : err))
     }`,
    { eval: true, workerData: { file, sqlite, live: opts.live === true } },
  )
  return new Promise((resolve) => {
    worker.once('message', (m: string | null) => {
      resolve(m)
      void worker.terminate()
    })
    worker.once('error', (err) => resolve(`the check could not run: ${err.message}`))
  })
}
