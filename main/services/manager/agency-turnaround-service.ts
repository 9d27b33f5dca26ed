import type {
  AgencyBatchReport,
  AgencyChange,
  AgencyReport,
  AgencyTrendPoint,
  AgencyTrendReport,
  AgencyTurnaround,
  AgencyTurnaroundReport,
  BatchDiscrepancies,
  LatenessStats,
  OverdueAtAgency,
  ServiceTurnaround,
  StillOut,
} from '../../../common/contract'
import { AppError } from '../../../common/errors'
import {
  fromDayNumber,
  monthStart,
  nairobiDate,
  nairobiDay,
  nextMonthStart,
  toDayNumber,
} from '../../../common/nairobi-time'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import { addTo, type Histogram } from './histogram'
import {
  byOnTimeRate,
  histogramsByService,
  keyStart,
  latenessStats,
  mondayOf,
  onTimeByService,
  segments,
} from './lateness'

interface Deps {
  store: Store
  clock: Clock
}

/** The overdue list of a report: the oldest this many (the figures count them all). */
export const REPORT_OVERDUE_MAX = 500
const WORST_SERVICES_MAX = 10

const noBatches = (agency: string): BatchDiscrepancies => ({
  agency,
  batches: 0,
  expected: 0,
  received: 0,
  missing: 0,
  unannounced: 0,
})

/**
 * The agency turnaround (issue 15), read from the lateness rollups and closed-batch summaries of migration 0220 and
 * the partial indexes over the documents at the agency, never by scanning `applications`. An arrival counts on
 * the Nairobi day it arrived; "still out" and "overdue" are as of today (the clock), whatever the period.
 */
export function createAgencyTurnaroundService({ store, clock }: Deps) {
  const q = store.manager.agency

  /** The catalogue as this PC holds it: each service's name and agency (replicas of unknown services included). */
  const catalogue = () => {
    const services = new Map(store.services.all().map((s) => [s.code, { name: s.nameEn, agency: s.agency }]))
    const agencies = new Map<string, string[]>()
    for (const [code, s] of services) {
      const codes = agencies.get(s.agency)
      if (codes) codes.push(code)
      else agencies.set(s.agency, [code])
    }
    return { services, agencies }
  }

  const agencyCodes = (agency: string): string[] => {
    const codes = catalogue().agencies.get(agency)
    if (!codes)
      throw new AppError('NOT_FOUND', `No service of the catalogue is issued by ${agency}.`, 'agency')
    return codes
  }

  const today = () => nairobiDay(clock.now())

  const stillOutByService = (): Map<string, StillOut> =>
    new Map(
      q
        .stillOut(nairobiDate(clock.now()))
        .map((r) => [r.service_code, { stillOut: r.out, stillOutOverdue: r.overdue }]),
    )

  const merge = (hs: (Histogram | undefined)[]): Histogram => {
    const all: Histogram = new Map()
    for (const h of hs) for (const [late, n] of h ?? []) addTo(all, late, n)
    return all
  }

  const sumOut = (outs: (StillOut | undefined)[]): StillOut => ({
    stillOut: outs.reduce((s, o) => s + (o?.stillOut ?? 0), 0),
    stillOutOverdue: outs.reduce((s, o) => s + (o?.stillOutOverdue ?? 0), 0),
  })

  /** Every agency with arrivals in the period or documents out now, each with its services likewise. */
  const turnaround = (from: string, to: string, only?: string): AgencyTurnaroundReport => {
    const { services, agencies } = catalogue()
    const hist = histogramsByService(q, toDayNumber(from), toDayNumber(to))
    const out = stillOutByService()
    const list: AgencyTurnaround[] = []
    for (const [agency, codes] of agencies) {
      if (only !== undefined && agency !== only) continue
      const rows: ServiceTurnaround[] = codes
        .filter((c) => hist.has(c) || (out.get(c)?.stillOut ?? 0) > 0)
        .map((c) => ({
          serviceCode: c,
          serviceName: services.get(c)?.name ?? c,
          ...latenessStats(hist.get(c)),
          ...(out.get(c) ?? { stillOut: 0, stillOutOverdue: 0 }),
        }))
        .filter((r) => r.arrived > 0 || r.stillOut > 0)
        .sort(byOnTimeRate((r) => r.serviceName))
      if (rows.length === 0 && only === undefined) continue
      list.push({
        agency,
        ...latenessStats(merge(codes.map((c) => hist.get(c)))),
        ...sumOut(codes.map((c) => out.get(c))),
        services: rows,
      })
    }
    list.sort(byOnTimeRate((a) => a.agency))
    const total: LatenessStats & StillOut = {
      ...latenessStats(merge([...hist.values()])),
      ...sumOut([...out.values()]),
    }
    return { from, to, agencies: list, total }
  }

  const batchesIn = (from: string, to: string): BatchDiscrepancies[] =>
    q
      .batches(toDayNumber(from), toDayNumber(to))
      .map((r) => ({
        agency: r.agency,
        batches: r.batches,
        expected: r.expected,
        received: r.received,
        missing: r.missing,
        unannounced: r.unannounced,
      }))
      // What needs chasing first: the most discrepancies.
      .sort(
        (a, b) => b.missing + b.unannounced - (a.missing + a.unannounced) || a.agency.localeCompare(b.agency),
      )

  return {
    turnaround: (from: string, to: string): AgencyTurnaroundReport => turnaround(from, to),

    trend(p: { from: string; to: string; granularity: 'week' | 'month'; agency?: string | undefined }) {
      const d1 = toDayNumber(p.from)
      const d2 = toDayNumber(p.to)
      const { agencies } = catalogue()
      const codes = p.agency === undefined ? [...catalogue().services.keys()] : agencyCodes(p.agency)
      const month = p.granularity === 'month'
      const bucketOf = month ? monthStart : mondayOf
      const next = month ? nextMonthStart : (b: number) => b + 7
      const buckets = new Map<number, Histogram>()
      for (let b = bucketOf(d1); b <= d2; b = next(b)) buckets.set(b, new Map())
      for (const seg of segments(d1, d2, month)) {
        for (const r of q.lateByBucket(seg.table, seg.from, seg.to, codes)) {
          const h = buckets.get(bucketOf(keyStart(seg.table, r.bucket)))
          if (h) addTo(h, r.late, r.n)
        }
      }
      const points: AgencyTrendPoint[] = [...buckets].map(([b, h]) => ({
        start: fromDayNumber(b),
        ...latenessStats(h),
      }))

      // Halves of the period: the first gets the middle day when the length is odd.
      const mid = d1 + Math.ceil((d2 - d1 + 1) / 2) - 1
      const before = onTimeByService(q, d1, mid)
      const after =
        mid < d2 ? onTimeByService(q, mid + 1, d2) : new Map<string, { arrived: number; onTime: number }>()
      const rate = (m: Map<string, { arrived: number; onTime: number }>, agencyCodes: string[]) => {
        let arrived = 0
        let onTime = 0
        for (const c of agencyCodes) {
          arrived += m.get(c)?.arrived ?? 0
          onTime += m.get(c)?.onTime ?? 0
        }
        return arrived > 0 ? onTime / arrived : null
      }
      const changes: AgencyChange[] = []
      for (const [agency, agencyCodes] of agencies) {
        const b = rate(before, agencyCodes)
        const a = rate(after, agencyCodes)
        if (b === null && a === null) continue
        changes.push({ agency, before: b, after: a, change: a !== null && b !== null ? a - b : null })
      }
      changes.sort((x, y) => {
        if (x.change !== y.change) {
          if (x.change === null) return 1
          if (y.change === null) return -1
          return x.change - y.change
        }
        return x.agency.localeCompare(y.agency)
      })
      const report: AgencyTrendReport = {
        from: p.from,
        to: p.to,
        granularity: p.granularity,
        agency: p.agency ?? null,
        points,
        changes,
      }
      return report
    },

    batches: (from: string, to: string): AgencyBatchReport => ({ from, to, agencies: batchesIn(from, to) }),

    report(agency: string, from: string, to: string): AgencyReport {
      const codes = agencyCodes(agency)
      const centre = store.centre.get()
      if (!centre) throw new AppError('SETUP_REQUIRED', 'Set up this workstation first.')
      const t = turnaround(from, to, agency).agencies[0]
      const {
        services: _services,
        agency: _agency,
        ...figures
      } = t ?? {
        agency,
        services: [],
        ...latenessStats(undefined),
        stillOut: 0,
        stillOutOverdue: 0,
      }
      const names = catalogue().services
      const now = today()
      const rows = q.overdue(nairobiDate(clock.now()), codes, REPORT_OVERDUE_MAX + 1)
      const overdue: OverdueAtAgency[] = rows.slice(0, REPORT_OVERDUE_MAX).map((r) => ({
        trackingNumber: r.tracking_number,
        serviceCode: r.service_code,
        serviceName: names.get(r.service_code)?.name ?? r.service_code,
        agencyRef: r.agency_ref,
        registeredAt: r.registered_at,
        expectedReady: r.expected_ready,
        daysLate: now - toDayNumber(r.expected_ready),
      }))
      const signed = q.signOff(agency, from, to)
      return {
        centreNumber: centre.number,
        centreName: centre.name,
        agency,
        from,
        to,
        figures,
        worstServices: (t?.services ?? []).slice(0, WORST_SERVICES_MAX),
        batches: batchesIn(from, to).find((b) => b.agency === agency) ?? noBatches(agency),
        overdue,
        overdueTruncated: rows.length > REPORT_OVERDUE_MAX,
        signedOff: signed ? { staffNumber: signed.staff_number, name: signed.name, at: signed.at } : null,
      }
    },
  }
}
export type AgencyTurnaroundService = ReturnType<typeof createAgencyTurnaroundService>
