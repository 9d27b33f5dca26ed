import type { ReturnManifest } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { downloadCsv, type CsvRow } from './csv-export'

const MANIFEST_CSV_HEADER = [
  'No.',
  'Tracking number',
  'Agency reference',
  'Service',
  'Customer',
  'Shelf slot',
  'Arrived',
  'Collect by',
  'Outcome',
] as const

/** The manifest's documents (one row per document) for the agency's own records; dates on the Nairobi calendar. */
export function manifestRows(m: ReturnManifest): CsvRow[] {
  return m.items.map((i, n) => [
    n + 1,
    formatTrackingNumber(i.trackingNumber),
    i.agencyRef,
    i.serviceName,
    i.customerName,
    i.shelfSlot,
    nairobiDate(i.arrivedAt),
    i.collectBy,
    i.outcome ?? (m.status === 'open' ? 'to return' : m.status),
  ])
}

export function downloadManifestCsv(m: ReturnManifest): void {
  downloadCsv(`return-manifest-${m.centreNumber}-${m.id}.csv`, MANIFEST_CSV_HEADER, manifestRows(m))
}
