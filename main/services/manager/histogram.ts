import type { StageStats } from '../../../common/contract'

/** Counts per whole number of days. */
export type Histogram = Map<number, number>

export function addTo(h: Histogram, days: number, n: number): void {
  h.set(days, (h.get(days) ?? 0) + n)
}

/**
 * Median and 90th percentile by nearest rank (the smallest value with at least p% of documents at or below it),
 * read straight off the day histogram — exact, because durations are whole Nairobi days.
 */
export function stageStats(h: Histogram): StageStats {
  const entries = [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0])
  const count = entries.reduce((s, [, n]) => s + n, 0)
  const at = (p: number): number | null => {
    if (count === 0) return null
    const rank = Math.max(1, Math.ceil((p / 100) * count))
    let seen = 0
    for (const [days, n] of entries) {
      seen += n
      if (seen >= rank) return days
    }
    return entries[entries.length - 1]![0]
  }
  return { count, medianDays: at(50), p90Days: at(90) }
}
