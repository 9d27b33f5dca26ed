import type { Database } from 'better-sqlite3-multiple-ciphers'

/**
 * Reads of the agency turnaround (migration 0220). The lateness rollups are read by primary-key range (a whole
 * month, week or day is one key prefix); "still out" and the overdue list read the partial indexes of migration
 * 0080 over the documents at the agency (`status = 'registered'`), never the whole `applications` table.
 */
export const AGENCY_SQL = {
  lateMonths: `SELECT month AS bucket, service_code, late, n FROM agency_late_month
               WHERE month BETWEEN @from AND @to AND n <> 0`,
  lateWeeks: `SELECT week AS bucket, service_code, late, n FROM agency_late_week
              WHERE week BETWEEN @from AND @to AND n <> 0`,
  lateDays: `SELECT day AS bucket, service_code, late, n FROM agency_late_day
             WHERE day BETWEEN @from AND @to AND n <> 0`,
  stillOut: `SELECT service_code, count(*) AS out, sum(expected_ready < @today) AS overdue
             FROM applications INDEXED BY applications_awaiting_by_service
             WHERE status = 'registered' GROUP BY service_code`,
  // Oldest first: the most days late, then the earliest registered. The index gives expected_ready order; only
  // the documents of the last date read need sorting by registration time.
  overdue: `SELECT tracking_number, service_code, agency_ref, registered_at, expected_ready
            FROM applications INDEXED BY applications_awaiting
            WHERE status = 'registered' AND expected_ready < @today
              AND service_code IN (SELECT value FROM json_each(@codes))
            ORDER BY expected_ready, registered_at, tracking_number LIMIT @limit`,
  batches: `SELECT agency, count(*) AS batches, sum(expected) AS expected, sum(received) AS received,
                   sum(missing) AS missing, sum(unannounced) AS unannounced
            FROM closed_batch_summaries WHERE day BETWEEN @d1 AND @d2 GROUP BY agency`,
  signOff: `SELECT staff_number, name, at FROM agency_signoffs
            WHERE agency = @agency AND from_date = @from AND to_date = @to`,
}

export interface LateRow {
  /** Month (YYYYMM), week (its Monday's day number) or day number, as the table keys it. */
  bucket: number
  service_code: string
  late: number
  n: number
}

export interface OverdueRow {
  tracking_number: string
  service_code: string
  agency_ref: string | null
  registered_at: number
  expected_ready: string
}

export interface BatchSumRow {
  agency: string
  batches: number
  expected: number
  received: number
  missing: number
  unannounced: number
}

export function agencyQueries(db: Database) {
  type Range = { from: number; to: number }
  const months = db.prepare<Range, LateRow>(AGENCY_SQL.lateMonths)
  const weeks = db.prepare<Range, LateRow>(AGENCY_SQL.lateWeeks)
  const days = db.prepare<Range, LateRow>(AGENCY_SQL.lateDays)
  const stillOut = db.prepare<{ today: string }, { service_code: string; out: number; overdue: number }>(
    AGENCY_SQL.stillOut,
  )
  const overdue = db.prepare<{ today: string; codes: string; limit: number }, OverdueRow>(AGENCY_SQL.overdue)
  const batches = db.prepare<{ d1: number; d2: number }, BatchSumRow>(AGENCY_SQL.batches)
  const signOff = db.prepare<
    { agency: string; from: string; to: string },
    { staff_number: string; name: string; at: number }
  >(AGENCY_SQL.signOff)
  return {
    /** Histogram rows of months m1…m2 (YYYYMM, inclusive). */
    lateMonths: (from: number, to: number) => months.all({ from, to }),
    /** Histogram rows of the weeks whose Mondays are the day numbers from…to. */
    lateWeeks: (from: number, to: number) => weeks.all({ from, to }),
    lateDays: (from: number, to: number) => days.all({ from, to }),
    /** Documents at the agency now per service, and how many of them are past expected-ready (before `today`). */
    stillOut: (today: string) => stillOut.all({ today }),
    overdue: (today: string, serviceCodes: string[], limit: number) =>
      overdue.all({ today, codes: JSON.stringify(serviceCodes), limit }),
    batches: (d1: number, d2: number) => batches.all({ d1, d2 }),
    signOff: (agency: string, from: string, to: string) => signOff.get({ agency, from, to }) ?? null,
  }
}
export type AgencyQueries = ReturnType<typeof agencyQueries>
