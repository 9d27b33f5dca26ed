import { Badge, Button, Table, Text } from '@mantine/core'
import type { ReturnManifestSummary } from '../../../../common/contract'
import { formatDateTime } from '../../ui/format'

const COLOR = { open: 'blue', confirmed: 'green', cancelled: 'gray' } as const
const LABEL = { open: 'Open', confirmed: 'Returned', cancelled: 'Cancelled' } as const

/** Recent return manifests; an open one is reopened to print again or confirm. */
export function ReturnManifestList({
  manifests,
  onOpen,
}: {
  manifests: ReturnManifestSummary[]
  onOpen: (id: number) => void
}) {
  if (manifests.length === 0) return <Text c="dimmed">No return manifests yet.</Text>
  return (
    <Table striped verticalSpacing={4} fz="md" aria-label="Return manifests">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>No.</Table.Th>
          <Table.Th>Agency</Table.Th>
          <Table.Th w={110}>Documents</Table.Th>
          <Table.Th w={190}>Prepared</Table.Th>
          <Table.Th w={130}>Status</Table.Th>
          <Table.Th w={100} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {manifests.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{m.id}</Table.Td>
            <Table.Td>{m.agency}</Table.Td>
            <Table.Td>{m.documents}</Table.Td>
            <Table.Td>
              {formatDateTime(m.createdAt)} · {m.createdBy}
            </Table.Td>
            <Table.Td>
              <Badge color={COLOR[m.status]} variant="light" size="lg">
                {LABEL[m.status]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Button size="xs" variant="default" onClick={() => onOpen(m.id)}>
                Open
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
