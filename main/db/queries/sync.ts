import type { Database } from 'better-sqlite3-multiple-ciphers'

/** An outbox row with the event it carries, as the drain reads it (oldest first). */
export interface OutboxEventRow {
  seq: number
  id: string
  type: string
  occurred_at: number
  staff_number: string | null
  device_id: string
  tracking_number: string | null
  payload: string
  attempts: number
}

/** An event the central API rejected, with why. */
export interface DeadLetterRow {
  seq: number
  id: string
  type: string
  occurred_at: number
  tracking_number: string | null
  reason: string
  at: number
}

const OUTBOX_EVENT_COLUMNS = `o.event_seq AS seq, e.id, e.type, e.occurred_at, e.staff_number, e.device_id,
  e.tracking_number, e.payload, o.attempts`

/**
 * Queries on the outbox as the sync drain sees it, on `dead_letters` and on the `sync_state` key/value table.
 * Seq lists travel as one JSON array bound to `json_each`, so a 500-event batch is one statement, not 500.
 */
export function syncQueries(db: Database) {
  const dueBatch = db.prepare<[number], OutboxEventRow>(
    `SELECT ${OUTBOX_EVENT_COLUMNS} FROM outbox o JOIN events e ON e.seq = o.event_seq
     ORDER BY o.event_seq LIMIT ?`,
  )
  const pendingAfter = db.prepare<[number, number], OutboxEventRow>(
    `SELECT ${OUTBOX_EVENT_COLUMNS} FROM outbox o JOIN events e ON e.seq = o.event_seq
     WHERE o.event_seq > ? ORDER BY o.event_seq LIMIT ?`,
  )
  const deleteOutbox = db.prepare<[string]>(
    'DELETE FROM outbox WHERE event_seq IN (SELECT value FROM json_each(?))',
  )
  const markAttempt = db.prepare<[string, string]>(
    `UPDATE outbox SET attempts = attempts + 1, last_error = ?
     WHERE event_seq IN (SELECT value FROM json_each(?))`,
  )
  const deleteOneOutbox = db.prepare<[number]>('DELETE FROM outbox WHERE event_seq = ?')
  const insertDeadLetter = db.prepare<[number, string, number]>(
    'INSERT INTO dead_letters (event_seq, reason, at) VALUES (?, ?, ?)',
  )
  const deadLetters = db.prepare<[number], DeadLetterRow>(
    `SELECT d.event_seq AS seq, e.id, e.type, e.occurred_at, e.tracking_number, d.reason, d.at
     FROM dead_letters d JOIN events e ON e.seq = d.event_seq ORDER BY d.event_seq LIMIT ?`,
  )
  const deadLetterCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM dead_letters')
  const deleteDeadLetter = db.prepare<[number]>('DELETE FROM dead_letters WHERE event_seq = ?')
  const insertOutbox = db.prepare<[number, number]>(
    'INSERT INTO outbox (event_seq, next_attempt_at) VALUES (?, ?)',
  )
  const depth = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox')
  const oldest = db.prepare<[], { occurred_at: number }>(
    `SELECT e.occurred_at FROM outbox o JOIN events e ON e.seq = o.event_seq ORDER BY o.event_seq LIMIT 1`,
  )
  const getState = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?')
  const putState = db.prepare<[string, string]>(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  const deleteState = db.prepare<[string]>('DELETE FROM sync_state WHERE key = ?')
  const centreNumber = db.prepare<[], { number: string }>('SELECT number FROM centre WHERE id = 1')

  const deadLetterTx = db.transaction((seq: number, reason: string, at: number): boolean => {
    if (deleteOneOutbox.run(seq).changes === 0) return false
    insertDeadLetter.run(seq, reason, at)
    return true
  })
  const writeStates = (entries: ReadonlyArray<readonly [string, unknown]>): void => {
    for (const [key, value] of entries) {
      if (value === undefined || value === null) deleteState.run(key)
      else putState.run(key, JSON.stringify(value))
    }
  }
  const putStatesTx = db.transaction(writeStates)
  const markAttemptTx = db.transaction(
    (seqs: readonly number[], error: string, states: ReadonlyArray<readonly [string, unknown]>): void => {
      if (seqs.length > 0) markAttempt.run(error.slice(0, 1000), JSON.stringify(seqs))
      writeStates(states)
    },
  )
  const applyTx = db.transaction(
    (
      delivered: readonly number[],
      rejected: ReadonlyArray<{ seq: number; reason: string }>,
      at: number,
      states: ReadonlyArray<readonly [string, unknown]>,
    ): void => {
      if (delivered.length > 0) deleteOutbox.run(JSON.stringify(delivered))
      for (const r of rejected) {
        if (deleteOneOutbox.run(r.seq).changes > 0) insertDeadLetter.run(r.seq, r.reason, at)
      }
      writeStates(states)
    },
  )
  const retryTx = db.transaction((seq: number, now: number): boolean => {
    if (deleteDeadLetter.run(seq).changes === 0) return false
    insertOutbox.run(seq, now)
    return true
  })

  return {
    /** The oldest `limit` outbox rows with their events, in seq order. */
    dueBatch: (limit: number): OutboxEventRow[] => dueBatch.all(limit),
    /** Every outbox row, in seq order, read in pages so a large queue never sits in memory as rows at once. */
    *pending(pageSize = 1000): Generator<OutboxEventRow> {
      let after = 0
      for (;;) {
        const page = pendingAfter.all(after, pageSize)
        yield* page
        const last = page.at(-1)
        if (!last || page.length < pageSize) return
        after = last.seq
      }
    },
    /** Removes delivered rows (accepted or duplicate). Returns how many went. */
    deleteOutbox: (seqs: readonly number[]): number =>
      seqs.length === 0 ? 0 : deleteOutbox.run(JSON.stringify(seqs)).changes,
    /**
     * Counts a failed attempt on the rows that were in the batch (for diagnosis) and writes the sync state that goes
     * with it (backoff, last error), in one transaction.
     */
    markAttempt: (
      seqs: readonly number[],
      error: string,
      states: ReadonlyArray<readonly [string, unknown]> = [],
    ): void => markAttemptTx.immediate(seqs, error, states),
    /** Moves one row from the outbox to the dead letters, in one transaction. False when it was not queued. */
    deadLetter: (seq: number, reason: string, at: number): boolean => deadLetterTx.immediate(seq, reason, at),
    deadLetters: (limit = 1000): DeadLetterRow[] => deadLetters.all(limit),
    deadLetterCount: (): number => deadLetterCount.get()?.n ?? 0,
    /** Moves a dead letter back to the outbox, in one transaction. False when there was no such dead letter. */
    retryDeadLetter: (seq: number, now: number): boolean => retryTx.immediate(seq, now),
    getState: (key: string): unknown => {
      const row = getState.get(key)
      return row ? (JSON.parse(row.value) as unknown) : undefined
    },
    putState: (key: string, value: unknown): void => {
      putState.run(key, JSON.stringify(value))
    },
    deleteState: (key: string): void => {
      deleteState.run(key)
    },
    /** Several state keys written in one transaction (null deletes a key), so a restart never sees half of one. */
    putStates: (entries: ReadonlyArray<readonly [string, unknown]>): void => putStatesTx.immediate(entries),
    /**
     * One API answer, applied in one transaction: delivered rows (accepted or duplicate) leave the outbox, rejected
     * ones move to the dead letters, and the sync state (last success, cleared backoff) is written with them, so one
     * batch costs one commit.
     */
    applyResults: (
      delivered: readonly number[],
      rejected: ReadonlyArray<{ seq: number; reason: string }>,
      at: number,
      states: ReadonlyArray<readonly [string, unknown]> = [],
    ): void => applyTx.immediate(delivered, rejected, at, states),
    depth: (): number => depth.get()?.n ?? 0,
    /** How long the oldest queued event has waited, or null when the outbox is empty. */
    oldestUnsentAgeMs: (now: number): number | null => {
      const row = oldest.get()
      return row ? Math.max(0, now - row.occurred_at) : null
    },
    /** The centre number events carry, or null before setup. */
    centreNumber: (): string | null => centreNumber.get()?.number ?? null,
  }
}
export type SyncQueries = ReturnType<typeof syncQueries>
