import type { Database } from 'better-sqlite3-multiple-ciphers'
import { keyOf } from './cipher'
import { startSteppedJob } from './db-worker'
import { asWorkerStep } from './write-gate'
import { REBUILD_ROLLUPS_SQL } from './migrations/0080-manager'
import { REBUILD_AGENCY_ROLLUPS_SQL } from './migrations/0220-agency-turnaround'

/**
 * Secondary indexes set aside while a new PC's catch-up writes hundreds of thousands of rows
 * (main/sync/catch-up-projection.ts), and built again afterwards in one sorted pass each: `events`' by tracking
 * number while the events are stored, and the sixteen of `applications` while the applications are made. Row by
 * row, the tracking numbers, names, phones and shelf slots land on random pages of those indexes, and every such
 * page is encrypted and written again at each commit of the catch-up's short transactions: at 300,000 events the
 * applications' indexes were 36 s of a 50 s catch-up, against 3 s without them and 1 s to build them
 * (bench/new-pc.bench.ts).
 *
 * The name-key triggers (migration 0140) are swapped for ones that write the keys to `catch_up_name_keys`, in the
 * order the catch-up makes the rows, and the keys are merged into `application_name_keys` sorted at the end; so a
 * row written meanwhile by anyone (a registration at this PC) keeps its keys. What was set aside is recorded in
 * `deferred_schema` in the same transaction as the drop, so it comes back even after a crash: openDatabase builds it
 * before anything else if a catch-up did not.
 *
 * The rollup triggers of the manager's figures and the agencies' lateness (migrations 0080, 0220) are set aside
 * too: eight upserts for every application that arrived, when one grouped pass over `applications` at the end
 * (REBUILD_ROLLUPS_SQL, as after the demo seeder's bulk load) gives the same figures, rows written meanwhile
 * included.
 *
 * Unique indexes stay: one that held a constraint could not be built again over rows written meanwhile.
 */

const NAME_KEY_TRIGGERS = [
  'application_name_keys_insert',
  'application_name_keys_update',
  'application_name_keys_delete',
] as const
const ROLLUP_TRIGGERS = [
  'manager_rollup_insert',
  'manager_rollup_update',
  'manager_rollup_delete',
  'agency_rollup_insert',
  'agency_rollup_update',
  'agency_rollup_delete',
] as const
const TRIGGERS = [...NAME_KEY_TRIGGERS, ...ROLLUP_TRIGGERS]

/** The catch-up's own triggers, keeping the keys of rows made or changed while the real ones are set aside. */
const CATCH_UP_TRIGGERS_SQL = `
  CREATE TRIGGER catch_up_name_keys_insert AFTER INSERT ON applications
  BEGIN
    INSERT OR IGNORE INTO catch_up_name_keys (tracking_number, name_key)
    SELECT NEW.tracking_number, value FROM json_each(tms_name_keys(NEW.customer_name));
  END;
  CREATE TRIGGER catch_up_name_keys_update AFTER UPDATE OF customer_name, tracking_number ON applications
  BEGIN
    DELETE FROM application_name_keys WHERE tracking_number = OLD.tracking_number
      AND name_key IN (SELECT value FROM json_each(tms_name_keys(OLD.customer_name)));
    DELETE FROM catch_up_name_keys WHERE tracking_number = OLD.tracking_number;
    INSERT OR IGNORE INTO catch_up_name_keys (tracking_number, name_key)
    SELECT NEW.tracking_number, value FROM json_each(tms_name_keys(NEW.customer_name));
  END;
  CREATE TRIGGER catch_up_name_keys_delete AFTER DELETE ON applications
  BEGIN
    DELETE FROM application_name_keys WHERE tracking_number = OLD.tracking_number
      AND name_key IN (SELECT value FROM json_each(tms_name_keys(OLD.customer_name)));
    DELETE FROM catch_up_name_keys WHERE tracking_number = OLD.tracking_number;
  END;
`

const quote = (s: string): string => `'${s.replaceAll("'", "''")}'`

/** The tables whose indexes a catch-up sets aside. */
export type DeferrableTable = 'events' | 'applications'

interface Deferred {
  name: string
  tbl: DeferrableTable
  kind: 'index' | 'trigger'
  sql: string
}

/**
 * Sets the secondary indexes of `table` aside (for `applications` also its name-key triggers, swapped for the
 * catch-up's), in the caller's transaction. False (nothing done) when they already are.
 */
export function deferIndexes(db: Database, table: DeferrableTable): boolean {
  if (!db.inTransaction) throw new Error('deferIndexes must run inside a transaction')
  if (hasDeferredIndexes(db, table)) return false
  const objects = db
    .prepare<[string], Deferred>(
      `SELECT name, tbl_name AS tbl, type AS kind, sql FROM sqlite_master
       WHERE tbl_name = ? AND sql IS NOT NULL
         AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%')
           OR (type = 'trigger' AND name IN (${TRIGGERS.map(quote).join(', ')})))
       ORDER BY type, name`,
    )
    .all(table)
  const record = db.prepare(
    'INSERT INTO deferred_schema (name, tbl, kind, sql) VALUES (@name, @tbl, @kind, @sql)',
  )
  for (const o of objects) {
    record.run(o)
    db.exec(`DROP ${o.kind === 'index' ? 'INDEX' : 'TRIGGER'} ${o.name}`)
  }
  if (objects.some((o) => (NAME_KEY_TRIGGERS as readonly string[]).includes(o.name)))
    db.exec(CATCH_UP_TRIGGERS_SQL)
  return true
}

/** Whether anything of `table` (or of any table) is set aside now. */
export function hasDeferredIndexes(db: Database, table?: DeferrableTable): boolean {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_schema'")
  if (exists.get() === undefined) return false
  const any = db.prepare('SELECT 1 FROM deferred_schema WHERE @t IS NULL OR tbl = @t LIMIT 1')
  return any.get({ t: table ?? null }) !== undefined
}

/**
 * What builds everything of `table` (or of every table) set aside, as SQL steps each in a transaction of its own:
 * one index per step (a call of the core waits at most for one), then the name keys merged in sorted order with
 * the real triggers back. Each step deletes its own record, so steps already done are not repeated after a crash.
 */
/** One step of building what was set aside: its SQL, and what it builds (for the benchmark's figures). */
export interface RestoreStep {
  label: string
  sql: string
}

export function restoreSteps(db: Database, table?: DeferrableTable): RestoreStep[] {
  if (!hasDeferredIndexes(db, table)) return []
  const rows = db
    .prepare<[{ t: DeferrableTable | null }], Deferred>(
      'SELECT name, tbl, kind, sql FROM deferred_schema WHERE @t IS NULL OR tbl = @t ORDER BY kind, name',
    )
    .all({ t: table ?? null })
  const steps = rows
    .filter((r) => r.kind === 'index')
    .map((r) => ({
      label: r.name,
      sql: `BEGIN IMMEDIATE; ${r.sql}; DELETE FROM deferred_schema WHERE name = ${quote(r.name)}; COMMIT;`,
    }))
  const done = (names: readonly Deferred[]): string =>
    `DELETE FROM deferred_schema WHERE name IN (${names.map((t) => quote(t.name)).join(', ')});`
  const nameKeys = rows.filter((r) => (NAME_KEY_TRIGGERS as readonly string[]).includes(r.name))
  if (nameKeys.length > 0) {
    steps.push({
      label: 'application_name_keys',
      sql: `BEGIN IMMEDIATE;
      INSERT OR IGNORE INTO application_name_keys (name_key, tracking_number)
        SELECT name_key, tracking_number FROM catch_up_name_keys ORDER BY 1, 2;
      DELETE FROM catch_up_name_keys;
      DROP TRIGGER IF EXISTS catch_up_name_keys_insert;
      DROP TRIGGER IF EXISTS catch_up_name_keys_update;
      DROP TRIGGER IF EXISTS catch_up_name_keys_delete;
      ${nameKeys.map((t) => `${t.sql};`).join('\n')}
      ${done(nameKeys)}
      COMMIT;`,
    })
  }
  const rollups = rows.filter((r) => (ROLLUP_TRIGGERS as readonly string[]).includes(r.name))
  if (rollups.length > 0) {
    steps.push({
      label: 'rollups',
      sql: `BEGIN IMMEDIATE;
      ${REBUILD_ROLLUPS_SQL}
      ${REBUILD_AGENCY_ROLLUPS_SQL}
      ${rollups.map((t) => `${t.sql};`).join('\n')}
      ${done(rollups)}
      COMMIT;`,
    })
  }
  return steps
}

/** Builds what was set aside on this connection, holding it until done (at start-up, before anything else runs). */
export function restoreIndexesNow(db: Database, table?: DeferrableTable): void {
  for (const step of restoreSteps(db, table)) {
    try {
      db.exec(step.sql)
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw err
    }
  }
}

/**
 * Builds what was set aside on a worker thread, one step at a time, so the core's event loop goes on: each
 * step holds the file's write lock, so it goes through the connection's write gate (main/db/write-gate.ts). A call
 * of the API meanwhile waits for that one step as a promise instead of inside SQLite's busy handler, and the calls
 * that waited run before the next step. Tells how far it is (0–1) after each step; answers the longest step;
 * throws what stopped it.
 * A database without a file or a key of its own (tests in memory) is built here.
 */
export async function restoreIndexesOnWorker(
  db: Database,
  table?: DeferrableTable,
  onProgress?: (fraction: number) => void,
): Promise<{ longest: { label: string; ms: number } | null }> {
  const steps = restoreSteps(db, table)
  if (steps.length === 0) return { longest: null }
  let key: Buffer | null
  try {
    key = db.memory || db.name === '' ? null : keyOf(db)
  } catch {
    key = null
  }
  if (!key) {
    const t0 = performance.now()
    restoreIndexesNow(db, table)
    return { longest: { label: 'all, on this connection', ms: performance.now() - t0 } }
  }
  let longest: { label: string; ms: number } | null = null
  const job = startSteppedJob(
    db.name,
    steps.map((s) => s.sql),
    key,
  )
  try {
    for (const [i, step] of steps.entries()) {
      const r = await asWorkerStep(db, step.label, () => job.step())
      if ('error' in r) throw new Error(`the indexes could not be built: ${r.error.message}`)
      if (!longest || r.ms > longest.ms) longest = { label: step.label, ms: r.ms }
      onProgress?.((i + 1) / steps.length)
      // The calls and the I/O that waited for the step go before the next one takes the lock.
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  } finally {
    job.end()
  }
  return { longest }
}
