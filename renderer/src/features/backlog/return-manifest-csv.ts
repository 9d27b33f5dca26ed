import type { ReturnManifest } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'

/** A cell as CSV: quoted when it must be, and never read by a spreadsheet as a formula (=, +, -, @ at the start). */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The manifest's documents as CSV (one row per document) for the agency's own records. */
export function manifestCsv(m: ReturnManifest): string {
  const header = [
    'No.',
    'Tracking number',
    'Agency reference',
    'Service',
    'Customer',
    'Shelf slot',
    'Arrived',
    'Collect by',
    'Outcome',
  ]
  const rows = m.items.map((i, n) => [
    n + 1,
    formatTrackingNumber(i.trackingNumber),
    i.agencyRef,
    i.serviceName,
    i.customerName,
    i.shelfSlot,
    new Date(i.arrivedAt).toISOString().slice(0, 10),
    i.collectBy,
    i.outcome ?? (m.status === 'open' ? 'to return' : m.status),
  ])
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

export function downloadManifestCsv(m: ReturnManifest): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([manifestCsv(m)], { type: 'text/csv;charset=utf-8' }))
  a.download = `return-manifest-${m.centreNumber}-${m.id}.csv`
  a.click()
  URL.revokeObjectURL(a.href)
}
