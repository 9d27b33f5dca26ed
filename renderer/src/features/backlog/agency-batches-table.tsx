import { Table, Text } from '@mantine/core'
import type { BatchDiscrepancies } from '../../../../common/contract'

const n = (v: number) => v.toLocaleString('en')

/** What the manifests of the closed arrival batches missed, and what came without being on them. */
export function AgencyBatchesTable({ rows, label }: { rows: BatchDiscrepancies[]; label: string }) {
  if (rows.length === 0)
    return <Text fz="lg">No arrival batch was closed against a manifest in this period.</Text>
  return (
    <Table fz="md" verticalSpacing={4} striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Agency</Table.Th>
          <Table.Th ta="right">Batches</Table.Th>
          <Table.Th ta="right">On manifests</Table.Th>
          <Table.Th ta="right">Received</Table.Th>
          <Table.Th ta="right">Missing</Table.Th>
          <Table.Th ta="right">Unannounced</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((b) => (
          <Table.Tr key={b.agency}>
            <Table.Td>{b.agency}</Table.Td>
            <Table.Td ta="right">{n(b.batches)}</Table.Td>
            <Table.Td ta="right">{n(b.expected)}</Table.Td>
            <Table.Td ta="right">{n(b.received)}</Table.Td>
            <Table.Td ta="right" fw={b.missing > 0 ? 700 : undefined}>
              {n(b.missing)}
            </Table.Td>
            <Table.Td ta="right" fw={b.unannounced > 0 ? 700 : undefined}>
              {n(b.unannounced)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
