import type {
  StageStats,
  TrendPoint,
  TrendReport,
  TurnaroundReport,
  TurnaroundRow,
} from '../../../common/contract'
import type { HistogramRow, Stage } from '../../db/queries/manager/analytics'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import { addTo, stageStats, type Histogram } from './histogram'
import {
  fromDayNumber,
  monthOf,
  monthStart,
  nairobiDay,
  nextMonthStart,
  toDayNumber,
} from '../../../common/nairobi-time'

interface Deps {
  store: Store
  clock: Clock
}

const COLLECTION_WINDOW_DAYS = 30

/**
 * Turnaround analytics from the rollups of migration 0080 (never from `applications`, which is millions of rows).
 * - Agency processing: registered → arrived, counted on the day the document arrived.
 * - Customer delay: arrived → collected, counted on the day it was collected.
 * - Collection rate: of the documents that arrived in the period and at least 30 days ago, the share collected
 *   within 30 days of arriving (later arrivals have not had their 30 days yet).
 */
export function createAnalyticsService({ store, clock }: Deps) {
  const q = store.manager.analytics

  /** Histogram rows of a stage over days d1…d2: whole months from the month rollup, the ends from the day rollup. */
  const histogramRows = (stage: Stage, d1: number, d2: number): HistogramRow[] => {
    const firstFull = d1 === monthStart(d1) ? d1 : nextMonthStart(d1)
    const lastFullEnd = nextMonthStart(d2) - 1 === d2 ? d2 : monthStart(d2) - 1
    if (firstFull > lastFullEnd) return q.histogramDays(stage, d1, d2)
    return [
      ...q.histogramMonths(stage, monthOf(firstFull), monthOf(lastFullEnd)),
      ...(firstFull > d1 ? q.histogramDays(stage, d1, firstFull - 1) : []),
      ...(lastFullEnd < d2 ? q.histogramDays(stage, lastFullEnd + 1, d2) : []),
    ]
  }

  const histograms = (stage: Stage, d1: number, d2: number) => {
    const perService = new Map<string, Histogram>()
    const all: Histogram = new Map()
    for (const r of histogramRows(stage, d1, d2)) {
      let h = perService.get(r.service_code)
      if (!h) perService.set(r.service_code, (h = new Map()))
      addTo(h, r.days, r.n)
      addTo(all, r.days, r.n)
    }
    return { perService, all }
  }

  const empty: StageStats = { count: 0, medianDays: null, p90Days: null }

  return {
    stage(stage: Stage, from: string, to: string) {
      return histograms(stage, toDayNumber(from), toDayNumber(to))
    },

    turnaround(from: string, to: string): TurnaroundReport {
      const d1 = toDayNumber(from)
      const d2 = toDayNumber(to)
      // Collected on the 30th day after arrival still counts, so an arrival 30 days ago can still be collected in
      // time today: the cohort ends the day before, when every outcome is final.
      const cohortTo = Math.min(d2, nairobiDay(clock.now()) - COLLECTION_WINDOW_DAYS - 1)
      const agency = histograms('agency', d1, d2)
      const customer = histograms('customer', d1, d2)
      const cohort = new Map(cohortTo >= d1 ? q.cohort(d1, cohortTo).map((c) => [c.service_code, c]) : [])
      const names = new Map(store.services.all().map((s) => [s.code, s.nameEn]))
      const codes = new Set([...agency.perService.keys(), ...customer.perService.keys(), ...cohort.keys()])
      const row = (
        code: string,
        name: string,
        a: Histogram | undefined,
        c: Histogram | undefined,
        arrived: number,
        collected: number,
      ): TurnaroundRow => ({
        serviceCode: code,
        serviceName: name,
        agency: a ? stageStats(a) : empty,
        customer: c ? stageStats(c) : empty,
        cohortArrived: arrived,
        collectedWithin30: collected,
        collectionRate: arrived > 0 ? collected / arrived : null,
      })
      const services = [...codes]
        .map((code) => {
          const co = cohort.get(code)
          return row(
            code,
            names.get(code) ?? code,
            agency.perService.get(code),
            customer.perService.get(code),
            co?.arrived ?? 0,
            co?.collected_30 ?? 0,
          )
        })
        .filter((r) => r.agency.count + r.customer.count + r.cohortArrived > 0)
        .sort((a, b) => a.serviceName.localeCompare(b.serviceName))
      const totalArrived = [...cohort.values()].reduce((s, c) => s + c.arrived, 0)
      const totalCollected = [...cohort.values()].reduce((s, c) => s + c.collected_30, 0)
      return {
        from,
        to,
        cohortTo: fromDayNumber(cohortTo),
        services,
        total: row('ALL', 'All services', agency.all, customer.all, totalArrived, totalCollected),
      }
    },

    trends(from: string, to: string, granularity: 'day' | 'week'): TrendReport {
      const d1 = toDayNumber(from)
      const d2 = toDayNumber(to)
      // Weeks start on Monday; day 0 (1970-01-01) was a Thursday.
      const bucketOf = (day: number): number => (granularity === 'day' ? day : day - ((day + 3) % 7))
      const points = new Map<number, { arrived: number; collected: number; aSum: number; cSum: number }>()
      for (let b = bucketOf(d1); b <= d2; b += granularity === 'day' ? 1 : 7) {
        points.set(b, { arrived: 0, collected: 0, aSum: 0, cSum: 0 })
      }
      for (const stage of ['agency', 'customer'] as const) {
        for (const r of q.stageDays(stage, d1, d2)) {
          const p = points.get(bucketOf(r.day))
          if (!p) continue
          if (stage === 'agency') {
            p.arrived += r.n
            p.aSum += r.days_sum
          } else {
            p.collected += r.n
            p.cSum += r.days_sum
          }
        }
      }
      const round1 = (x: number): number => Math.round(x * 10) / 10
      return {
        from,
        to,
        granularity,
        points: [...points.entries()].map(([b, p]): TrendPoint => ({
          start: fromDayNumber(b),
          arrived: p.arrived,
          collected: p.collected,
          agencyAvgDays: p.arrived > 0 ? round1(p.aSum / p.arrived) : null,
          customerAvgDays: p.collected > 0 ? round1(p.cSum / p.collected) : null,
        })),
      }
    },
  }
}
export type AnalyticsService = ReturnType<typeof createAnalyticsService>
