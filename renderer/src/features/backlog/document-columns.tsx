import { Text } from '@mantine/core'
import type { SmsOutcome } from '../../../../common/contract'
import { formatKenyanMobile } from '../../../../common/phone'
import { i18n } from '../../i18n/instance'
import { serviceLabel } from '../../ui/service-names'
import { TrackingNumber } from '../../ui/tracking-number'
import type { CsvColumn } from './export-button'
import { smsOutcomeLabel } from './labels'
import type { Column } from './paged-table'

/** What every backlog list row says of its document and customer. */
interface DocumentRow {
  trackingNumber: string
  customerName: string
  phone: string
  serviceCode: string
  serviceName: string
}

export const SMS_COLOR: Record<SmsOutcome, string> = {
  delivered: 'green',
  pending: 'gray',
  failed: 'red',
  'invalid-number': 'orange',
  'never-sent': 'yellow',
}

/**
 * The first columns of every backlog list on screen; the call list shows the phone in bold, to be read out. Made at
 * each render, so the headings and service names follow the window's language (the list's component takes the
 * service names with useServiceLabel, so it renders again when they arrive).
 */
export function documentColumns<T extends DocumentRow>(opts: { boldPhone?: boolean } = {}): Column<T>[] {
  return [
    {
      header: i18n.t('backlog.columns.trackingNumber'),
      cell: (r) => <TrackingNumber value={r.trackingNumber} fz="md" />,
    },
    { header: i18n.t('backlog.columns.customer'), cell: (r) => r.customerName },
    {
      header: i18n.t('backlog.columns.phone'),
      cell: (r) => formatKenyanMobile(r.phone),
      ...(opts.boldPhone ? { td: () => ({ fw: 700 }) } : {}),
    },
    { header: i18n.t('backlog.columns.service'), cell: (r) => serviceLabel(r.serviceCode, r.serviceName) },
  ]
}

/** The first columns of every backlog list's CSV file, in the language of the manager who saves it. */
export function documentCsvColumns<T extends DocumentRow>(): CsvColumn<T>[] {
  return [
    { header: i18n.t('backlog.columns.trackingNumber'), value: (r) => r.trackingNumber },
    { header: i18n.t('backlog.columns.customer'), value: (r) => r.customerName },
    { header: i18n.t('backlog.columns.phone'), value: (r) => r.phone },
    { header: i18n.t('backlog.columns.service'), value: (r) => serviceLabel(r.serviceCode, r.serviceName) },
  ]
}

/** The shelf slot, bold and never wrapped, so a row can be found on the shelf. */
export function slotColumn<T extends { slot: string | null }>(): Column<T> {
  return {
    header: i18n.t('backlog.columns.slot'),
    cell: (r) => r.slot ?? '—',
    td: () => ({ fw: 700, style: { whiteSpace: 'nowrap' } }),
  }
}

/** How the ready SMS went, in its colour. */
export function smsColumn<T extends { sms: SmsOutcome }>(): Column<T> {
  return {
    header: i18n.t('backlog.columns.sms'),
    cell: (r) => (
      <Text fz="md" fw={700} c={`${SMS_COLOR[r.sms]}.9`}>
        {smsOutcomeLabel(r.sms)}
      </Text>
    ),
  }
}
