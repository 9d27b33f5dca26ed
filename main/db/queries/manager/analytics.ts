import type { Database } from 'better-sqlite3-multiple-ciphers'

export type Stage = 'agency' | 'customer'

/**
 * Reads of the turnaround rollups (migration 0080). A period is answered from whole months in `turnaround_month`
 * plus the days at either end from `turnaround_day`, so five years cost about as much as two months.
 */
export const ANALYTICS_SQL = {
  histogramMonths: `SELECT service_code, days, sum(n) AS n FROM turnaround_month
                    WHERE stage = @stage AND month BETWEEN @m1 AND @m2 GROUP BY service_code, days`,
  histogramDays: `SELECT service_code, days, sum(n) AS n FROM turnaround_day
                  WHERE stage = @stage AND day BETWEEN @d1 AND @d2 GROUP BY service_code, days`,
  cohort: `SELECT service_code, sum(arrived) AS arrived, sum(collected_30) AS collected_30 FROM arrival_cohort
           WHERE day BETWEEN @d1 AND @d2 GROUP BY service_code`,
  stageDays: `SELECT day, n, days_sum FROM stage_day WHERE stage = @stage AND day BETWEEN @d1 AND @d2 AND n <> 0`,
}

export interface HistogramRow {
  service_code: string
  days: number
  n: number
}

export function analyticsQueries(db: Database) {
  const months = db.prepare<{ stage: Stage; m1: number; m2: number }, HistogramRow>(
    ANALYTICS_SQL.histogramMonths,
  )
  const days = db.prepare<{ stage: Stage; d1: number; d2: number }, HistogramRow>(ANALYTICS_SQL.histogramDays)
  const cohort = db.prepare<
    { d1: number; d2: number },
    { service_code: string; arrived: number; collected_30: number }
  >(ANALYTICS_SQL.cohort)
  const stageDays = db.prepare<
    { stage: Stage; d1: number; d2: number },
    { day: number; n: number; days_sum: number }
  >(ANALYTICS_SQL.stageDays)
  return {
    /** Histogram rows of whole months m1…m2 (YYYYMM, inclusive). */
    histogramMonths: (stage: Stage, m1: number, m2: number) => months.all({ stage, m1, m2 }),
    /** Histogram rows of days d1…d2 (day numbers, inclusive). */
    histogramDays: (stage: Stage, d1: number, d2: number) => days.all({ stage, d1, d2 }),
    cohort: (d1: number, d2: number) => cohort.all({ d1, d2 }),
    stageDays: (stage: Stage, d1: number, d2: number) => stageDays.all({ stage, d1, d2 }),
  }
}
export type AnalyticsQueries = ReturnType<typeof analyticsQueries>
