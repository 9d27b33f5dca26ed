import type { Database } from 'better-sqlite3-multiple-ciphers'

export type DeliveryOutcomeKind = 'delivered' | 'failed' | 'invalid-number'

/** One SMS delivery outcome for one tracking number. */
export interface DeliveryOutcome {
  eventId: string
  trackingNumber: string
  outcome: DeliveryOutcomeKind
  /** Epoch ms, as the central API reported it. */
  at: number
}

/** A public holiday from the central catalogue. */
export interface CentralHoliday {
  /** 'YYYY-MM-DD' (Nairobi calendar day). */
  date: string
  name: string
}

interface OutcomeRow {
  event_id: string
  tracking_number: string
  outcome: DeliveryOutcomeKind
  at: number
}

/**
 * Queries on `delivery_outcomes` and `central_holidays` (migration 0060). None opens a transaction of its own: the
 * pull applies a page of outcomes with its cursor, and a catalogue with its ETag, in one transaction it owns.
 */
export function pullQueries(db: Database) {
  const insertOutcome = db.prepare<[string, string, string, number]>(
    `INSERT OR IGNORE INTO delivery_outcomes (event_id, tracking_number, outcome, at) VALUES (?, ?, ?, ?)`,
  )
  const outcomesFor = db.prepare<[string], OutcomeRow>(
    `SELECT event_id, tracking_number, outcome, at FROM delivery_outcomes
     WHERE tracking_number = ? ORDER BY at, event_id`,
  )
  const deleteHolidays = db.prepare('DELETE FROM central_holidays')
  // A date listed twice: the later entry wins, as in overrideCalendar.
  const insertHoliday = db.prepare<[string, string]>(
    `INSERT INTO central_holidays (date, name) VALUES (?, ?)
     ON CONFLICT (date) DO UPDATE SET name = excluded.name`,
  )
  const holidays = db.prepare<[], CentralHoliday>('SELECT date, name FROM central_holidays ORDER BY date')

  return {
    /** Stores one outcome; false (and nothing changed) when that event and tracking number are already stored. */
    insertOutcome: (o: DeliveryOutcome): boolean =>
      insertOutcome.run(o.eventId, o.trackingNumber, o.outcome, o.at).changes > 0,
    /** Every outcome stored for a tracking number, oldest first. */
    outcomesFor: (trackingNumber: string): DeliveryOutcome[] =>
      outcomesFor.all(trackingNumber).map((r) => ({
        eventId: r.event_id,
        trackingNumber: r.tracking_number,
        outcome: r.outcome,
        at: r.at,
      })),
    /** Replaces the whole holiday list. Run it inside the caller's transaction. */
    replaceHolidays: (list: readonly CentralHoliday[]): void => {
      deleteHolidays.run()
      for (const h of list) insertHoliday.run(h.date, h.name)
    },
    /** The stored central holidays, by date. */
    holidays: (): CentralHoliday[] => holidays.all(),
  }
}
export type PullQueries = ReturnType<typeof pullQueries>
