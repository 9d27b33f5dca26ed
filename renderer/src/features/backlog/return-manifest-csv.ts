import type { ReturnManifest } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { i18n } from '../../i18n/instance'
import { serviceLabel } from '../../ui/service-names'
import { downloadCsv, type CsvRow } from './csv-export'

/** The headings, in the manager's language when the file is saved. */
const manifestCsvHeader = (): string[] => [
  i18n.t('backlog.columns.number'),
  i18n.t('backlog.columns.trackingNumber'),
  i18n.t('backlog.manifestCsv.agencyReference'),
  i18n.t('backlog.columns.service'),
  i18n.t('backlog.columns.customer'),
  i18n.t('backlog.manifestCsv.shelfSlot'),
  i18n.t('backlog.columns.arrived'),
  i18n.t('backlog.columns.collectBy'),
  i18n.t('backlog.manifest.outcome'),
]

/**
 * The manifest's documents (one row per document) for the agency's own records; dates on the Nairobi calendar,
 * service names in the manager's language.
 */
export function manifestRows(m: ReturnManifest): CsvRow[] {
  return m.items.map((i, n) => [
    n + 1,
    formatTrackingNumber(i.trackingNumber),
    i.agencyRef,
    serviceLabel(i.serviceCode, i.serviceName),
    i.customerName,
    i.shelfSlot,
    nairobiDate(i.arrivedAt),
    i.collectBy,
    i.outcome
      ? i18n.t(`backlog.manifestCsv.outcome.${i.outcome}`)
      : i18n.t(`backlog.manifestCsv.outcome.${m.status === 'open' ? 'toReturn' : m.status}`),
  ])
}

export function downloadManifestCsv(m: ReturnManifest): void {
  downloadCsv(`return-manifest-${m.centreNumber}-${m.id}.csv`, manifestCsvHeader(), manifestRows(m))
}
