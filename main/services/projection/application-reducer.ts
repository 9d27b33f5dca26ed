import { checkEventPayload, PROJECTED_TYPES } from '../../../common/event-catalogue'
import { upgradeLegacyWeekSlot } from '../../../common/shelf-slot'
import { nairobiDate } from '../../../common/nairobi-time'
import { ERASED_PHONE, ERASED_PROXY, ERASED_TEXT } from '../../../common/erased-personal-data'

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
  /** Only for returns confirmed on this workstation, like the arrival batch. */
  returnManifestId: number | null
  updatedAt: number
}

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
    const p = checkEventPayload('application.registered', r.payload)
    if (!p.ok) {
      ignored.push({ id: r.id, type: r.type, reason: p.reason })
      continue
    }
    if (app) {
      // A tracking number is minted once; a second registration is a duplicate delivery under a new id.
      ignored.push({ id: r.id, type: r.type, reason: 'registered twice; the first registration stands' })
      continue
    }
    app = {
      trackingNumber,
      serviceCode: p.payload.serviceCode,
      customerName: p.payload.customerName,
      phone: p.payload.phone,
      idNumber: p.payload.idNumber ?? null,
      agencyRef: p.payload.agencyRef ?? null,
      language: p.payload.language,
      smsConsent: p.payload.smsConsent ? 1 : 0,
      notes: p.payload.notes ?? null,
      status: 'registered',
      registeredAt: r.occurredAt,
      registeredBy: r.staffNumber ?? 'unknown',
      expectedReady: p.payload.expectedReady,
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
      returnManifestId: null,
      updatedAt: r.occurredAt,
    }
  }
  if (!app) return { application: null, ignored }

  const rest = events
    .filter((e) => e.type !== 'application.registered' && PROJECTED_TYPES.has(e.type))
    .sort(byTimeThenId)
  let erased = false
  for (const e of rest) {
    if (e.type === 'application.personalDataErased') erased = true
    const reason = step(app, e, ownDeviceId)
    if (reason) ignored.push({ id: e.id, type: e.type, reason })
    else app.updatedAt = Math.max(app.updatedAt, e.occurredAt)
  }
  // Last, whatever the events' order: a collection replicated after the erasure still comes out erased.
  if (erased) eraseFields(app)
  return { application: app, ignored }
}

/** The customer's personal fields replaced by the markers; dates, stages and counts untouched. */
function eraseFields(a: ProjectedApplication): void {
  a.customerName = ERASED_TEXT
  a.phone = ERASED_PHONE
  a.idNumber = null
  a.notes = null
  if (a.collector !== null && (JSON.parse(a.collector) as { kind?: string }).kind === 'proxy')
    a.collector = JSON.stringify(ERASED_PROXY)
}

/** Applies one event to `a` in place; returns why it was left out, or null. */
function step(a: ProjectedApplication, e: ReducerEvent, ownDeviceId: string): string | null {
  const advance = (to: ProjectedStatus): void => {
    if (RANK[to] > RANK[a.status]) a.status = to
  }
  switch (e.type) {
    case 'application.arrived': {
      const p = checkEventPayload('application.arrived', e.payload)
      if (!p.ok) return p.reason
      if (a.arrivedAt !== null) return null // a second arrival scan elsewhere: the first one stands
      a.arrivedAt = e.occurredAt
      a.arrivedBy = e.staffNumber
      // A PC not yet updated still writes week slots without the year: every PC stores the year-carrying label.
      a.shelfSlot =
        a.status === 'registered' || a.status === 'arrived'
          ? upgradeLegacyWeekSlot(p.payload.slot, nairobiDate(e.occurredAt), a.serviceCode)
          : a.shelfSlot
      a.arrivalBatchId = e.deviceId === ownDeviceId ? (p.payload.batchId ?? null) : null
      if (a.status === 'registered') a.missing = 0
      advance('arrived')
      return null
    }
    case 'application.moved': {
      const p = checkEventPayload('application.moved', e.payload)
      if (!p.ok) return p.reason
      if (a.status !== 'arrived') return null
      a.shelfSlot = upgradeLegacyWeekSlot(
        p.payload.slot,
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
      const p = checkEventPayload('application.collected', e.payload)
      if (!p.ok) return p.reason
      if (RANK[a.status] >= RANK.collected) return null
      a.status = 'collected'
      a.collectedAt = e.occurredAt
      a.collectedBy = e.staffNumber
      a.collector = JSON.stringify(p.payload.collector)
      return null
    }
    case 'application.returned': {
      // The status needs nothing from the payload (replicated events are checked against the catalogue before
      // they reach the fold); the manifest id is kept only when it is ours and fits.
      if (RANK[a.status] >= RANK.collected) return null
      const p = checkEventPayload('application.returned', e.payload)
      a.status = 'returned'
      a.returnedAt = e.occurredAt
      a.returnManifestId = p.ok && e.deviceId === ownDeviceId ? p.payload.manifestId : null
      a.shelfSlot = null
      return null
    }
    case 'application.cancelled': {
      if (RANK[a.status] >= RANK.collected) return null
      a.status = 'cancelled'
      a.shelfSlot = null
      return null
    }
    default:
      return null
  }
}
