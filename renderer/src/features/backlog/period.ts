import { addCalendarDays, nairobiDate } from '../../../../common/nairobi-time'

/** Nairobi "today" and the preset periods the analytics offer. */
export const nairobiToday = (): string => nairobiDate(Date.now())

/** `labelKey` is the preset's name in the messages (common/i18n/<language>/backlog.ts). */
export const PERIODS = [
  { value: '30', labelKey: 'backlog.period.last30', days: 30 },
  { value: '90', labelKey: 'backlog.period.last90', days: 90 },
  { value: '365', labelKey: 'backlog.period.last12Months', days: 365 },
  { value: '1826', labelKey: 'backlog.period.last5Years', days: 1826 },
] as const

export function periodOf(value: string, today = nairobiToday()): { from: string; to: string } {
  const days = PERIODS.find((p) => p.value === value)?.days ?? 30
  return { from: addCalendarDays(today, -(days - 1)), to: today }
}
