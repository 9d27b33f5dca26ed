import type { AgencyChange } from '../../../../common/contract'

/** A share as the manager reads it: 0.873 → "87.3%"; nothing arrived → "—". */
export const formatRate = (r: number | null): string =>
  r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`

/** Days late: "9 d", or "—" when nothing was late. */
export const formatDaysLate = (n: number | null): string => (n === null ? '—' : `${n} d`)

/** A share as a percentage number for a chart axis (one decimal), or null for a gap. */
export const ratePercent = (r: number | null): number | null =>
  r === null ? null : Math.round(r * 1000) / 10

/**
 * The on-time rate's change between the period's halves, in words with an arrow, so it reads without its colour:
 * −0.12 → "↓ 12.0 points worse".
 */
export function describeChange(c: AgencyChange): { text: string; worse: boolean } {
  if (c.change === null) return { text: 'not enough arrivals to compare', worse: false }
  const points = (Math.abs(Math.round(c.change * 1000)) / 10).toFixed(1)
  if (points === '0.0') return { text: '→ no change', worse: false }
  return c.change < 0
    ? { text: `↓ ${points} points worse`, worse: true }
    : { text: `↑ ${points} points better`, worse: false }
}

/** On time below this share is shown in red (the figure is always written too). */
export const POOR_RATE = 0.8
