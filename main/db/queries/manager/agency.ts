import type { Database } from 'better-sqlite3-multiple-ciphers'

/**
 * Reads of the agency turnaround (migration 0220). The lateness rollups are read by primary-key range (a whole
 * month, week or day is one key prefix); "still out" and the overdue list read the partial indexes of migration
 * 0080 over the documents at the agency (`status = 'registered'`), never the whole `applications` table.
 */
export type LateTable = 'month' | 'week' | 'day'
const TABLE: Record<LateTable, string> = {
  month: 'agency_late_month',
  week: 'agency_late_week',
  day: 'agency_late_day',
}

/**
 * The three reads of a stretch of one lateness table (months YYYYMM, weeks by their Monday's day number, or days),
 * each summed in SQL to what its caller needs, so a long period hands back hundreds of rows, not its whole range:
 * - `byService`: the histogram of days late per service (the turnaround tables);
 * - `byBucket`: the histogram per month, week or day, over the services in `@codes` (a trend);
 * - `onTime`: arrived and on time per service (the first/second-half changes).
 */
export const lateSql = (t: LateTable) => {
  const range = `${t} BETWEEN @from AND @to`
  return {
    byService: `SELECT service_code, late, sum(n) AS n FROM ${TABLE[t]} WHERE ${range}
                GROUP BY service_code, late HAVING sum(n) <> 0`,
    byBucket: `SELECT ${t} AS bucket, late, sum(n) AS n FROM ${TABLE[t]}
               WHERE ${range} AND service_code IN (SELECT value FROM json_each(@codes))
               GROUP BY ${t}, late HAVING sum(n) <> 0`,
    onTime: `SELECT service_code, sum(n) AS arrived, sum(CASE WHEN late = 0 THEN n ELSE 0 END) AS on_time
             FROM ${TABLE[t]} WHERE ${range} GROUP BY service_code`,
  }
}

export const AGENCY_SQL = {
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

export interface ServiceLateRow {
  service_code: string
  late: number
  n: number
}

export interface BucketLateRow {
  /** Month (YYYYMM), week (its Monday's day number) or day number, as the table keys it. */
  bucket: number
  late: number
  n: number
}

export interface OnTimeRow {
  service_code: string
  arrived: number
  on_time: number
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
  const prepared = (t: LateTable) => {
    const sql = lateSql(t)
    return {
      byService: db.prepare<Range, ServiceLateRow>(sql.byService),
      byBucket: db.prepare<Range & { codes: string }, BucketLateRow>(sql.byBucket),
      onTime: db.prepare<Range, OnTimeRow>(sql.onTime),
    }
  }
  const late = { month: prepared('month'), week: prepared('week'), day: prepared('day') }
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
    /** Days-late histogram per service over keys from…to (inclusive) of one lateness table. */
    lateByService: (t: LateTable, from: number, to: number) => late[t].byService.all({ from, to }),
    /** Days-late histogram per key over from…to, of the services given. */
    lateByBucket: (t: LateTable, from: number, to: number, serviceCodes: string[]) =>
      late[t].byBucket.all({ from, to, codes: JSON.stringify(serviceCodes) }),
    /** Arrived and on time per service over from…to. */
    onTime: (t: LateTable, from: number, to: number) => late[t].onTime.all({ from, to }),
    /** Documents at the agency now per service, and how many of them are past expected-ready (before `today`). */
    stillOut: (today: string) => stillOut.all({ today }),
    overdue: (today: string, serviceCodes: string[], limit: number) =>
      overdue.all({ today, codes: JSON.stringify(serviceCodes), limit }),
    batches: (d1: number, d2: number) => batches.all({ d1, d2 }),
    signOff: (agency: string, from: string, to: string) => signOff.get({ agency, from, to }) ?? null,
  }
}
export type AgencyQueries = ReturnType<typeof agencyQueries>
