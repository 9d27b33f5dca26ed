import type { Database } from 'better-sqlite3-multiple-ciphers'

/** A change as this PC stores it; `value` is JSON text. */
export interface DirectoryChangeRow {
  change_id: string
  kind: string
  key: string
  field: string
  value: string
  at: number
  by: string | null
  device_id: string
}
export type DirectoryOutboxRow = DirectoryChangeRow & {
  seq: number
  base_id: string | null
  base_at: number | null
}

/** Queries on `directory_fields` (the winning change of each field) and `directory_outbox` (changes to push). */
export function directoryQueries(db: Database) {
  const field = db.prepare<[string, string, string], DirectoryChangeRow>(
    'SELECT * FROM directory_fields WHERE kind = ? AND key = ? AND field = ?',
  )
  const fieldsOf = db.prepare<[string, string], DirectoryChangeRow>(
    'SELECT * FROM directory_fields WHERE kind = ? AND key = ?',
  )
  const putField = db.prepare(
    `INSERT INTO directory_fields (kind, key, field, value, change_id, at, by, device_id)
     VALUES (@kind, @key, @field, @value, @change_id, @at, @by, @device_id)
     ON CONFLICT (kind, key, field) DO UPDATE SET value = excluded.value, change_id = excluded.change_id,
       at = excluded.at, by = excluded.by, device_id = excluded.device_id`,
  )
  const enqueue = db.prepare(
    `INSERT INTO directory_outbox (change_id, kind, key, field, value, at, by, device_id, base_id, base_at)
     VALUES (@change_id, @kind, @key, @field, @value, @at, @by, @device_id, @base_id, @base_at)`,
  )
  const pending = db.prepare<[number], DirectoryOutboxRow>(
    'SELECT * FROM directory_outbox ORDER BY seq LIMIT ?',
  )
  const pendingFor = db.prepare<[string, string, string], DirectoryOutboxRow>(
    'SELECT * FROM directory_outbox WHERE kind = ? AND key = ? AND field = ? ORDER BY seq',
  )
  const done = db.prepare<[string]>('DELETE FROM directory_outbox WHERE change_id = ?')
  const depth = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM directory_outbox')
  return {
    field: (kind: string, key: string, name: string) => field.get(kind, key, name),
    fieldsOf: (kind: string, key: string) => fieldsOf.all(kind, key),
    putField: (r: DirectoryChangeRow) => putField.run(r),
    enqueue: (r: DirectoryChangeRow & { base_id: string | null; base_at: number | null }) => enqueue.run(r),
    pending: (limit: number) => pending.all(limit),
    pendingFor: (kind: string, key: string, name: string) => pendingFor.all(kind, key, name),
    acknowledge: (changeId: string) => done.run(changeId),
    outboxDepth: () => depth.get()?.n ?? 0,
  }
}
export type DirectoryQueries = ReturnType<typeof directoryQueries>
