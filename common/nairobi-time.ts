/**
 * Days and instants on the Nairobi wall calendar, as arithmetic on epoch milliseconds. Kenya is UTC+3 all year (no
 * DST), so a Nairobi day is a fixed 24-hour span starting at 21:00 UTC and needs no time-zone database: the core, the
 * renderer and SQL (`(t + 10800000) / 86400000`, migration 0080) all count days the same way.
 *
 * A day number is days since 1970-01-01; a date is that day written 'YYYY-MM-DD'. Dates are turned into day numbers
 * on UTC midnights, which is exact because no offset ever changes.
 */

export const DAY_MS = 86_400_000
const NAIROBI_OFFSET_MS = 3 * 3_600_000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The Nairobi day number of an instant. */
export const nairobiDay = (epochMs: number): number => Math.floor((epochMs + NAIROBI_OFFSET_MS) / DAY_MS)

/** The instant Nairobi day number `day` starts (00:00 EAT, 21:00 UTC the day before). */
export const nairobiMidnight = (day: number): number => day * DAY_MS - NAIROBI_OFFSET_MS

/** Milliseconds since the Nairobi midnight before an instant (0 ≤ result < DAY_MS, also before 1970). */
export const msSinceNairobiMidnight = (epochMs: number): number =>
  (((epochMs + NAIROBI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS

/** The Nairobi calendar date ('YYYY-MM-DD') of an instant. */
export function nairobiDate(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Not a valid instant: ${epochMs}`)
  return new Date(epochMs + NAIROBI_OFFSET_MS).toISOString().slice(0, 10)
}

/** Day number of a valid 'YYYY-MM-DD'; throws RangeError for anything else (e.g. '2025-02-30'). */
export function toDayNumber(date: string): number {
  const m = DATE_RE.exec(date)
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${date}`)
  }
  return ms / DAY_MS
}

/** 'YYYY-MM-DD' of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** `date` plus `n` calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n)
}

/** YYYYMM of a day number, as the month rollups key it. */
export function monthOf(day: number): number {
  const d = new Date(day * DAY_MS)
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1
}

/** Day number of the first day of the month of `day`. */
export function monthStart(day: number): number {
  const d = new Date(day * DAY_MS)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS
}

/** Day number of the first day of the month after the month of `day`. */
export function nextMonthStart(day: number): number {
  const d = new Date(day * DAY_MS)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS
}
