/**
 * What an erased application holds in place of its customer's personal fields (retention, or the data subject's
 * request). Fixed markers rather than empty strings: every payload still fits its schema in the event catalogue
 * (a name of at least one character, a phone of 9-15 digits), so the log still folds into the same rows, and a
 * screen shows plainly that the data was erased rather than never typed.
 */
export const ERASED_TEXT = '— erased —'
/** Nine zeros: the shortest a message's phone may be, and no real Kenyan number. */
export const ERASED_PHONE = '000000000'

/** A hand-over's proxy with the person's details erased; the kind stays so counts of proxy collections hold. */
export const ERASED_PROXY = {
  kind: 'proxy',
  name: ERASED_TEXT,
  idNumber: ERASED_TEXT,
  relationship: ERASED_TEXT,
  authorisationRef: ERASED_TEXT,
} as const

type Payload = Record<string, unknown>

/**
 * The payload of one of an erased application's events with the customer's personal fields replaced, or null
 * when it holds none. Tracking numbers, service, dates, slots, outcomes and counts stay.
 */
export function erasedPayload(type: string, payload: Payload): Payload | null {
  switch (type) {
    case 'application.registered':
      return { ...payload, customerName: ERASED_TEXT, phone: ERASED_PHONE, idNumber: null, notes: null }
    case 'application.collected': {
      const collector = payload.collector as Payload | undefined
      return collector?.kind === 'proxy' ? { ...payload, collector: ERASED_PROXY } : null
    }
    case 'application.callLogged':
      return payload.note == null ? null : { ...payload, note: null }
    case 'notification.ready':
    case 'notification.reminder':
      return { ...payload, phone: ERASED_PHONE }
    default:
      return null
  }
}
