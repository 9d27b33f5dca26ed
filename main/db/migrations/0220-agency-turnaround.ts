import type { Migration } from './types'

/** Nairobi calendar day number of an epoch-ms column, as migration 0080 counts it. */
const day = (col: string): string => `((${col} + 10800000) / 86400000)`
/** Day number of a 'YYYY-MM-DD' column (UTC midnight of that date, exact: see common/nairobi-time.ts). */
const dateDay = (col: string): string => `CAST(julianday(${col}) - 2440587.5 AS INTEGER)`
/** Days late of an arrival: Nairobi arrival date minus expected-ready date, 0 when on time or early. */
const late = (r: string): string => `max(0, ${day(`${r}.arrived_at`)} - ${dateDay(`${r}.expected_ready`)})`
/** Monday of the ISO week of a day number (day 0, 1970-01-01, was a Thursday). */
const monday = (d: string): string => `(${d} - ((${d} + 3) % 7))`
const month = (d: string): string => `CAST(strftime('%Y%m', ${d} * 86400, 'unixepoch') AS INTEGER)`

/**
 * What one application adds to (`sign` 1) or takes from (-1) the lateness rollups: one count in the histogram of
 * days late of the day, the week and the month it arrived. A document that has not arrived adds nothing.
 */
function contribution(r: 'NEW' | 'OLD', sign: 1 | -1): string {
  const d = day(`${r}.arrived_at`)
  const when = `WHERE ${r}.arrived_at IS NOT NULL`
  return `
    INSERT INTO agency_late_day (day, service_code, late, n)
      SELECT ${d}, ${r}.service_code, ${late(r)}, ${sign} ${when}
      ON CONFLICT (day, late, service_code) DO UPDATE SET n = n + excluded.n;
    INSERT INTO agency_late_week (week, service_code, late, n)
      SELECT ${monday(d)}, ${r}.service_code, ${late(r)}, ${sign} ${when}
      ON CONFLICT (week, late, service_code) DO UPDATE SET n = n + excluded.n;
    INSERT INTO agency_late_month (month, service_code, late, n)
      SELECT ${month(d)}, ${r}.service_code, ${late(r)}, ${sign} ${when}
      ON CONFLICT (month, late, service_code) DO UPDATE SET n = n + excluded.n;`
}

/** The lateness triggers on `applications` (the demo seeder drops and restores them with the others on that table). */
export const AGENCY_ROLLUP_TRIGGERS_SQL = `
  CREATE TRIGGER agency_rollup_insert AFTER INSERT ON applications WHEN NEW.arrived_at IS NOT NULL
  BEGIN ${contribution('NEW', 1)} END;

  CREATE TRIGGER agency_rollup_update AFTER UPDATE OF service_code, arrived_at, expected_ready ON applications
  WHEN OLD.service_code IS NOT NEW.service_code OR OLD.arrived_at IS NOT NEW.arrived_at
    OR OLD.expected_ready IS NOT NEW.expected_ready
  BEGIN ${contribution('OLD', -1)} ${contribution('NEW', 1)} END;

  CREATE TRIGGER agency_rollup_delete AFTER DELETE ON applications WHEN OLD.arrived_at IS NOT NULL
  BEGIN ${contribution('OLD', -1)} END;
`

/** Rebuilds the lateness rollups from `applications` in one pass (after a bulk load without triggers, or a repair). */
export const REBUILD_AGENCY_ROLLUPS_SQL = `
  DELETE FROM agency_late_day;
  DELETE FROM agency_late_week;
  DELETE FROM agency_late_month;
  INSERT INTO agency_late_day (day, service_code, late, n)
    SELECT ${day('a.arrived_at')}, a.service_code, ${late('a')}, count(*)
    FROM applications a WHERE a.arrived_at IS NOT NULL GROUP BY 1, 2, 3;
  INSERT INTO agency_late_week (week, service_code, late, n)
    SELECT ${monday('day')}, service_code, late, sum(n) FROM agency_late_day GROUP BY 1, 2, 3;
  INSERT INTO agency_late_month (month, service_code, late, n)
    SELECT ${month('day')}, service_code, late, sum(n) FROM agency_late_day GROUP BY 1, 2, 3;
`

/** The columns of a `batch.closed` event's `manifest` counts, as the summary table stores them. */
const COUNTS = ['expected', 'received', 'missing', 'unannounced'] as const
const isCount = (c: string): string => `json_type(e.payload, '$.manifest.${c}') = 'integer'`

/** A closed-batch summary row per `batch.closed` event that carries manifest counts (local or replicated). */
const batchSummaryFrom = (where: string): string => `
  INSERT OR IGNORE INTO closed_batch_summaries (event_id, day, agency, ${COUNTS.join(', ')})
    SELECT e.id, ${day('e.occurred_at')}, json_extract(e.payload, '$.agency'),
           ${COUNTS.map((c) => `json_extract(e.payload, '$.manifest.${c}')`).join(', ')}
    FROM events e
    WHERE ${where} AND e.type = 'batch.closed' AND json_type(e.payload, '$.agency') = 'text'
      AND ${COUNTS.map(isCount).join(' AND ')};`

export const REBUILD_BATCH_SUMMARIES_SQL = `
  DELETE FROM closed_batch_summaries;
  ${batchSummaryFrom('1')}
`

/**
 * The agency turnaround (issue 15).
 * - Lateness rollups: per arrival day, ISO week (its Monday's day number) and month, per service, a histogram of
 *   days late (0 = on time or early), kept by triggers in the same transaction as any write to `applications`
 *   (a service through the projector, replication, a restore). A period is read as whole months, then whole weeks,
 *   then the few days at the ends, so any figure over any period reads a few thousand rows at most. The
 *   expected-ready date is the stored one: what the receipt promised, with the holidays in force at registration.
 * - `closed_batch_summaries`: the manifest discrepancy counts of every closed arrival batch of the centre, filled
 *   by a trigger on `events` from `batch.closed` events that carry them, whether this PC wrote the event or the
 *   centre feed brought it, so every PC that holds the centre's events sums the same.
 * - `agency_signoffs`: the manager's sign-off of an agency report for a period, likewise from
 *   `report.agencySignedOff` events (the first sign-off of an agency and period stands).
 */
export const migration0220: Migration = {
  version: 220,
  name: 'agency-turnaround',
  up(db) {
    db.exec(`
      -- Keyed by bucket, then days late: a trend's GROUP BY bucket, late reads rows in key order (no sort).
      CREATE TABLE agency_late_day (
        day INTEGER NOT NULL,
        service_code TEXT NOT NULL,
        late INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (day, late, service_code)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE agency_late_week (
        week INTEGER NOT NULL,
        service_code TEXT NOT NULL,
        late INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (week, late, service_code)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE agency_late_month (
        month INTEGER NOT NULL,
        service_code TEXT NOT NULL,
        late INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (month, late, service_code)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE closed_batch_summaries (
        event_id TEXT PRIMARY KEY,
        day INTEGER NOT NULL,
        agency TEXT NOT NULL,
        expected INTEGER NOT NULL,
        received INTEGER NOT NULL,
        missing INTEGER NOT NULL,
        unannounced INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX closed_batch_summaries_day ON closed_batch_summaries (day, agency);

      CREATE TRIGGER agency_batch_closed AFTER INSERT ON events WHEN NEW.type = 'batch.closed'
      BEGIN ${batchSummaryFrom('e.seq = NEW.seq')} END;

      CREATE TABLE agency_signoffs (
        agency TEXT NOT NULL,
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        event_id TEXT NOT NULL,
        staff_number TEXT NOT NULL,
        name TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (agency, from_date, to_date)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER agency_signed_off AFTER INSERT ON events WHEN NEW.type = 'report.agencySignedOff'
        AND json_type(NEW.payload, '$.agency') = 'text' AND json_type(NEW.payload, '$.from') = 'text'
        AND json_type(NEW.payload, '$.to') = 'text' AND json_type(NEW.payload, '$.name') = 'text'
        AND NEW.staff_number IS NOT NULL
      BEGIN
        INSERT INTO agency_signoffs (agency, from_date, to_date, event_id, staff_number, name, at)
          VALUES (json_extract(NEW.payload, '$.agency'), json_extract(NEW.payload, '$.from'),
                  json_extract(NEW.payload, '$.to'), NEW.id, NEW.staff_number, json_extract(NEW.payload, '$.name'),
                  NEW.occurred_at)
          ON CONFLICT (agency, from_date, to_date) DO UPDATE SET
            event_id = excluded.event_id, staff_number = excluded.staff_number, name = excluded.name,
            at = excluded.at
          WHERE excluded.at < agency_signoffs.at
            OR (excluded.at = agency_signoffs.at AND excluded.event_id < agency_signoffs.event_id);
      END;
    `)
    db.exec(AGENCY_ROLLUP_TRIGGERS_SQL)
    db.exec(REBUILD_AGENCY_ROLLUPS_SQL)
    db.exec(REBUILD_BATCH_SUMMARIES_SQL)
  },
}
