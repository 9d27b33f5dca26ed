import type { ScanClass } from '../../common/scan-classify'
import type { ApplicationRow } from '../db/queries/applications'
import type { Store } from '../db/store'

/** The application a classified scan points at: by our tracking number, or by the agency's reference. */
export function applicationForScan(store: Store, c: ScanClass): ApplicationRow | null {
  if (c.kind === 'tracking') return store.applications.byTracking(c.trackingNumber)
  if (c.kind === 'agency-ref') return store.applications.firstByAgencyRef(c.ref)
  return null
}
