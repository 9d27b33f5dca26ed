import {
  formatDate as dateIn,
  formatDateTime as dateTimeIn,
  formatDay as dayIn,
  formatKsh as kshIn,
  formatNumber as numberIn,
} from '../../../common/i18n'
import { i18n, uiLanguage } from '../i18n/instance'

/** Date and time as Kenyan staff read them, in the window's language: `3 Dec 2026, 14:05`, Nairobi time. */
export const formatDateTime = (ms: number | null): string => dateTimeIn(ms, uiLanguage())

/** The status bar's clock, in the window's language: `Thu 3 Dec, 14:05`, Nairobi time. */
export const formatClock = (at: Date): string =>
  new Intl.DateTimeFormat(uiLanguage() === 'sw' ? 'sw-KE' : 'en-KE', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Africa/Nairobi',
  }).format(at)

/** A calendar date `YYYY-MM-DD` with its weekday, in the window's language: `Mon, 14 Dec 2026`. */
export const formatDay = (isoDate: string): string => dayIn(isoDate, uiLanguage())

/** A calendar date `YYYY-MM-DD` as a chart's axis shows it, in the window's language: `14 Dec 2026`. */
export const formatDate = (isoDate: string): string => dateIn(isoDate, uiLanguage())

/** 1,244 */
export const formatNumber = (n: number, maximumFractionDigits = 0): string =>
  numberIn(n, uiLanguage(), maximumFractionDigits)

/** KSh 1,234.50 */
export const formatKsh = (amount: number): string => kshIn(amount, uiLanguage())

/** A service's turnaround as the clerk says it: 0 working days is the same day, not "in 0 working days". */
export function readyIn(turnaroundDays: number): string {
  return turnaroundDays === 0
    ? i18n.t('common.readyIn.sameDay')
    : i18n.t('common.readyIn.days', { count: turnaroundDays })
}
