import { Checkbox, Table } from '@mantine/core'
import type { ReturnCandidate } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { formatDay, plural } from '../../ui/format'

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
  const all = items.length > 0 && items.every((i) => selected.has(i.trackingNumber))
  const some = items.some((i) => selected.has(i.trackingNumber))
  return (
    <Table striped highlightOnHover verticalSpacing={4} fz="md" aria-label="Documents to return">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={44}>
            <Checkbox
              aria-label="Select all"
              checked={all}
              indeterminate={some && !all}
              onChange={onToggleAll}
              size="md"
            />
          </Table.Th>
          <Table.Th w={170}>Tracking number</Table.Th>
          <Table.Th>Service</Table.Th>
          {showAgency && <Table.Th>Agency</Table.Th>}
          <Table.Th>Customer</Table.Th>
          <Table.Th w={100}>Slot</Table.Th>
          <Table.Th w={150}>Collect by</Table.Th>
          <Table.Th w={110}>Overdue</Table.Th>
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
                aria-label={`Select ${formatTrackingNumber(i.trackingNumber)}`}
                checked={selected.has(i.trackingNumber)}
                onChange={() => onToggle(i.trackingNumber)}
                size="md"
              />
            </Table.Td>
            <Table.Td ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {formatTrackingNumber(i.trackingNumber)}
            </Table.Td>
            <Table.Td>{i.serviceName}</Table.Td>
            {showAgency && <Table.Td>{i.agency}</Table.Td>}
            <Table.Td>{i.customerName}</Table.Td>
            <Table.Td ff="monospace">{i.shelfSlot ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(i.collectBy)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{plural(i.daysOverdue, 'day')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
