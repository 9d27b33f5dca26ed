import { addCalendarDays, nairobiDate } from '../../../../common/nairobi-time'

/** Nairobi "today" and the preset periods the analytics offer. */
export const nairobiToday = (): string => nairobiDate(Date.now())

export const PERIODS = [
  { value: '30', label: 'Last 30 days', days: 30 },
  { value: '90', label: 'Last 90 days', days: 90 },
  { value: '365', label: 'Last 12 months', days: 365 },
  { value: '1826', label: 'Last 5 years', days: 1826 },
] as const

export function periodOf(value: string, today = nairobiToday()): { from: string; to: string } {
  const days = PERIODS.find((p) => p.value === value)?.days ?? 30
  return { from: addCalendarDays(today, -(days - 1)), to: today }
}
