/**
 * Working-day arithmetic for expected-ready dates, overdue counts and turnaround.
 *
 * All dates are calendar dates in Africa/Nairobi terms, written 'YYYY-MM-DD'. Kenya is UTC+3 all year (no DST), so
 * a date string is just a day on the Nairobi wall calendar; internally we do the arithmetic on UTC midnights, which
 * is exact because no offset ever changes.
 *
 * A working day is Monday to Friday and not a public holiday of the given calendar.
 */

/** Anything that can say whether a date is a public holiday (and which one). */
export interface HolidayCalendar {
  /** The holiday's name, or null when `date` (YYYY-MM-DD) is not a holiday. */
  holidayName(date: string): string | null
}

const DAY_MS = 86_400_000
const NAIROBI_OFFSET_MS = 3 * 3_600_000
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
/** A calendar that knows no working day for this long is broken; stop instead of looping forever. */
const MAX_NON_WORKING_RUN = 366

/** The Nairobi calendar date ('YYYY-MM-DD') of an instant. */
export function nairobiDate(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Not a valid instant: ${epochMs}`)
  return new Date(epochMs + NAIROBI_OFFSET_MS).toISOString().slice(0, 10)
}

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD'; throws RangeError for anything else (e.g. '2025-02-30'). */
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

/** 'YYYY-MM-DD' for a day number from toDayNumber. */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** `date` plus `n` calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n)
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay()
}

export function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date)
  return dow === 0 || dow === 6
}

/** Monday to Friday and not a holiday. */
export function isWorkingDay(date: string, cal: HolidayCalendar): boolean {
  return !isWeekend(date) && cal.holidayName(date) === null
}

/** The first working day on or after `date` (the date itself when it is one). */
export function nextWorkingDayOnOrAfter(date: string, cal: HolidayCalendar): string {
  let day = toDayNumber(date)
  for (let run = 0; run <= MAX_NON_WORKING_RUN; run++, day++) {
    const s = fromDayNumber(day)
    if (isWorkingDay(s, cal)) return s
  }
  throw new RangeError(
    `No working day within ${MAX_NON_WORKING_RUN} days of ${date}: check the holiday calendar`,
  )
}

/**
 * The expected-ready date: `days` working days after the registration date `start`.
 *
 * Rules (the receipt's promise, so they must be simple to explain at the counter):
 * - the registration day itself does not count: registered Monday with 1 working day → ready Tuesday;
 * - a registration on a non-working day (a Saturday opening, a Sunday, a holiday) is treated as made on the next
 *   working day: registered Saturday with 1 working day → ready Tuesday, the same as a Monday registration;
 * - `days = 0` (same-day services) gives that effective registration day: `start` itself when it is a working day,
 *   otherwise the next working day;
 * - the result is always a working day.
 *
 * Throws RangeError for a bad date or a `days` that is not a non-negative integer.
 */
export function addWorkingDays(start: string, days: number, cal: HolidayCalendar): string {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`Working days must be a whole number ≥ 0, got ${days}`)
  }
  let day = toDayNumber(nextWorkingDayOnOrAfter(start, cal))
  let remaining = days
  let run = 0
  while (remaining > 0) {
    day++
    if (isWorkingDay(fromDayNumber(day), cal)) {
      remaining--
      run = 0
    } else if (++run > MAX_NON_WORKING_RUN) {
      throw new RangeError(`No working day within ${MAX_NON_WORKING_RUN} days: check the holiday calendar`)
    }
  }
  return fromDayNumber(day)
}

/**
 * Working days from `a` to `b`, counted the way addWorkingDays counts: the working days in [a, b] minus one
 * (the effective start day itself does not count), never below zero. So for any `start` and `n ≥ 0`,
 * `workingDaysBetween(start, addWorkingDays(start, n)) === n`. Same day → 0; `b` before `a` → the negative of
 * `workingDaysBetween(b, a)`.
 *
 * Examples: registered Friday, arrived the next Tuesday → 2 (Monday, Tuesday); expected Monday, today Wednesday →
 * 2 working days overdue.
 */
export function workingDaysBetween(a: string, b: string, cal: HolidayCalendar): number {
  const from = toDayNumber(a)
  const to = toDayNumber(b)
  if (to < from) return -workingDaysBetween(b, a, cal)
  let working = 0
  for (let day = from; day <= to; day++) {
    if (isWorkingDay(fromDayNumber(day), cal)) working++
  }
  return Math.max(0, working - 1)
}

/** A calendar with no holidays at all (weekends still do not count): for tests and as a last-resort fallback. */
export const NO_HOLIDAYS: HolidayCalendar = { holidayName: () => null }
