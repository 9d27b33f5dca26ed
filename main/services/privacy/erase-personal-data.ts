import { erasedPayload } from '../../../common/erased-personal-data'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { EventWriter } from '../event-writer'

export interface ErasureRequest {
  /** `retention`: the centre's period passed; `request`: the data subject asked (PIN-confirmed by the caller). */
  reason: 'retention' | 'request'
  /** The staff member who asked; null for the retention sweep. */
  by: string | null
  /** Staff's words on the request or rule, kept in the event and the audit row: never personal data. */
  detail?: string
}

export interface ErasureResult {
  erased: string[]
  /** Already erased: nothing to do. */
  alreadyErased: string[]
  refused: { trackingNumber: string; reason: string }[]
}

/**
 * Erases the customer's personal fields (name, phone, ID number, notes, proxy details) of the given applications
 * in one transaction, keeping tracking number, service, dates, stage times and counts, so the manager's figures
 * do not move.
 *
 * One writer: the row is erased by the fold of an `application.personalDataErased` event (written with its
 * outbox row, so the central API erases too); then the payloads of the application's earlier events on this PC
 * are rewritten with the same markers (migration 0190 allows that only once the erasure is in the log), so a
 * rebuild from the log gives the erased row again. Rows beside it (call notes, sent reminders' phones) lose their
 * personal fields too. Audit rows are not rewritten (their chain would break; they hold masked data only); the
 * erasure writes one of its own.
 *
 * Events still in the outbox are sent with the erased payload: once a customer's data is erased, it is not sent
 * later. The retention sweep avoids that case by taking only applications whose events are all acknowledged.
 *
 * A document still to be handed over (registered or on the shelf) is refused: its name and phone are needed to
 * find and hand it over.
 */
export function erasePersonalData(
  deps: { store: Store; clock: Clock; writeEvent: EventWriter },
  trackingNumbers: readonly string[],
  request: ErasureRequest,
): ErasureResult {
  const { store } = deps
  const result: ErasureResult = { erased: [], alreadyErased: [], refused: [] }
  store.tx(() => {
    for (const tn of new Set(trackingNumbers)) {
      const app = store.privacy.application(tn)
      if (!app) {
        result.refused.push({ trackingNumber: tn, reason: 'no application with this tracking number' })
        continue
      }
      if (app.status === 'registered' || app.status === 'arrived') {
        result.refused.push({ trackingNumber: tn, reason: 'not yet collected, returned or cancelled' })
        continue
      }
      if (store.privacy.isErased(app.customer_name)) {
        result.alreadyErased.push(tn)
        continue
      }
      const events = store.privacy.eventsOf(tn)
      // A row whose registration this PC never held as an event (history loaded in bulk) cannot be folded: the
      // erasure would leave its row as it was, so it is not recorded as done.
      if (!events.some((e) => e.type === 'application.registered')) {
        result.refused.push({ trackingNumber: tn, reason: "its registration is not in this PC's event log" })
        continue
      }
      deps.writeEvent({
        type: 'application.personalDataErased',
        staffNumber: request.by,
        trackingNumber: tn,
        payload: { reason: request.reason, ...(request.detail ? { detail: request.detail } : {}) },
      })
      for (const e of events) {
        const erased = erasedPayload(e.type, JSON.parse(e.payload) as Record<string, unknown>)
        if (erased) store.privacy.rewritePayload(e.seq, erased)
      }
      store.privacy.eraseOtherRows(tn)
      result.erased.push(tn)
    }
    if (result.erased.length > 0)
      store.audit.write({
        at: deps.clock.now(),
        staffNumber: request.by,
        action: 'privacy.erased',
        detail: {
          reason: request.reason,
          ...(request.detail ? { detail: request.detail } : {}),
          trackingNumbers: result.erased,
        },
      })
  })
  return result
}
