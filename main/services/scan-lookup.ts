import type { ScanCandidate } from '../../common/contract'
import type { ScanClass } from '../../common/scan-classify'
import type { ApplicationRow } from '../db/queries/applications'
import type { Store } from '../db/store'

/**
 * What a classified scan points at. `choose` when more than one application holds the scanned agency reference
 * (two customers' documents from an agency whose references repeat, a re-application): the desk is shown them and
 * picks one, since guessing would shelve or hand over the wrong person's document.
 */
export type ScanLookup =
  | { kind: 'found'; app: ApplicationRow }
  | { kind: 'choose'; ref: string; apps: ApplicationRow[] }
  | { kind: 'none' }

/**
 * The one look-up behind arrivals, hand-over and the shelf audit: by our tracking number, else by the agency's
 * reference as stored, whatever the service's pattern (an indexed look-up on `applications.agency_ref`). A 12-digit
 * code is tried as an agency reference too when no application has it as a tracking number, or when its check digit
 * is wrong, so an agency whose references are 12 digits is still found.
 */
export function lookupScan(store: Store, c: ScanClass): ScanLookup {
  if (c.kind === 'tracking') {
    const app = store.applications.byTracking(c.trackingNumber)
    return app ? { kind: 'found', app } : byAgencyRef(store, c.trackingNumber)
  }
  if (c.kind === 'agency-ref' || c.kind === 'tracking-invalid') return byAgencyRef(store, c.ref)
  return { kind: 'none' }
}

function byAgencyRef(store: Store, ref: string): ScanLookup {
  const apps = store.applications.sharingAgencyRef(ref)
  const first = apps[0]
  if (first === undefined) return { kind: 'none' }
  return apps.length === 1 ? { kind: 'found', app: first } : { kind: 'choose', ref, apps }
}

/**
 * A name shown only as much as tells two people apart at the desk: the first two letters of each part and a fixed
 * run of dots ('Wanjiku Kamau' → 'Wa••• Ka•••'), so a queue looking at the screen does not read it.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '')
    .map((p) => {
      const letters = [...p]
      return letters.length <= 2 ? letters.join('') : `${letters.slice(0, 2).join('')}•••`
    })
    .join(' ')
}

/** What the desk sees of one application it must choose between. */
export function scanCandidate(store: Store, a: ApplicationRow): ScanCandidate {
  return {
    trackingNumber: a.tracking_number,
    serviceCode: a.service_code,
    serviceName: store.services.byCode(a.service_code)?.nameEn ?? a.service_code,
    maskedName: maskName(a.customer_name),
    status: a.status,
    shelfSlot: a.shelf_slot,
    registeredAt: a.registered_at,
  }
}
