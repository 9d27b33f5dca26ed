import type { LatenessStats } from '../../../common/contract'
import { DAY_MS, monthOf, monthStart, nextMonthStart } from '../../../common/nairobi-time'
import type { AgencyQueries, LateRow } from '../../db/queries/manager/agency'
import { addTo, stageStats, type Histogram } from './histogram'

/** Monday of the ISO week of a day number (day 0, 1970-01-01, was a Thursday). */
export const mondayOf = (day: number): number => day - ((((day + 3) % 7) + 7) % 7)

/** Day number of the first day of a YYYYMM month. */
export const dayOfMonthKey = (m: number): number => Date.UTC(Math.floor(m / 100), (m % 100) - 1, 1) / DAY_MS

/** One histogram row of a period, keyed by the first day of the day, week or month it sums. */
export interface DatedLateRow {
  start: number
  service_code: string
  late: number
  n: number
}

/**
 * The lateness rows of days d1…d2 (inclusive): whole months from the month rollup (when `months`), then whole
 * weeks from the week rollup, then the remaining days (at most six at each end of a stretch) from the day rollup.
 * Each row is keyed by the first day it sums. With `months` every row lies inside one calendar month (a trend by
 * month buckets them by their first day); without, every row lies inside one ISO week (a trend by week).
 */
export function lateRows(q: AgencyQueries, d1: number, d2: number, months = true): DatedLateRow[] {
  const out: DatedLateRow[] = []
  const push = (rows: LateRow[], start: (bucket: number) => number) => {
    for (const r of rows)
      out.push({ start: start(r.bucket), service_code: r.service_code, late: r.late, n: r.n })
  }
  const days = (a: number, b: number) => {
    if (a <= b) push(q.lateDays(a, b), (d) => d)
  }
  const weeksAndDays = (a: number, b: number) => {
    if (a > b) return
    const firstWeek = mondayOf(a) === a ? a : mondayOf(a) + 7
    const lastWeek = mondayOf(b - 6)
    if (firstWeek > lastWeek) return days(a, b)
    push(q.lateWeeks(firstWeek, lastWeek), (w) => w)
    days(a, firstWeek - 1)
    days(lastWeek + 7, b)
  }
  const firstMonth = d1 === monthStart(d1) ? d1 : nextMonthStart(d1)
  const lastMonthEnd = nextMonthStart(d2) - 1 === d2 ? d2 : monthStart(d2) - 1
  if (!months) {
    weeksAndDays(d1, d2)
    return out
  }
  if (firstMonth > lastMonthEnd) {
    // Less than a whole month, but it may span the end of one: split there so every row stays inside one month.
    for (let a = d1; a <= d2; a = nextMonthStart(a)) weeksAndDays(a, Math.min(d2, nextMonthStart(a) - 1))
    return out
  }
  push(q.lateMonths(monthOf(firstMonth), monthOf(lastMonthEnd)), dayOfMonthKey)
  weeksAndDays(d1, firstMonth - 1)
  weeksAndDays(lastMonthEnd + 1, d2)
  return out
}

/** On-time count and the days-late figures of one histogram of days late (0 = on time or early). */
export function latenessStats(h: Histogram | undefined): LatenessStats {
  let arrived = 0
  let worst: number | null = null
  const lateOnly: Histogram = new Map()
  for (const [late, n] of h ?? []) {
    if (n <= 0) continue
    arrived += n
    if (late > 0) {
      addTo(lateOnly, late, n)
      if (worst === null || late > worst) worst = late
    }
  }
  const s = stageStats(lateOnly)
  const onTime = arrived - s.count
  return {
    arrived,
    onTime,
    onTimeRate: arrived > 0 ? onTime / arrived : null,
    late: s.count,
    medianDaysLate: s.medianDays,
    p90DaysLate: s.p90Days,
    worstDaysLate: worst,
  }
}

/** Worst on-time rate first; nothing arrived (no rate) last; then by name. */
export function byOnTimeRate<T extends { onTimeRate: number | null }>(name: (t: T) => string) {
  return (a: T, b: T): number => {
    if (a.onTimeRate !== b.onTimeRate) {
      if (a.onTimeRate === null) return 1
      if (b.onTimeRate === null) return -1
      return a.onTimeRate - b.onTimeRate
    }
    return name(a).localeCompare(name(b))
  }
}
