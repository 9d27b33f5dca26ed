import { Checkbox, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReturnCandidate } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { formatDay, formatNumber } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'

/** Documents past their retention period, with a tick box each (Space toggles the focused one). */
export function ReturnDueTable({
  items,
  selected,
  onToggle,
  onToggleAll,
  showAgency,
}: {
  items: ReturnCandidate[]
  selected: ReadonlySet<string>
  onToggle: (tn: string) => void
  onToggleAll: () => void
  showAgency: boolean
}) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const all = items.length > 0 && items.every((i) => selected.has(i.trackingNumber))
  const some = items.some((i) => selected.has(i.trackingNumber))
  return (
    <Table striped highlightOnHover verticalSpacing={4} fz="md" aria-label={t('backlog.returns.dueTable')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={44}>
            <Checkbox
              aria-label={t('backlog.returns.selectAll')}
              checked={all}
              indeterminate={some && !all}
              onChange={onToggleAll}
              size="md"
            />
          </Table.Th>
          <Table.Th w={170}>{t('backlog.columns.trackingNumber')}</Table.Th>
          <Table.Th>{t('backlog.columns.service')}</Table.Th>
          {showAgency && <Table.Th>{t('backlog.columns.agency')}</Table.Th>}
          <Table.Th>{t('backlog.columns.customer')}</Table.Th>
          <Table.Th w={100}>{t('backlog.columns.slot')}</Table.Th>
          <Table.Th w={150}>{t('backlog.columns.collectBy')}</Table.Th>
          <Table.Th w={110}>{t('backlog.returns.overdue')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr
            key={i.trackingNumber}
            onClick={() => onToggle(i.trackingNumber)}
            style={{ cursor: 'pointer' }}
          >
            <Table.Td onClick={(e) => e.stopPropagation()}>
              <Checkbox
                aria-label={t('backlog.returns.select', {
                  trackingNumber: formatTrackingNumber(i.trackingNumber),
                })}
                checked={selected.has(i.trackingNumber)}
                onChange={() => onToggle(i.trackingNumber)}
                size="md"
              />
            </Table.Td>
            <Table.Td ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {formatTrackingNumber(i.trackingNumber)}
            </Table.Td>
            <Table.Td>{serviceLabel(i.serviceCode, i.serviceName)}</Table.Td>
            {showAgency && <Table.Td>{i.agency}</Table.Td>}
            <Table.Td>{i.customerName}</Table.Td>
            <Table.Td ff="monospace">{i.shelfSlot ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(i.collectBy)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('backlog.days', { count: i.daysOverdue, n: formatNumber(i.daysOverdue) })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
