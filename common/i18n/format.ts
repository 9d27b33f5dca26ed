import type { UiLanguage } from './languages'

/**
 * Dates, numbers and money as Kenya writes them, in either language: the CLDR locales en-KE and sw-KE, Nairobi
 * time. The two differ in month and weekday names (Des, Jumatatu), not in digits or grouping.
 */
const LOCALE: Record<UiLanguage, string> = { en: 'en-KE', sw: 'sw-KE' }
const TIME_ZONE = 'Africa/Nairobi'

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key)
  if (!f) {
    f = make()
    cache.set(key, f)
  }
  return f as T
}

/** `3 Dec 2026, 14:05` / `3 Des 2026, 14:05`; null is a dash. */
export function formatDateTime(ms: number | null, language: UiLanguage): string {
  if (ms === null) return '—'
  const f = cached(
    `dt:${language}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[language], {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: TIME_ZONE,
      }),
  )
  return f.format(ms)
}

/** A calendar date `YYYY-MM-DD` in `language`, with its weekday or without; what is not a date, as it was. */
function calendarDate(isoDate: string, language: UiLanguage, weekday: boolean): string {
  const d = new Date(`${isoDate}T12:00:00Z`)
  if (Number.isNaN(d.getTime())) return isoDate
  const f = cached(
    `${weekday ? 'day' : 'date'}:${language}`,
    () =>
      new Intl.DateTimeFormat(LOCALE[language], {
        ...(weekday ? { weekday: 'short' as const } : {}),
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  )
  return f.format(d)
}

/** A calendar date `YYYY-MM-DD` with its weekday: `Mon, 14 Dec 2026` / `Jumatatu, 14 Des 2026`. */
export const formatDay = (isoDate: string, language: UiLanguage): string =>
  calendarDate(isoDate, language, true)

/** A calendar date `YYYY-MM-DD` without its weekday, short enough for a chart's axis: `14 Dec 2026` / `14 Des 2026`. */
export const formatDate = (isoDate: string, language: UiLanguage): string =>
  calendarDate(isoDate, language, false)

/** 1,244 in both languages. */
export function formatNumber(n: number, language: UiLanguage, maximumFractionDigits = 0): string {
  return cached(
    `n:${language}:${maximumFractionDigits}`,
    () => new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits }),
  ).format(n)
}

/** Kenya shillings as the counter writes them: `KSh 1,234.50`, in both languages. */
export function formatKsh(amount: number, language: UiLanguage): string {
  return `KSh ${cached(
    `ksh:${language}`,
    () => new Intl.NumberFormat(LOCALE[language], { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  ).format(amount)}`
}
