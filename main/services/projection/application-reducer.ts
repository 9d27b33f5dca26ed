import { z } from 'zod'
import { upgradeLegacyWeekSlot } from '../../../common/shelf-slot'
import { nairobiDate } from '../../../common/nairobi-time'

/**
 * The application projection as a pure fold over an application's events. Local writes and replicated events go
 * through this same function (see `projector.ts`), so every workstation that holds the same set of events holds the
 * same row, whatever order the events reached it in.
 *
 * Order tolerance: the registration is the base whatever its position, and the other events are applied in
 * (occurredAt, id) order. Each step only moves the status forward (registered → arrived → collected/returned/
 * cancelled), so an arrival that sorts after a collection (clocks of two PCs disagree) still fills in the arrival
 * without undoing the collection.
 */

export type ProjectedStatus = 'registered' | 'arrived' | 'collected' | 'returned' | 'cancelled'

export interface ReducerEvent {
  id: string
  type: string
  occurredAt: number
  staffNumber: string | null
  deviceId: string
  payload: unknown
}

export interface ProjectedApplication {
  trackingNumber: string
  serviceCode: string
  customerName: string
  phone: string
  idNumber: string | null
  agencyRef: string | null
  language: 'en' | 'sw'
  smsConsent: 0 | 1
  notes: string | null
  status: ProjectedStatus
  registeredAt: number
  registeredBy: string
  expectedReady: string
  arrivedAt: number | null
  arrivedBy: string | null
  /** Only for arrivals scanned on this workstation: another PC's batch ids mean nothing here. */
  arrivalBatchId: number | null
  shelfSlot: string | null
  collectedAt: number | null
  collectedBy: string | null
  collector: string | null
  missing: 0 | 1
  damaged: 0 | 1
  returnedAt: number | null
  updatedAt: number
}

const registeredPayload = z.object({
  serviceCode: z.string().min(1).max(24),
  customerName: z.string().min(1).max(200),
  phone: z.string().min(1).max(20),
  idNumber: z.string().max(20).nullable().optional(),
  agencyRef: z.string().max(60).nullable().optional(),
  language: z.enum(['en', 'sw']),
  smsConsent: z.boolean(),
  expectedReady: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  notes: z.string().max(500).nullable().optional(),
})
const arrivedPayload = z.object({ slot: z.string().min(1).max(20), batchId: z.number().int().optional() })
const movedPayload = z.object({ slot: z.string().min(1).max(20) })
const collectedPayload = z.object({ collector: z.object({ kind: z.enum(['owner', 'proxy']) }).loose() })

/** Event types that change the projection; anything else about an application (views, calls) is history only. */
export const PROJECTED_TYPES = new Set([
  'application.registered',
  'application.arrived',
  'application.moved',
  'application.missing',
  'application.missingCleared',
  'application.damaged',
  'application.damagedCleared',
  'application.collected',
  'application.returned',
  'application.cancelled',
])

const RANK: Record<ProjectedStatus, number> = {
  registered: 0,
  arrived: 1,
  collected: 2,
  returned: 2,
  cancelled: 2,
}

const byTimeThenId = (a: ReducerEvent, b: ReducerEvent): number =>
  a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export interface ReduceResult {
  /** null until the registration is among the events (an arrival replicated first waits for it). */
  application: ProjectedApplication | null
  /** Events whose payload did not fit their type: kept in the log, left out of the projection. */
  ignored: { id: string; type: string; reason: string }[]
}

/**
 * Folds the events of one tracking number into its row. `ownDeviceId` decides whether an arrival's batch id is
 * ours to keep.
 */
export function reduceApplication(
  trackingNumber: string,
  events: readonly ReducerEvent[],
  ownDeviceId: string,
): ReduceResult {
  const ignored: ReduceResult['ignored'] = []
  const registrations = events.filter((e) => e.type === 'application.registered').sort(byTimeThenId)
  let app: ProjectedApplication | null = null
  for (const r of registrations) {
    const p = registeredPayload.safeParse(r.payload)
    if (!p.success) {
      ignored.push({ id: r.id, type: r.type, reason: p.error.issues[0]?.message ?? 'bad payload' })
      continue
    }
    if (app) {
      // A tracking number is minted once; a second registration is a duplicate delivery under a new id.
      ignored.push({ id: r.id, type: r.type, reason: 'registered twice; the first registration stands' })
      continue
    }
    app = {
      trackingNumber,
      serviceCode: p.data.serviceCode,
      customerName: p.data.customerName,
      phone: p.data.phone,
      idNumber: p.data.idNumber ?? null,
      agencyRef: p.data.agencyRef ?? null,
      language: p.data.language,
      smsConsent: p.data.smsConsent ? 1 : 0,
      notes: p.data.notes ?? null,
      status: 'registered',
      registeredAt: r.occurredAt,
      registeredBy: r.staffNumber ?? 'unknown',
      expectedReady: p.data.expectedReady,
      arrivedAt: null,
      arrivedBy: null,
      arrivalBatchId: null,
      shelfSlot: null,
      collectedAt: null,
      collectedBy: null,
      collector: null,
      missing: 0,
      damaged: 0,
      returnedAt: null,
      updatedAt: r.occurredAt,
    }
  }
  if (!app) return { application: null, ignored }

  const rest = events
    .filter((e) => e.type !== 'application.registered' && PROJECTED_TYPES.has(e.type))
    .sort(byTimeThenId)
  for (const e of rest) {
    const reason = step(app, e, ownDeviceId)
    if (reason) ignored.push({ id: e.id, type: e.type, reason })
    else app.updatedAt = Math.max(app.updatedAt, e.occurredAt)
  }
  return { application: app, ignored }
}

/** Applies one event to `a` in place; returns why it was left out, or null. */
function step(a: ProjectedApplication, e: ReducerEvent, ownDeviceId: string): string | null {
  const advance = (to: ProjectedStatus): void => {
    if (RANK[to] > RANK[a.status]) a.status = to
  }
  switch (e.type) {
    case 'application.arrived': {
      const p = arrivedPayload.safeParse(e.payload)
      if (!p.success) return p.error.issues[0]?.message ?? 'bad payload'
      if (a.arrivedAt !== null) return null // a second arrival scan elsewhere: the first one stands
      a.arrivedAt = e.occurredAt
      a.arrivedBy = e.staffNumber
      // A PC not yet updated still writes week slots without the year: every PC stores the year-carrying label.
      a.shelfSlot =
        a.status === 'registered' || a.status === 'arrived'
          ? upgradeLegacyWeekSlot(p.data.slot, nairobiDate(e.occurredAt), a.serviceCode)
          : a.shelfSlot
      a.arrivalBatchId = e.deviceId === ownDeviceId ? (p.data.batchId ?? null) : null
      if (a.status === 'registered') a.missing = 0
      advance('arrived')
      return null
    }
    case 'application.moved': {
      const p = movedPayload.safeParse(e.payload)
      if (!p.success) return p.error.issues[0]?.message ?? 'bad payload'
      if (a.status !== 'arrived') return null
      a.shelfSlot = upgradeLegacyWeekSlot(
        p.data.slot,
        nairobiDate(a.arrivedAt ?? e.occurredAt),
        a.serviceCode,
      )
      a.missing = 0
      return null
    }
    case 'application.missing':
    case 'application.missingCleared':
      a.missing = e.type === 'application.missing' ? 1 : 0
      return null
    case 'application.damaged':
    case 'application.damagedCleared':
      a.damaged = e.type === 'application.damaged' ? 1 : 0
      return null
    case 'application.collected': {
      const p = collectedPayload.safeParse(e.payload)
      if (!p.success) return p.error.issues[0]?.message ?? 'bad payload'
      if (RANK[a.status] >= RANK.collected) return null
      a.status = 'collected'
      a.collectedAt = e.occurredAt
      a.collectedBy = e.staffNumber
      a.collector = JSON.stringify(p.data.collector)
      return null
    }
    case 'application.returned':
      if (RANK[a.status] >= RANK.collected) return null
      a.status = 'returned'
      a.returnedAt = e.occurredAt
      a.shelfSlot = null
      return null
    case 'application.cancelled':
      if (RANK[a.status] >= RANK.collected) return null
      a.status = 'cancelled'
      a.shelfSlot = null
      return null
    default:
      return null
  }
}
