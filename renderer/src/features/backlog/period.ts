/** Nairobi "today" and the preset periods the analytics offer. */
export const nairobiToday = (): string => new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10)

export const minusDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10)

export const PERIODS = [
  { value: '30', label: 'Last 30 days', days: 30 },
  { value: '90', label: 'Last 90 days', days: 90 },
  { value: '365', label: 'Last 12 months', days: 365 },
  { value: '1826', label: 'Last 5 years', days: 1826 },
] as const

export function periodOf(value: string, today = nairobiToday()): { from: string; to: string } {
  const days = PERIODS.find((p) => p.value === value)?.days ?? 30
  return { from: minusDays(today, days - 1), to: today }
}
