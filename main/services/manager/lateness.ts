import type { LatenessStats } from '../../../common/contract'
import { DAY_MS, monthOf, monthStart, nextMonthStart } from '../../../common/nairobi-time'
import type { AgencyQueries, LateTable } from '../../db/queries/manager/agency'
import { addTo, stageStats, type Histogram } from './histogram'

/** Monday of the ISO week of a day number (day 0, 1970-01-01, was a Thursday). */
export const mondayOf = (day: number): number => day - ((((day + 3) % 7) + 7) % 7)

/** Day number of the first day of a YYYYMM month. */
export const dayOfMonthKey = (m: number): number => Date.UTC(Math.floor(m / 100), (m % 100) - 1, 1) / DAY_MS

/** A stretch of one lateness table: keys from…to (months YYYYMM, weeks by Monday, days), inclusive. */
export interface Segment {
  table: LateTable
  from: number
  to: number
}

/** The first day number of a key of a lateness table. */
export const keyStart = (table: LateTable, key: number): number =>
  table === 'month' ? dayOfMonthKey(key) : key

/**
 * Days d1…d2 (inclusive) as stretches of the lateness rollups: whole months from the month rollup (when `months`),
 * then whole weeks from the week rollup, then the remaining days (at most six at each end of a stretch) from the
 * day rollup. With `months` every key lies inside one calendar month (a trend by month buckets keys by their first
 * day); without, every key lies inside one ISO week (a trend by week).
 */
export function segments(d1: number, d2: number, months = true): Segment[] {
  const out: Segment[] = []
  const days = (a: number, b: number) => {
    if (a <= b) out.push({ table: 'day', from: a, to: b })
  }
  const weeksAndDays = (a: number, b: number) => {
    if (a > b) return
    const firstWeek = mondayOf(a) === a ? a : mondayOf(a) + 7
    const lastWeek = mondayOf(b - 6)
    if (firstWeek > lastWeek) return days(a, b)
    out.push({ table: 'week', from: firstWeek, to: lastWeek })
    days(a, firstWeek - 1)
    days(lastWeek + 7, b)
  }
  if (!months) {
    weeksAndDays(d1, d2)
    return out
  }
  const firstMonth = d1 === monthStart(d1) ? d1 : nextMonthStart(d1)
  const lastMonthEnd = nextMonthStart(d2) - 1 === d2 ? d2 : monthStart(d2) - 1
  if (firstMonth > lastMonthEnd) {
    // Less than a whole month, but it may span the end of one: split there so every key stays inside one month.
    for (let a = d1; a <= d2; a = nextMonthStart(a)) weeksAndDays(a, Math.min(d2, nextMonthStart(a) - 1))
    return out
  }
  out.push({ table: 'month', from: monthOf(firstMonth), to: monthOf(lastMonthEnd) })
  weeksAndDays(d1, firstMonth - 1)
  weeksAndDays(lastMonthEnd + 1, d2)
  return out
}

/** The days-late histogram of each service over days d1…d2. */
export function histogramsByService(q: AgencyQueries, d1: number, d2: number): Map<string, Histogram> {
  const m = new Map<string, Histogram>()
  for (const seg of segments(d1, d2)) {
    for (const r of q.lateByService(seg.table, seg.from, seg.to)) {
      let h = m.get(r.service_code)
      if (!h) m.set(r.service_code, (h = new Map()))
      addTo(h, r.late, r.n)
    }
  }
  return m
}

/** Arrived and on time per service over days d1…d2. */
export function onTimeByService(
  q: AgencyQueries,
  d1: number,
  d2: number,
): Map<string, { arrived: number; onTime: number }> {
  const m = new Map<string, { arrived: number; onTime: number }>()
  for (const seg of segments(d1, d2)) {
    for (const r of q.onTime(seg.table, seg.from, seg.to)) {
      const c = m.get(r.service_code) ?? { arrived: 0, onTime: 0 }
      c.arrived += r.arrived
      c.onTime += r.on_time
      m.set(r.service_code, c)
    }
  }
  return m
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
