import type { Database } from 'better-sqlite3-multiple-ciphers'
import { keyOf } from './cipher'
import { runDatabaseJob } from './db-worker'

/**
 * The secondary indexes of `applications`, set aside while a new PC's catch-up makes hundreds of thousands of rows
 * (main/sync/catch-up-projection.ts) and built again afterwards in one sorted pass each. Made row by row, the
 * names, phones, ID numbers and shelf slots land on random pages of sixteen indexes, and every such page is
 * encrypted and written again at each commit of the catch-up's short transactions: at 300,000 events that was
 * 36 s of a 50 s catch-up, against 3 s without the indexes and 1 s to build them (bench/new-pc.bench.ts).
 *
 * The name-key triggers (migration 0140) are swapped for ones that write the keys to `catch_up_name_keys`, in the
 * order the catch-up makes the rows, and the keys are merged into `application_name_keys` sorted at the end; so a
 * row written meanwhile by anyone (a registration at this PC) keeps its keys. What was set aside is recorded in
 * `deferred_schema` in the same transaction as the drop, so it comes back even after a crash: openDatabase builds it
 * before anything else if a catch-up did not.
 *
 * Unique indexes stay: one that held a constraint could not be built again over rows written meanwhile.
 */

const TABLE = 'applications'
const NAME_KEY_TRIGGERS = [
  'application_name_keys_insert',
  'application_name_keys_update',
  'application_name_keys_delete',
] as const

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

interface Deferred {
  name: string
  kind: 'index' | 'trigger'
  sql: string
}

/**
 * Sets the indexes and name-key triggers of `applications` aside, in the caller's transaction. False (nothing
 * done) when they already are.
 */
export function deferApplicationIndexes(db: Database): boolean {
  if (!db.inTransaction) throw new Error('deferApplicationIndexes must run inside a transaction')
  if (hasDeferredIndexes(db)) return false
  const objects = db
    .prepare<[string], Deferred>(
      `SELECT name, type AS kind, sql FROM sqlite_master
       WHERE tbl_name = ? AND sql IS NOT NULL
         AND ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%')
           OR (type = 'trigger' AND name IN (${NAME_KEY_TRIGGERS.map(quote).join(', ')})))
       ORDER BY type, name`,
    )
    .all(TABLE)
  const record = db.prepare('INSERT INTO deferred_schema (name, kind, sql) VALUES (@name, @kind, @sql)')
  for (const o of objects) {
    record.run(o)
    db.exec(`DROP ${o.kind === 'index' ? 'INDEX' : 'TRIGGER'} ${o.name}`)
  }
  if (objects.some((o) => o.kind === 'trigger')) db.exec(CATCH_UP_TRIGGERS_SQL)
  return true
}

export function hasDeferredIndexes(db: Database): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deferred_schema'")
  if (table.get() === undefined) return false
  return db.prepare('SELECT 1 FROM deferred_schema LIMIT 1').get() !== undefined
}

/**
 * What builds everything set aside again, as SQL steps each in a transaction of its own: one index per step (a
 * write of the core waits at most for one), then the name keys merged in sorted order with the real triggers back.
 * Each step deletes its own record, so steps already done are not repeated after a crash.
 */
export function restoreSteps(db: Database): string[] {
  if (!hasDeferredIndexes(db)) return []
  const rows = db
    .prepare<[], Deferred>('SELECT name, kind, sql FROM deferred_schema ORDER BY kind, name')
    .all()
  const steps = rows
    .filter((r) => r.kind === 'index')
    .map(
      (r) => `BEGIN IMMEDIATE; ${r.sql}; DELETE FROM deferred_schema WHERE name = ${quote(r.name)}; COMMIT;`,
    )
  const triggers = rows.filter((r) => r.kind === 'trigger')
  if (triggers.length > 0) {
    steps.push(`BEGIN IMMEDIATE;
      INSERT OR IGNORE INTO application_name_keys (name_key, tracking_number)
        SELECT name_key, tracking_number FROM catch_up_name_keys ORDER BY 1, 2;
      DELETE FROM catch_up_name_keys;
      DROP TRIGGER IF EXISTS catch_up_name_keys_insert;
      DROP TRIGGER IF EXISTS catch_up_name_keys_update;
      DROP TRIGGER IF EXISTS catch_up_name_keys_delete;
      ${triggers.map((t) => `${t.sql};`).join('\n')}
      DELETE FROM deferred_schema WHERE kind = 'trigger';
      COMMIT;`)
  }
  return steps
}

/** Builds what was set aside on this connection, holding it until done (at start-up, before anything else runs). */
export function restoreIndexesNow(db: Database): void {
  for (const step of restoreSteps(db)) {
    try {
      db.exec(step)
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw err
    }
  }
}

/**
 * Builds what was set aside on a worker thread, with a connection of its own, so the core's event loop goes on
 * (a write of the core waits for the index being built). Answers the longest step in ms; throws what stopped it.
 * A database without a file or a key of its own (tests in memory) is built here.
 */
export async function restoreIndexesOnWorker(db: Database): Promise<{ longestStepMs: number }> {
  const steps = restoreSteps(db)
  if (steps.length === 0) return { longestStepMs: 0 }
  let key: Buffer | null
  try {
    key = db.memory || db.name === '' ? null : keyOf(db)
  } catch {
    key = null
  }
  if (!key) {
    const t0 = performance.now()
    restoreIndexesNow(db)
    return { longestStepMs: performance.now() - t0 }
  }
  const r = await runDatabaseJob({ kind: 'exec', file: db.name, steps }, key)
  if (r.error) throw new Error(`the indexes could not be built: ${r.error.message}`)
  return { longestStepMs: Math.max(0, ...(r.stepMs ?? [])) }
}
