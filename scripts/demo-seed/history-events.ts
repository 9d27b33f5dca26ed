import type { Database } from 'better-sqlite3-multiple-ciphers'
import { checkEventPayload, type EventPayload, type EventType } from '../../common/event-catalogue'
import { addCalendarDays, nairobiDate, nairobiDay } from '../../common/nairobi-time'
import { REMINDER_GRACE_DAYS } from '../../common/reminders'
import { readyMessage, reminderMessage, smsSegments } from '../../common/sms'

/** One seeded application as its row says, with the instants of what happened to it. */
export interface SeededApplication {
  trackingNumber: string
  /** The workstation slot number that registered it; this PC's slot is 1. */
  workstation: number
  serviceCode: string
  agency: string
  retentionDays: number
  customerName: string
  phone: string
  idNumber: string | null
  agencyRef: string | null
  language: 'en' | 'sw'
  smsConsent: boolean
  expectedReady: string
  registeredAt: number
  arrivedAt: number | null
  /** The slot it was shelved in (kept for a returned one's event, whose row no longer has it). */
  slot: string | null
  /** SMS sent about it, with the event ids its `notifications` rows carry. */
  messages: { kind: 'ready' | 'reminder'; at: number; id: string }[]
  collectedAt: number | null
  returnedAt: number | null
  cancelledAt: number | null
}

/**
 * The device ids of the seeded centre's other PCs: counter PCs by workstation slot, and the back office (the
 * collection desk and the manager) in the slot after the counters. Fixed, so a seed always builds the same log.
 */
export const demoDeviceId = (slot: number): string =>
  `01900000-0000-7000-8000-${slot.toString(16).padStart(12, '0')}`
/** Cancellations are written by the central service (this version only applies them): its own device id. */
export const CENTRAL_DEVICE_ID = demoDeviceId(0)

const HISTORY_STAFF = { clerk: 'CLK001', desk: 'DSK001', manager: 'MGR001' } as const

/**
 * Writes, for each seeded application, the events a real centre's PC holds for it: the registration (from the
 * counter PC that minted the number, this PC for slot 01), the arrival, the ready and reminder SMS, the hand-over
 * and the return (from the back office PC), a cancellation (from the central service). Every payload is checked
 * against the event catalogue. No `outbox` row is written: this PC's own events were acknowledged by the central API
 * long ago and the others came from its feed, so the retention sweep takes them as acknowledged.
 *
 * Only what another PC did reaches this one's log here, so the fold keeps no arrival batch or return manifest id
 * (they mean something only on the PC that made them), as the seeded rows have none.
 */
export function historyEventWriter(
  db: Database,
  opts: { ownDeviceId: string; backOfficeSlot: number; centreName: string },
) {
  const insert = db.prepare<[string, string, number, string | null, string, string, string]>(
    `INSERT INTO events (id, type, occurred_at, staff_number, device_id, tracking_number, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const backOffice = demoDeviceId(opts.backOfficeSlot)
  const counterPc = (slot: number): string => (slot === 1 ? opts.ownDeviceId : demoDeviceId(slot))
  // The back office's batches, campaigns and manifests: one per agency and day, numbered as that PC made them.
  const numbers = new Map<string, number>()
  const numberFor = (key: string): number => {
    let n = numbers.get(key)
    if (n === undefined) numbers.set(key, (n = numbers.size + 1))
    return n
  }
  let written = 0
  // A UUIDv7 of the instant with a running count in its last 60 bits. Variant nibble 9: the seeder's SMS ids
  // (seed-demo.ts) use 8, so the two never meet.
  const idAt = (at: number): string => {
    const ts = at.toString(16).padStart(12, '0')
    const n = written.toString(16).padStart(15, '0')
    return `${ts.slice(0, 8)}-${ts.slice(8)}-7000-9${n.slice(0, 3)}-${n.slice(3)}`
  }

  return {
    write(a: SeededApplication): void {
      const steps: { at: number; put: () => void }[] = []
      const step = <T extends EventType>(
        type: T,
        at: number,
        staffNumber: string | null,
        deviceId: string,
        payload: EventPayload<T>,
        id?: string,
      ): void => {
        const checked = checkEventPayload(type, payload)
        if (!checked.ok)
          throw new Error(
            `demo seeder: ${type} of ${a.trackingNumber} does not fit its type: ${checked.reason}`,
          )
        steps.push({
          at,
          put: () => {
            insert.run(
              id ?? idAt(at),
              type,
              at,
              staffNumber,
              deviceId,
              a.trackingNumber,
              JSON.stringify(payload),
            )
            written++
          },
        })
      }

      step('application.registered', a.registeredAt, HISTORY_STAFF.clerk, counterPc(a.workstation), {
        serviceCode: a.serviceCode,
        customerName: a.customerName,
        phone: a.phone,
        idNumber: a.idNumber,
        agencyRef: a.agencyRef,
        language: a.language,
        smsConsent: a.smsConsent,
        expectedReady: a.expectedReady,
        notes: null,
      })
      if (a.cancelledAt !== null)
        step('application.cancelled', a.cancelledAt, null, CENTRAL_DEVICE_ID, {
          reason: 'The customer withdrew the application',
        })
      if (a.arrivedAt !== null && a.slot !== null) {
        const arrivalDate = nairobiDate(a.arrivedAt)
        step('application.arrived', a.arrivedAt, HISTORY_STAFF.desk, backOffice, {
          slot: a.slot,
          batchId: numberFor(`batch|${a.agency}|${arrivalDate}`),
          agency: a.agency,
          code: a.trackingNumber,
        })
        for (const m of a.messages) {
          const input = {
            language: a.language,
            centreName: opts.centreName,
            trackingNumbers: [a.trackingNumber],
            collectBy:
              m.kind === 'ready'
                ? addCalendarDays(nairobiDate(m.at), a.retentionDays)
                : addCalendarDays(
                    arrivalDate,
                    Math.max(
                      a.retentionDays,
                      nairobiDay(m.at) + REMINDER_GRACE_DAYS - nairobiDay(a.arrivedAt),
                    ),
                  ),
          }
          const text = m.kind === 'ready' ? readyMessage(input) : reminderMessage(input)
          const message = {
            phone: a.phone,
            language: a.language,
            trackingNumbers: [a.trackingNumber],
            text,
            segments: smsSegments(text).segments,
          }
          if (m.kind === 'ready') step('notification.ready', m.at, null, backOffice, message, m.id)
          else
            step(
              'notification.reminder',
              m.at,
              HISTORY_STAFF.manager,
              backOffice,
              { ...message, campaignId: numberFor(`campaign|${nairobiDate(m.at)}`) },
              m.id,
            )
        }
        if (a.collectedAt !== null)
          step('application.collected', a.collectedAt, HISTORY_STAFF.desk, backOffice, {
            collector: { kind: 'owner' },
            slot: a.slot,
          })
        if (a.returnedAt !== null)
          step('application.returned', a.returnedAt, HISTORY_STAFF.manager, backOffice, {
            manifestId: numberFor(`manifest|${a.agency}|${nairobiDate(a.returnedAt)}`),
            agency: a.agency,
            slot: a.slot,
          })
      }
      // In the order they happened, so the log lists an application's events as its PCs wrote them.
      steps.sort((x, y) => x.at - y.at)
      for (const s of steps) s.put()
    },
    written: (): number => written,
  }
}
export type HistoryEventWriter = ReturnType<typeof historyEventWriter>
