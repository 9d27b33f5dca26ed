import type { AgencyChange } from '../../../../common/contract'
import { i18n } from '../../i18n/instance'
import { formatNumber } from '../../ui/format'

/** A share as the manager reads it: 0.873 → "87.3%"; nothing arrived → "—". */
export const formatRate = (r: number | null): string =>
  r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`

/** Days late: "9 d", or "—" when nothing was late. */
export const formatDaysLate = (n: number | null): string =>
  n === null ? '—' : i18n.t('agencies.daysLate', { n: formatNumber(n) })

/** A share as a percentage number for a chart axis (one decimal), or null for a gap. */
export const ratePercent = (r: number | null): number | null =>
  r === null ? null : Math.round(r * 1000) / 10

/**
 * The on-time rate's change between the period's halves, in words with an arrow, so it reads without its colour:
 * −0.12 → "↓ 12.0 points worse".
 */
export function describeChange(c: AgencyChange): { text: string; worse: boolean } {
  if (c.change === null) return { text: i18n.t('agencies.change.notEnough'), worse: false }
  const points = (Math.abs(Math.round(c.change * 1000)) / 10).toFixed(1)
  if (points === '0.0') return { text: i18n.t('agencies.change.none'), worse: false }
  return c.change < 0
    ? { text: i18n.t('agencies.change.worse', { points }), worse: true }
    : { text: i18n.t('agencies.change.better', { points }), worse: false }
}

/** On time below this share is shown in red (the figure is always written too). */
export const POOR_RATE = 0.8
