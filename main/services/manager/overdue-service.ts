import type { OverdueDocument, OverdueSummary, Page } from '../../../common/contract'
import type { OverdueKey } from '../../db/queries/manager/overdue'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { Session } from '../../infra/session-store'
import { fromDayNumber, nairobiDate, nairobiDay, toDayNumber } from '../../../common/nairobi-time'
import { decodeCursor, encodeCursor } from './page-cursor'

interface Deps {
  store: Store
  clock: Clock
}

const isOverdueKey = (v: unknown): v is OverdueKey =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as OverdueKey).expectedReady === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test((v as OverdueKey).expectedReady) &&
  typeof (v as OverdueKey).rowid === 'number'

/**
 * Documents still at the agency after their expected-ready date ("overdue" from the day after it). The agency of a
 * document is its service's agency in the current catalogue.
 */
export function createOverdueService({ store, clock }: Deps) {
  const q = store.manager.overdue
  const catalogue = () => new Map(store.services.all().map((s) => [s.code, s]))

  return {
    summary(): OverdueSummary {
      const today = nairobiDate(clock.now())
      const services = catalogue()
      const byService = q
        .byService(today)
        .map((r) => ({
          serviceCode: r.key,
          serviceName: services.get(r.key)?.nameEn ?? r.key,
          agency: services.get(r.key)?.agency ?? 'Unknown agency',
          count: r.n,
          oldestExpectedReady: r.oldest,
        }))
        .sort((a, b) => b.count - a.count || a.serviceName.localeCompare(b.serviceName))
      const agencies = new Map<string, { agency: string; count: number; oldestExpectedReady: string }>()
      for (const s of byService) {
        const a = agencies.get(s.agency)
        if (!a)
          agencies.set(s.agency, {
            agency: s.agency,
            count: s.count,
            oldestExpectedReady: s.oldestExpectedReady,
          })
        else {
          a.count += s.count
          if (s.oldestExpectedReady < a.oldestExpectedReady) a.oldestExpectedReady = s.oldestExpectedReady
        }
      }
      return {
        today,
        total: byService.reduce((n, s) => n + s.count, 0),
        byAgency: [...agencies.values()].sort(
          (a, b) => b.count - a.count || a.agency.localeCompare(b.agency),
        ),
        byService,
      }
    },

    list(
      input: {
        serviceCode?: string | undefined
        agency?: string | undefined
        cursor?: string | undefined
        limit: number
      },
      staff: Session,
    ): Page<OverdueDocument> {
      const todayDay = nairobiDay(clock.now())
      const today = fromDayNumber(todayDay)
      const services = catalogue()
      let codes: string[] | undefined
      if (input.serviceCode !== undefined) codes = [input.serviceCode]
      if (input.agency !== undefined) {
        const ofAgency = [...services.values()].filter((s) => s.agency === input.agency).map((s) => s.code)
        codes = codes ? codes.filter((c) => ofAgency.includes(c)) : ofAgency
      }
      const f = { serviceCodes: codes }
      const after = decodeCursor(input.cursor, isOverdueKey)
      const rows = q.page(f, today, input.limit + 1, after)
      const more = rows.length > input.limit
      const shown = more ? rows.slice(0, input.limit) : rows
      const last = shown[shown.length - 1]
      const docs = shown.map((r): OverdueDocument => ({
        trackingNumber: r.tracking_number,
        customerName: r.customer_name,
        phone: r.phone,
        serviceCode: r.service_code,
        serviceName: services.get(r.service_code)?.nameEn ?? r.service_code,
        agency: services.get(r.service_code)?.agency ?? 'Unknown agency',
        registeredAt: r.registered_at,
        expectedReady: r.expected_ready,
        daysOverdue: todayDay - toDayNumber(r.expected_ready),
      }))
      store.tx(() =>
        store.audit.write({
          at: clock.now(),
          staffNumber: staff.staffNumber,
          action: 'backlog.listViewed',
          detail: {
            list: 'overdue',
            filter: { serviceCode: input.serviceCode, agency: input.agency },
            rows: docs.length,
            trackingNumbers: docs.map((d) => d.trackingNumber),
          },
        }),
      )
      return {
        rows: docs,
        nextCursor:
          more && last ? encodeCursor({ expectedReady: last.expected_ready, rowid: last.rid }) : null,
        total: q.count(f, today),
      }
    },
  }
}
export type OverdueService = ReturnType<typeof createOverdueService>
