/**
 * When each reminder of a campaign goes out: `ratePerMinute` messages per minute from the start, never inside the
 * quiet hours (Nairobi wall clock, UTC+3 all year). A minute that falls in quiet hours moves to the end of them.
 */

import { DAY_MS, msSinceNairobiMidnight } from '../../../common/nairobi-time'

const MINUTE_MS = 60_000

export interface QuietHours {
  /** 'HH:MM'; with `end` before `start` the window wraps past midnight (20:00–08:00). Equal: no quiet hours. */
  start: string
  end: string
}

const minuteOfDay = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

export function inQuietHours(t: number, q: QuietHours): boolean {
  const s = minuteOfDay(q.start)
  const e = minuteOfDay(q.end)
  if (s === e) return false
  const m = Math.floor(msSinceNairobiMidnight(t) / MINUTE_MS)
  return s < e ? m >= s && m < e : m >= s || m < e
}

/** The first instant at or after `t` that is outside the quiet hours. */
export function afterQuietHours(t: number, q: QuietHours): number {
  if (!inQuietHours(t, q)) return t
  const midnight = t - msSinceNairobiMidnight(t)
  let end = midnight + minuteOfDay(q.end) * MINUTE_MS
  if (end <= t) end += DAY_MS
  return end
}

/**
 * The due time of each of `count` messages sent from `start`: the first `ratePerMinute` at the first allowed
 * instant, the next batch a minute later, and so on, skipping quiet hours. Messages of one minute share its time
 * (the tick hands them to the outbox together).
 */
export function scheduleTimes(count: number, start: number, ratePerMinute: number, q: QuietHours): number[] {
  const rate = Math.max(1, Math.floor(ratePerMinute))
  const times = new Array<number>(count)
  let minute = afterQuietHours(start, q)
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % rate === 0) minute = afterQuietHours(minute + MINUTE_MS, q)
    times[i] = minute
  }
  return times
}
