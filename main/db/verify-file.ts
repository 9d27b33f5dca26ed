import type { DatabaseKey } from './data-files'
import { runDatabaseJob } from './db-worker'

/**
 * `PRAGMA quick_check` of a database file on a worker thread: a fresh copy (switched to rollback-journal mode, so no
 * -wal or -shm file is left beside it) or, with `live`, the open database itself, read-only beside the app's
 * connection. A 2.5 GB backup takes seconds to read, and the core's event loop must not wait for it. Resolves to null
 * when the file passes, else to what the check (or the attempt to open it with `key`) said. Never rejects.
 */
export async function verifyDatabaseFile(
  file: string,
  key: DatabaseKey,
  opts: { live?: boolean } = {},
): Promise<string | null> {
  const result = await runDatabaseJob({ kind: 'check', file, live: opts.live === true }, key)
  return result.error ? result.error.message : result.problem
}
