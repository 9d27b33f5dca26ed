import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  DAY_MS,
  fromDayNumber,
  monthOf,
  monthStart,
  msSinceNairobiMidnight,
  nairobiDate,
  nairobiDay,
  nairobiMidnight,
  nextMonthStart,
  toDayNumber,
} from '../../common/nairobi-time'

const at = (iso: string): number => Date.parse(iso)
const HOUR_MS = 3_600_000

describe('Nairobi days change at 21:00 UTC', () => {
  it('nairobiDay and nairobiDate move on at 21:00 UTC, not at UTC midnight', () => {
    expect(nairobiDay(at('2025-03-30T20:59:59.999Z'))).toBe(toDayNumber('2025-03-30'))
    expect(nairobiDay(at('2025-03-30T21:00:00.000Z'))).toBe(toDayNumber('2025-03-31'))
    expect(nairobiDate(at('2025-03-30T20:59:59.999Z'))).toBe('2025-03-30')
    expect(nairobiDate(at('2025-03-30T21:00:00.000Z'))).toBe('2025-03-31')
    // 01:00 in Nairobi on New Year's Day is still the old year in UTC.
    expect(nairobiDate(at('2025-12-31T22:00:00Z'))).toBe('2026-01-01')
  })

  it('nairobiMidnight is 21:00 UTC of the day before, and the day number of that instant', () => {
    const day = toDayNumber('2026-12-14')
    expect(nairobiMidnight(day)).toBe(at('2026-12-13T21:00:00Z'))
    expect(nairobiDay(nairobiMidnight(day))).toBe(day)
    expect(nairobiDay(nairobiMidnight(day) - 1)).toBe(day - 1)
  })

  it('msSinceNairobiMidnight is the Nairobi wall-clock time of day', () => {
    expect(msSinceNairobiMidnight(at('2026-12-13T21:00:00Z'))).toBe(0)
    expect(msSinceNairobiMidnight(at('2026-12-14T05:30:00Z'))).toBe(8.5 * HOUR_MS)
    expect(msSinceNairobiMidnight(at('2026-12-14T20:59:59.999Z'))).toBe(DAY_MS - 1)
  })
})

describe('around the epoch and before it', () => {
  it('day 0 starts at 1970-01-01 00:00 Nairobi, three hours before the epoch', () => {
    expect(nairobiMidnight(0)).toBe(-3 * HOUR_MS)
    expect(nairobiDay(0)).toBe(0)
    expect(nairobiDay(-3 * HOUR_MS)).toBe(0)
    expect(nairobiDay(-3 * HOUR_MS - 1)).toBe(-1)
    expect(nairobiDate(0)).toBe('1970-01-01')
    expect(nairobiDate(-3 * HOUR_MS - 1)).toBe('1969-12-31')
  })

  it('negative instants and day numbers round down, never towards zero', () => {
    expect(msSinceNairobiMidnight(-3 * HOUR_MS - 1)).toBe(DAY_MS - 1)
    expect(msSinceNairobiMidnight(-1)).toBe(3 * HOUR_MS - 1)
    expect(fromDayNumber(-1)).toBe('1969-12-31')
    expect(toDayNumber('1969-12-31')).toBe(-1)
    expect(toDayNumber('1970-01-01')).toBe(0)
  })

  it('an instant that is not a number is refused', () => {
    expect(() => nairobiDate(Number.NaN)).toThrow(RangeError)
    expect(() => nairobiDate(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe('dates and day numbers', () => {
  it('a leap day exists only in leap years', () => {
    expect(fromDayNumber(toDayNumber('2028-02-29'))).toBe('2028-02-29')
    expect(nairobiDate(at('2028-02-28T21:00:00Z'))).toBe('2028-02-29')
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addCalendarDays('2028-02-29', 1)).toBe('2028-03-01')
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01')
    expect(() => toDayNumber('2027-02-29')).toThrow(RangeError)
  })

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025-1-01', '2025-01-01T00:00', ''])
      expect(() => toDayNumber(bad), bad).toThrow(RangeError)
  })

  it('addCalendarDays crosses month and year ends both ways', () => {
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('monthOf, monthStart and nextMonthStart of a leap February and of December', () => {
    const leapDay = toDayNumber('2028-02-29')
    expect(monthOf(leapDay)).toBe(202802)
    expect(fromDayNumber(monthStart(leapDay))).toBe('2028-02-01')
    expect(fromDayNumber(nextMonthStart(leapDay))).toBe('2028-03-01')
    const december = toDayNumber('2026-12-15')
    expect(monthOf(december)).toBe(202612)
    expect(fromDayNumber(monthStart(december))).toBe('2026-12-01')
    expect(fromDayNumber(nextMonthStart(december))).toBe('2027-01-01')
  })
})

describe('agrees with the time-zone database', () => {
  // Kenya has kept UTC+3 since 1960, so from 1970 on the fixed offset and Africa/Nairobi must give the same date.
  const tzDate = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Africa/Nairobi',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })

  it('nairobiDate matches Intl for any instant from 1970 to 2100 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (t) => {
        expect(nairobiDate(t)).toBe(tzDate.format(t))
      }),
      { numRuns: 500 },
    )
  })

  it('every instant lies in its own Nairobi day, whose date is nairobiDate (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Date.UTC(2100, 0, 1), max: Date.UTC(2100, 0, 1) }), (t) => {
        const day = nairobiDay(t)
        expect(nairobiMidnight(day)).toBeLessThanOrEqual(t)
        expect(t).toBeLessThan(nairobiMidnight(day + 1))
        expect(msSinceNairobiMidnight(t)).toBe(t - nairobiMidnight(day))
        expect(nairobiDate(t)).toBe(fromDayNumber(day))
        expect(toDayNumber(fromDayNumber(day))).toBe(day)
      }),
      { numRuns: 500 },
    )
  })
})
