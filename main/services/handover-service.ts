import type { HandoverCandidate, LookupResult, ShelfAuditReport, SmsStatus } from '../../common/contract'
import { AppError } from '../../common/errors'
import { classifyScan } from '../../common/scan-classify'
import { slotsForLabel } from '../../common/shelf-slot'
import { formatTrackingNumber } from '../../common/tracking-number'
import type { ApplicationRow } from '../db/queries/applications'
import type { Store } from '../db/store'
import { lookupScan, scanCandidate } from './scan-lookup'
import type { Clock } from '../infra/clock'
import type { DomainEvent, EventWriter } from './event-writer'
import type { UnknownResolution } from './sync-service'
import type { Session } from '../infra/session-store'

export type Collector =
  | { kind: 'owner'; idNumber?: string | undefined }
  | { kind: 'proxy'; name: string; idNumber: string; relationship: string; authorisationRef: string }

type ShelfType =
  | 'application.moved'
  | 'application.missing'
  | 'application.missingCleared'
  | 'application.damaged'
  | 'application.damagedCleared'
/** One shelf event with its own payload (distributed over the types, so a type keeps its payload). */
type ShelfEvent<E = Extract<DomainEvent, { type: ShelfType }>> = E extends DomainEvent
  ? Pick<E, 'type' | 'payload'>
  : never

interface Deps {
  store: Store
  clock: Clock
  writeEvent: EventWriter
  /** Online look-up of a tracking number this PC does not hold (sync); absent in tests that do not need it. */
  resolveUnknown?: (trackingNumber: string) => Promise<UnknownResolution>
}

/**
 * Hand-over and shelf care: find what a customer can take, check who takes it, mark it collected; move, mark missing
 * or damaged with a reason; audit a shelf slot against what should be on it.
 */
export function createHandoverService({ store, clock, writeEvent, resolveUnknown }: Deps) {
  const candidate = (a: ApplicationRow): HandoverCandidate => ({
    trackingNumber: a.tracking_number,
    serviceCode: a.service_code,
    serviceName: store.services.byCode(a.service_code)?.nameEn ?? a.service_code,
    customerName: a.customer_name,
    phone: a.phone,
    status: a.status,
    registeredAt: a.registered_at,
    expectedReady: a.expected_ready,
    shelfSlot: a.shelf_slot,
    idNumberHint: a.id_number ? `ends ${a.id_number.slice(-3)}` : null,
    missing: a.missing === 1,
    damaged: a.damaged === 1,
    arrivedAt: a.arrived_at,
    sms: smsStatus(a.tracking_number),
  })

  const smsStatus = (tn: string): SmsStatus => {
    const outcome = store.pull.outcomesFor(tn).at(-1)
    if (outcome) return { state: outcome.outcome, at: outcome.at }
    const rows = store.notifications.forApplication(tn)
    const sent = rows.filter((n) => n.status === 'sent').at(-1)
    if (sent) return { state: 'sent', at: sent.sent_at }
    const scheduled = rows.find((n) => n.status === 'scheduled')
    return scheduled ? { state: 'scheduled', at: scheduled.due_at } : { state: 'none', at: null }
  }

  const mustFind = (tn: string): ApplicationRow => {
    const a = store.applications.byTracking(tn)
    if (!a) throw new AppError('NOT_FOUND', `No application ${formatTrackingNumber(tn)}.`, 'trackingNumber')
    return a
  }

  const notReadyReason = (a: ApplicationRow): string =>
    a.status === 'registered'
      ? `not arrived yet (expected from ${a.expected_ready})`
      : a.status === 'collected'
        ? 'already collected'
        : a.status === 'arrived' && a.missing === 1
          ? `marked missing from shelf ${a.shelf_slot ?? ''}`
          : a.status

  /** Moving, or marking or clearing missing or damaged: one event (which makes the row) and its audit row. */
  const shelfChange = (tn: string, event: ShelfEvent, staff: Session): HandoverCandidate => {
    const a = mustFind(tn)
    if (a.status !== 'arrived')
      throw new AppError(
        'CONFLICT',
        `${formatTrackingNumber(tn)} is not on the shelf (${a.status}).`,
        'trackingNumber',
      )
    const now = clock.now()
    store.tx(() => {
      writeEvent({ ...event, staffNumber: staff.staffNumber, trackingNumber: tn })
      store.audit.write({
        at: now,
        staffNumber: staff.staffNumber,
        action: event.type,
        detail: { trackingNumber: tn, ...event.payload },
      })
    })
    return candidate(mustFind(tn))
  }

  return {
    /** From a scanned receipt, a typed tracking number, an agency reference or an ID number: what can be handed over. */
    async lookup(code: string, staff?: Session): Promise<LookupResult> {
      const text = code.trim()
      let found: ApplicationRow[]
      if (/^\d{6,8}$/.test(text)) {
        found = store.applications.byIdNumber(text)
      } else {
        const c = classifyScan(text, { services: store.services.all() })
        let look = lookupScan(store, c)
        if (look.kind === 'none' && c.kind === 'tracking-invalid')
          throw new AppError('INVALID_INPUT', c.message, 'code')
        if (look.kind === 'none' && c.kind === 'tracking' && resolveUnknown) {
          // Registered at another counter and not replicated yet: ask the central API, read the feed, look again.
          const r = await resolveUnknown(c.trackingNumber)
          if (r.here) look = lookupScan(store, c)
          else if (r.message) throw new AppError('NOT_FOUND', r.message, 'code')
        }
        if (look.kind === 'choose') {
          // Two customers' documents must never end up in one hand-over: the desk picks whose it is first.
          store.audit.write({
            at: clock.now(),
            staffNumber: staff?.staffNumber ?? null,
            action: 'collection.lookedUp',
            detail: { trackingNumbers: look.apps.map((a) => a.tracking_number) },
          })
          return { ready: [], notReady: [], choose: look.apps.map((a) => scanCandidate(store, a)) }
        }
        if (look.kind === 'none') throw new AppError('NOT_FOUND', `Nothing found for "${text}".`, 'code')
        const first = look.app
        // The same customer's other documents waiting on the shelf come along in one hand-over.
        const others = first.id_number
          ? store.applications.readyForId(first.id_number)
          : store.applications.readyForPhone(first.phone)
        found = [first, ...others.filter((o) => o.tracking_number !== first.tracking_number)]
      }
      if (found.length === 0) throw new AppError('NOT_FOUND', `Nothing found for "${text}".`, 'code')
      const ready = found.filter((a) => a.status === 'arrived' && a.missing === 0)
      // The answer shows customers' names and phones: looking them up is itself audited.
      store.audit.write({
        at: clock.now(),
        staffNumber: staff?.staffNumber ?? null,
        action: 'collection.lookedUp',
        detail: { trackingNumbers: found.map((a) => a.tracking_number) },
      })
      return {
        ready: ready.map(candidate),
        notReady: found
          .filter((a) => !ready.includes(a))
          .map((a) => ({ trackingNumber: a.tracking_number, reason: notReadyReason(a) })),
        choose: [],
      }
    },

    collect(trackingNumbers: string[], collector: Collector, staff: Session): HandoverCandidate[] {
      const apps = trackingNumbers.map(mustFind)
      for (const a of apps) {
        if (a.status !== 'arrived') {
          throw new AppError(
            'CONFLICT',
            `${formatTrackingNumber(a.tracking_number)} cannot be handed over: ${notReadyReason(a)}.`,
            'trackingNumbers',
          )
        }
        if (a.missing === 1) {
          throw new AppError(
            'CONFLICT',
            `${formatTrackingNumber(a.tracking_number)} is marked missing: find it on the shelf and clear the mark first.`,
            'trackingNumbers',
          )
        }
        if (collector.kind === 'owner' && a.id_number && collector.idNumber !== a.id_number) {
          throw new AppError(
            'INVALID_INPUT',
            `The ID number does not match ${formatTrackingNumber(a.tracking_number)} (registered ID ${a.id_number.length} digits, ending ${a.id_number.slice(-3)}). Check the ID card, or record a proxy.`,
            'collector.idNumber',
          )
        }
      }
      store.tx(() => {
        for (const a of apps) {
          // Read again in the transaction: another desk may have handed it over since the look-up.
          if (store.applications.byTracking(a.tracking_number)?.status !== 'arrived') {
            throw new AppError(
              'CONFLICT',
              `${formatTrackingNumber(a.tracking_number)} changed meanwhile: look it up again.`,
            )
          }
          writeEvent({
            type: 'application.collected',
            staffNumber: staff.staffNumber,
            trackingNumber: a.tracking_number,
            payload: {
              collector: collector.kind === 'owner' ? { kind: 'owner' } : collector,
              slot: a.shelf_slot,
            },
          })
        }
      })
      return apps.map((a) => candidate(mustFind(a.tracking_number)))
    },

    move: (tn: string, slot: string, reason: string, staff: Session): HandoverCandidate =>
      shelfChange(tn, { type: 'application.moved', payload: { slot, reason } }, staff),

    flag: (
      tn: string,
      flag: 'missing' | 'damaged',
      value: boolean,
      reason: string,
      staff: Session,
    ): HandoverCandidate =>
      shelfChange(tn, { type: `application.${flag}${value ? '' : 'Cleared'}`, payload: { reason } }, staff),

    /**
     * Compares what was scanned in a slot with what the shelf should hold. Reads only. A shelf label of the old
     * week form ('W48-BC', not yet relabelled) holds week 48's birth certificates of every year.
     */
    audit(slot: string, codes: string[]): ShelfAuditReport {
      const slots = slotsForLabel(slot)
      const here = new Set(slots)
      const shouldBe = store.applications.onShelves(slots)
      const seen = new Set<string>()
      const report: ShelfAuditReport = {
        slot,
        present: [],
        missing: [],
        misplaced: [],
        collectedButHere: [],
        unknown: [],
        ambiguous: [],
      }
      const context = { services: store.services.all() }
      for (const code of codes) {
        const look = lookupScan(store, classifyScan(code, context))
        let a: ApplicationRow | null = look.kind === 'found' ? look.app : null
        if (look.kind === 'choose') {
          // The document in hand is the one that should be here, or the only one on a shelf at all.
          const inSlot = look.apps.filter((x) => x.status === 'arrived' && here.has(x.shelf_slot ?? ''))
          const shelved = look.apps.filter((x) => x.status === 'arrived')
          a = inSlot.length === 1 ? (inSlot[0] ?? null) : shelved.length === 1 ? (shelved[0] ?? null) : null
          if (!a) {
            report.ambiguous.push({ code, trackingNumbers: look.apps.map((x) => x.tracking_number) })
            continue
          }
        }
        if (!a) {
          report.unknown.push(code)
          continue
        }
        if (seen.has(a.tracking_number)) continue
        seen.add(a.tracking_number)
        if (a.status === 'collected') report.collectedButHere.push(a.tracking_number)
        else if (a.status === 'arrived' && here.has(a.shelf_slot ?? ''))
          report.present.push(a.tracking_number)
        else
          report.misplaced.push({
            trackingNumber: a.tracking_number,
            belongsIn: a.status === 'arrived' ? a.shelf_slot : null,
          })
      }
      report.missing = shouldBe.map((a) => a.tracking_number).filter((tn) => !seen.has(tn))
      return report
    },
  }
}
export type HandoverService = ReturnType<typeof createHandoverService>
