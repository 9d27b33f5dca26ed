/**
 * Working-day arithmetic for expected-ready dates, overdue counts and turnaround.
 *
 * All dates are calendar dates on the Nairobi wall calendar, written 'YYYY-MM-DD'; the day arithmetic itself is
 * `common/nairobi-time.ts`.
 *
 * A working day is Monday to Friday and not a public holiday of the given calendar.
 */

import { DAY_MS, fromDayNumber, toDayNumber } from '../../../common/nairobi-time'

/** Anything that can say whether a date is a public holiday (and which one). */
export interface HolidayCalendar {
  /** The holiday's name, or null when `date` (YYYY-MM-DD) is not a holiday. */
  holidayName(date: string): string | null
}

/** A calendar that knows no working day for this long is broken; stop instead of looping forever. */
const MAX_NON_WORKING_RUN = 366

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
