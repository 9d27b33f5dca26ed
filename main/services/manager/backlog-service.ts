import { AGE_BUCKETS, SMS_OUTCOME_LABELS, SMS_OUTCOMES, type AgeBucketKey } from '../../../common/backlog-age'
import type {
  BacklogSummary,
  CallListRow,
  CallLogEntry,
  CallOutcome,
  Page,
  ShelfDocument,
  SmsOutcome,
} from '../../../common/contract'
import { AppError } from '../../../common/errors'
import type { ShelfFilter, ShelfKey, ShelfRow, ShelfSort } from '../../db/queries/manager/shelf'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { EventWriter } from '../event-writer'
import type { Session } from '../../infra/session-store'
import { nairobiDate, nairobiDay, nairobiMidnight } from '../../../common/nairobi-time'
import { decodeCursor, encodeCursor } from './page-cursor'

interface Deps {
  store: Store
  clock: Clock
  writeEvent: EventWriter
}

export interface ShelfListInput {
  age?: AgeBucketKey | undefined
  serviceCode?: string | undefined
  slot?: string | undefined
  sms?: SmsOutcome | undefined
  sort: ShelfSort
  cursor?: string | undefined
  limit: number
}

const isShelfKey = (v: unknown): v is ShelfKey =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as ShelfKey).arrivedAt === 'number' &&
  typeof (v as ShelfKey).rowid === 'number' &&
  typeof (v as ShelfKey).slot === 'string'

const smsOf = (stored: string | null): SmsOutcome =>
  stored === null
    ? 'never-sent'
    : (SMS_OUTCOMES as readonly string[]).includes(stored)
      ? (stored as SmsOutcome)
      : 'pending'

/**
 * The shelf backlog: what waits on the shelf, how old, of which services, where, and whether the customer was told.
 * Every list that shows names and phones is audited with the tracking numbers shown, so the audit viewer can answer
 * "who looked at this customer".
 */
export function createBacklogService({ store, clock, writeEvent }: Deps) {
  const q = store.manager.shelf
  const serviceName = (() => {
    let names: Map<string, string> | null = null
    return (code: string): string => {
      names ??= new Map(store.services.all().map((s) => [s.code, s.nameEn]))
      const n = names.get(code)
      if (n === undefined) names = null
      return n ?? code
    }
  })()

  /** Start instants of the Nairobi days 7, 14, 30, 60 and 90 days before today. */
  const bounds = (today: number) => ({
    b7: nairobiMidnight(today - 7),
    b14: nairobiMidnight(today - 14),
    b30: nairobiMidnight(today - 30),
    b60: nairobiMidnight(today - 60),
    b90: nairobiMidnight(today - 90),
  })

  const ageRange = (bucket: AgeBucketKey, today: number): Pick<ShelfFilter, 'from' | 'before'> => {
    const b = AGE_BUCKETS.find((x) => x.key === bucket)!
    return {
      from: b.maxDays === null ? undefined : nairobiMidnight(today - b.maxDays),
      before: b.minDays === 0 ? undefined : nairobiMidnight(today - b.minDays + 1),
    }
  }

  const toDocument = (r: ShelfRow, today: number): ShelfDocument => ({
    trackingNumber: r.tracking_number,
    customerName: r.customer_name,
    phone: r.phone,
    serviceCode: r.service_code,
    serviceName: serviceName(r.service_code),
    slot: r.shelf_slot,
    arrivedAt: r.arrived_at,
    ageDays: today - nairobiDay(r.arrived_at),
    sms: smsOf(r.sms_outcome),
    missing: r.missing === 1,
    damaged: r.damaged === 1,
  })

  const page = (f: ShelfFilter, sort: ShelfSort, limit: number, cursor: string | undefined) => {
    const after = decodeCursor(cursor, isShelfKey)
    const rows = q.page(f, sort, limit + 1, after)
    const more = rows.length > limit
    const shown = more ? rows.slice(0, limit) : rows
    const last = shown[shown.length - 1]
    return {
      rows: shown,
      nextCursor:
        more && last
          ? encodeCursor({ arrivedAt: last.arrived_at, rowid: last.rid, slot: last.shelf_slot ?? '' })
          : null,
      total: q.count(f),
    }
  }

  const auditView = (staff: Session, list: string, filter: object, trackingNumbers: string[]): void => {
    store.tx(() =>
      store.audit.write({
        at: clock.now(),
        staffNumber: staff.staffNumber,
        action: 'backlog.listViewed',
        detail: { list, filter, rows: trackingNumbers.length, trackingNumbers },
      }),
    )
  }

  return {
    byAge(): BacklogSummary['byAge'] {
      const counts = q.byAge(bounds(nairobiDay(clock.now())))
      return AGE_BUCKETS.map((b) => ({ bucket: b.key, label: b.label, count: counts[b.key] ?? 0 }))
    },
    byService(): BacklogSummary['byService'] {
      return q
        .byService()
        .map((r) => ({
          serviceCode: r.key,
          serviceName: serviceName(r.key),
          count: r.n,
          oldestArrivedAt: r.oldest,
        }))
        .sort((a, b) => b.count - a.count || a.serviceName.localeCompare(b.serviceName))
    },
    bySlot(): BacklogSummary['bySlot'] {
      // Oldest shelf first: that is the one to clear.
      return q
        .bySlot()
        .map((r) => ({ slot: r.key ?? '(no slot)', count: r.n, oldestArrivedAt: r.oldest }))
        .sort((a, b) => a.oldestArrivedAt - b.oldestArrivedAt || a.slot.localeCompare(b.slot))
    },
    bySms(): BacklogSummary['bySms'] {
      const counts = new Map<SmsOutcome, number>()
      for (const r of q.bySms()) counts.set(smsOf(r.key), (counts.get(smsOf(r.key)) ?? 0) + r.n)
      return SMS_OUTCOMES.map((o) => ({
        outcome: o,
        label: SMS_OUTCOME_LABELS[o],
        count: counts.get(o) ?? 0,
      }))
    },
    summary(): BacklogSummary {
      const byAge = this.byAge()
      return {
        today: nairobiDate(clock.now()),
        total: byAge.reduce((s, b) => s + b.count, 0),
        byAge,
        byService: this.byService(),
        bySlot: this.bySlot(),
        bySms: this.bySms(),
      }
    },

    list(input: ShelfListInput, staff: Session): Page<ShelfDocument> {
      const today = nairobiDay(clock.now())
      const f: ShelfFilter = {
        ...(input.age ? ageRange(input.age, today) : {}),
        serviceCode: input.serviceCode,
        slot: input.slot,
        sms: input.sms === undefined ? undefined : input.sms === 'never-sent' ? null : input.sms,
      }
      const p = page(f, input.sort, input.limit, input.cursor)
      const rows = p.rows.map((r) => toDocument(r, today))
      const { cursor: _c, limit: _l, ...filter } = input
      auditView(
        staff,
        'shelf',
        filter,
        rows.map((r) => r.trackingNumber),
      )
      return { rows, nextCursor: p.nextCursor, total: p.total }
    },

    callList(
      input: { notCalled: boolean; cursor?: string | undefined; limit: number },
      staff: Session,
    ): Page<CallListRow> {
      const today = nairobiDay(clock.now())
      const f: ShelfFilter = { callList: true, notCalled: input.notCalled }
      const p = page(f, 'oldest', input.limit, input.cursor)
      const rows = p.rows.map((r): CallListRow => {
        const last = q.lastCall(r.tracking_number)
        return {
          ...toDocument(r, today),
          calls: last?.calls ?? 0,
          lastCall: last
            ? {
                outcome: last.outcome as CallOutcome,
                at: last.at,
                staffNumber: last.staff_number,
                note: last.note,
              }
            : null,
        }
      })
      auditView(
        staff,
        'calls',
        { notCalled: input.notCalled },
        rows.map((r) => r.trackingNumber),
      )
      return { rows, nextCursor: p.nextCursor, total: p.total }
    },

    logCall(
      input: { trackingNumber: string; outcome: CallOutcome; note?: string | undefined },
      staff: Session,
    ): CallLogEntry {
      const now = clock.now()
      const note = input.note ? input.note : null
      return store.tx(() => {
        const app = store.applications.byTracking(input.trackingNumber)
        if (!app) throw new AppError('NOT_FOUND', 'No application has that tracking number.')
        if (app.status !== 'arrived') {
          throw new AppError('CONFLICT', `That document is no longer on the shelf (it is ${app.status}).`)
        }
        const row = store.manager.calls.insert(
          input.trackingNumber,
          now,
          staff.staffNumber,
          input.outcome,
          note,
        )
        writeEvent({
          type: 'application.callLogged',
          staffNumber: staff.staffNumber,
          trackingNumber: input.trackingNumber,
          payload: { outcome: input.outcome, note },
        })
        store.audit.write({
          at: now,
          staffNumber: staff.staffNumber,
          action: 'application.callLogged',
          detail: { trackingNumber: input.trackingNumber, outcome: input.outcome },
        })
        return {
          id: row.id,
          trackingNumber: row.tracking_number,
          outcome: row.outcome as CallOutcome,
          note: row.note,
          at: row.at,
          staffNumber: row.staff_number,
        }
      })
    },
  }
}
export type BacklogService = ReturnType<typeof createBacklogService>
