import Holidays from 'date-holidays'
import { addCalendarDays, toDayNumber } from '../../../common/nairobi-time'
import { dayOfWeek, isWeekend, type HolidayCalendar } from './working-days'

/**
 * Kenya's public holidays (Public Holidays Act, Cap. 110) from the maintained `date-holidays` library, corrected
 * where the library lags behind Kenyan practice:
 *
 * - 10 October is named Mazingira Day from 2024 (renamed from Utamaduni Day by the Statute Law (Miscellaneous
 *   Amendments) Act 2024; Utamaduni Day 2020–2023); the library still calls it "Moi Day". Same date, new name.
 * - Idd-ul-Fitr and Idd-ul-Azha come from the library's tabular Islamic calendar. Kenya gazettes the real day
 *   each year after the moon is sighted, which can differ by a day: the central API's holiday list corrects that
 *   through overrideCalendar(). The library's KE rules give these two no "Sunday → Monday" substitute although
 *   the Act applies it to every public holiday; we add it here (e.g. tabular Idd-ul-Fitr on Sunday 30 March 2025
 *   → Monday 31 March 2025 off, which is the day that was gazetted).
 * - Fixed-date holidays on a Sunday: the library already yields the Monday (Christmas on a Sunday: the Tuesday,
 *   as Boxing Day takes the Monday), flagged as substitute days; we keep them.
 * - Easter Sunday is listed by the library; it is a Sunday anyway and never gets a substitute (Easter Monday is
 *   the holiday).
 *
 * One-off gazetted holidays (e.g. Friday 17 October 2025, the state funeral of former Prime Minister Raila Odinga)
 * are not in any rule book: they come from the central API through overrideCalendar().
 */

export interface HolidayEntry {
  /** 'YYYY-MM-DD' (Nairobi calendar day). */
  date: string
  name: string
}

/** A holiday calendar that can also list a year's holidays (for screens and reports). */
export interface ListedHolidayCalendar extends HolidayCalendar {
  /** The holidays falling in `year`, sorted by date. */
  holidaysIn(year: number): readonly HolidayEntry[]
}

const OCT_10_RULE = '10-10 and if sunday then next monday'
const EID_AL_FITR_RULE = '1 Shawwal'
const EID_AL_ADHA_RULE = '10 Dhu al-Hijjah'
const EASTER_SUNDAY_RULE = 'easter'
const SUBSTITUTE_SUFFIX = ' (substitute day)'

function october10Name(year: number): string | null {
  if (year >= 2024) return 'Mazingira Day'
  if (year >= 2020) return 'Utamaduni Day'
  return null // keep the library's name
}

function displayName(rule: string, libraryName: string, year: number): string {
  if (rule === EID_AL_FITR_RULE) return 'Idd-ul-Fitr'
  if (rule === EID_AL_ADHA_RULE) return 'Idd-ul-Azha'
  if (rule === OCT_10_RULE) return october10Name(year) ?? libraryName
  return libraryName
}

function addName(map: Map<string, string>, date: string, name: string): void {
  const existing = map.get(date)
  map.set(date, existing === undefined || existing === name ? name : `${existing} / ${name}`)
}

/** Kenya's public holidays for every year asked about, computed once per year and cached. */
export function createKenyaCalendar(): ListedHolidayCalendar {
  const hd = new Holidays('KE', { types: ['public'], timezone: 'Africa/Nairobi' })
  const byYear = new Map<number, Map<string, string>>()

  /** The holidays the library rules give for `year`, before our substitutes; keyed by date. */
  function ruleHolidays(year: number): { map: Map<string, string>; needSubstitute: HolidayEntry[] } {
    const map = new Map<string, string>()
    const needSubstitute: HolidayEntry[] = []
    for (const h of hd.getHolidays(year, 'en')) {
      if (h.type !== 'public') continue
      // `date` is the civil day in the country's zone ('2025-03-30 00:00:00 -0600' for Islamic holidays, whose
      // `start` is the previous sunset): the first 10 characters are the day that is off.
      const date = h.date.slice(0, 10)
      const base = displayName(h.rule, h.name.replace(SUBSTITUTE_SUFFIX, ''), year)
      const name = h.substitute ? base + SUBSTITUTE_SUFFIX : base
      addName(map, date, name)
      const hasOwnSundayRule = h.rule.includes('if sunday')
      if (!h.substitute && !hasOwnSundayRule && h.rule !== EASTER_SUNDAY_RULE && dayOfWeek(date) === 0) {
        needSubstitute.push({ date, name })
      }
    }
    return { map, needSubstitute }
  }

  function compute(year: number): Map<string, string> {
    // A substitute can spill into the next year (a holiday on Sunday 31 December), so look at the year before.
    const prev = ruleHolidays(year - 1)
    const cur = ruleHolidays(year)
    const all = new Map<string, string>([...prev.map, ...cur.map])
    for (const h of [...prev.needSubstitute, ...cur.needSubstitute]) {
      let day = addCalendarDays(h.date, 1)
      while (isWeekend(day) || all.has(day)) day = addCalendarDays(day, 1)
      all.set(day, h.name + SUBSTITUTE_SUFFIX)
    }
    const prefix = `${year}-`
    return new Map([...all].filter(([date]) => date.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1)))
  }

  function yearMap(year: number): Map<string, string> {
    let map = byYear.get(year)
    if (!map) {
      map = compute(year)
      byYear.set(year, map)
    }
    return map
  }

  return {
    holidayName(date: string): string | null {
      toDayNumber(date) // validates
      return yearMap(Number(date.slice(0, 4))).get(date) ?? null
    },
    holidaysIn(year: number): readonly HolidayEntry[] {
      if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`)
      return [...yearMap(year)].map(([date, name]) => ({ date, name }))
    },
  }
}

/**
 * A calendar that is `base` with corrections, typically the central API's holiday list:
 * - `removed`: dates that are not holidays after all (e.g. the library's tabular Idd date when the gazette picked
 *   the next day). Removal is by exact date, so a substitute day must be listed itself to be removed;
 * - `extra`: additional holidays (one-off gazetted days, the gazetted Idd date). Taken literally: no Sunday
 *   substitute is derived, since a gazette notice names the day that is off. An extra date wins over a removal of
 *   the same date and renames a base holiday on that date; for a date listed twice in `extra` the later wins.
 *
 * Throws RangeError for a malformed date or an empty name.
 */
export function overrideCalendar(
  base: ListedHolidayCalendar,
  extra: readonly HolidayEntry[],
  removed: readonly string[],
): ListedHolidayCalendar
export function overrideCalendar(
  base: HolidayCalendar,
  extra: readonly HolidayEntry[],
  removed: readonly string[],
): HolidayCalendar
export function overrideCalendar(
  base: HolidayCalendar | ListedHolidayCalendar,
  extra: readonly HolidayEntry[],
  removed: readonly string[],
): HolidayCalendar | ListedHolidayCalendar {
  const removedSet = new Set<string>()
  for (const date of removed) {
    toDayNumber(date)
    removedSet.add(date)
  }
  const extraMap = new Map<string, string>()
  for (const { date, name } of extra) {
    toDayNumber(date)
    const trimmed = name.trim()
    if (trimmed === '') throw new RangeError(`Holiday on ${date} has no name`)
    extraMap.set(date, trimmed)
  }

  const holidayName = (date: string): string | null => {
    const added = extraMap.get(date)
    if (added !== undefined) return added
    if (removedSet.has(date)) return null
    return base.holidayName(date)
  }

  if (!('holidaysIn' in base)) return { holidayName }
  return {
    holidayName,
    holidaysIn(year: number): readonly HolidayEntry[] {
      const map = new Map<string, string>()
      for (const h of base.holidaysIn(year)) if (!removedSet.has(h.date)) map.set(h.date, h.name)
      const prefix = `${year}-`
      for (const [date, name] of extraMap) if (date.startsWith(prefix)) map.set(date, name)
      return [...map].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, name]) => ({ date, name }))
    },
  }
}
