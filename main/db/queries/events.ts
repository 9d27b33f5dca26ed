import type { Database } from 'better-sqlite3-multiple-ciphers'

export interface NewEvent {
  id: string
  type: string
  occurredAt: number
  staffNumber: string | null
  deviceId: string
  trackingNumber: string | null
  payload: Record<string, unknown>
}

export interface EventRow {
  seq: number
  id: string
  type: string
  occurred_at: number
  staff_number: string | null
  device_id: string
  tracking_number: string | null
  payload: string
}

/** Queries on `events` and its `outbox`. `append` must run inside the caller's transaction. */
export function eventQueries(db: Database) {
  const insertEvent = db.prepare(
    `INSERT INTO events (id, type, occurred_at, staff_number, device_id, tracking_number, payload)
     VALUES (@id, @type, @occurredAt, @staffNumber, @deviceId, @trackingNumber, @payload)`,
  )
  const insertOutbox = db.prepare('INSERT INTO outbox (event_seq, next_attempt_at) VALUES (?, ?)')
  const outboxDepth = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox')
  const recent = db.prepare<[number], EventRow>('SELECT * FROM events ORDER BY seq DESC LIMIT ?')
  const forTrackingNumber = db.prepare<[string], EventRow>(
    'SELECT * FROM events WHERE tracking_number = ? ORDER BY seq',
  )
  return {
    append(e: NewEvent): number {
      if (!db.inTransaction)
        throw new Error('events.append must run inside the transaction that made the change')
      const seq = Number(insertEvent.run({ ...e, payload: JSON.stringify(e.payload) }).lastInsertRowid)
      insertOutbox.run(seq, e.occurredAt)
      return seq
    },
    outboxDepth: () => outboxDepth.get()?.n ?? 0,
    recent: (limit: number) => recent.all(limit),
    forTrackingNumber: (tn: string) => forTrackingNumber.all(tn),
  }
}
export type EventQueries = ReturnType<typeof eventQueries>
