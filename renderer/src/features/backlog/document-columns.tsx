import { Text } from '@mantine/core'
import { SMS_OUTCOME_LABELS } from '../../../../common/backlog-age'
import type { SmsOutcome } from '../../../../common/contract'
import { TrackingNumber } from '../../ui/tracking-number'
import type { CsvColumn } from './export-button'
import type { Column } from './paged-table'

/** What every backlog list row says of its document and customer. */
interface DocumentRow {
  trackingNumber: string
  customerName: string
  phone: string
  serviceName: string
}

export const SMS_COLOR: Record<SmsOutcome, string> = {
  delivered: 'green',
  pending: 'gray',
  failed: 'red',
  'invalid-number': 'orange',
  'never-sent': 'yellow',
}

/** The first columns of every backlog list on screen; the call list shows the phone in bold, to be read out. */
export function documentColumns<T extends DocumentRow>(opts: { boldPhone?: boolean } = {}): Column<T>[] {
  return [
    { header: 'Tracking number', cell: (r) => <TrackingNumber value={r.trackingNumber} fz="md" /> },
    { header: 'Customer', cell: (r) => r.customerName },
    { header: 'Phone', cell: (r) => r.phone, ...(opts.boldPhone ? { td: () => ({ fw: 700 }) } : {}) },
    { header: 'Service', cell: (r) => r.serviceName },
  ]
}

/** The first columns of every backlog list's CSV file. */
export function documentCsvColumns<T extends DocumentRow>(): CsvColumn<T>[] {
  return [
    { header: 'Tracking number', value: (r) => r.trackingNumber },
    { header: 'Customer', value: (r) => r.customerName },
    { header: 'Phone', value: (r) => r.phone },
    { header: 'Service', value: (r) => r.serviceName },
  ]
}

/** The shelf slot, bold and never wrapped, so a row can be found on the shelf. */
export function slotColumn<T extends { slot: string | null }>(): Column<T> {
  return {
    header: 'Slot',
    cell: (r) => r.slot ?? '—',
    td: () => ({ fw: 700, style: { whiteSpace: 'nowrap' } }),
  }
}

/** How the ready SMS went, in its colour. */
export function smsColumn<T extends { sms: SmsOutcome }>(): Column<T> {
  return {
    header: 'SMS',
    cell: (r) => (
      <Text fz="md" fw={700} c={`${SMS_COLOR[r.sms]}.9`}>
        {SMS_OUTCOME_LABELS[r.sms]}
      </Text>
    ),
  }
}
