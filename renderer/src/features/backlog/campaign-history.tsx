import { Badge, Table, Text } from '@mantine/core'
import type { CampaignSummary } from '../../../../common/contract'
import { formatDateTime, plural } from '../../ui/format'
import { kes } from './campaign-preview-panel'

/** Campaigns run from this workstation: criteria, counts, who and when, and how far the sending has got. */
export function CampaignHistory({ campaigns }: { campaigns: CampaignSummary[] }) {
  if (campaigns.length === 0) return <Text c="dimmed">No campaigns yet.</Text>
  return (
    <Table striped verticalSpacing={4} fz="md" aria-label="Past campaigns">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>No.</Table.Th>
          <Table.Th w={190}>When</Table.Th>
          <Table.Th w={90}>By</Table.Th>
          <Table.Th>Chosen</Table.Th>
          <Table.Th w={110}>Recipients</Table.Th>
          <Table.Th w={120}>Cost</Table.Th>
          <Table.Th w={200}>Progress</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {campaigns.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.id}</Table.Td>
            <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
            <Table.Td ff="monospace">{c.createdBy}</Table.Td>
            <Table.Td>
              ≥ {plural(c.criteria.minDaysOnShelf, 'day')} on shelf
              {c.criteria.serviceCodes.length > 0
                ? `, ${c.criteria.serviceCodes.join(', ')}`
                : ', all services'}
              , not reminded for {plural(c.criteria.lastReminderOlderThanDays, 'day')}
            </Table.Td>
            <Table.Td>{c.recipients.toLocaleString('en-KE')}</Table.Td>
            <Table.Td>{kes(c.costKes)}</Table.Td>
            <Table.Td>
              {c.dryRun ? (
                <Badge color="gray" size="lg">
                  Dry run
                </Badge>
              ) : (
                <Badge color={c.scheduled > 0 ? 'blue' : 'green'} size="lg" variant="light">
                  {c.sent} sent{c.scheduled > 0 ? `, ${c.scheduled} waiting` : ''}
                  {c.skipped > 0 ? `, ${c.skipped} skipped` : ''}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
