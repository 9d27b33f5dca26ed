import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { OverdueDocument, OverdueSummary } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { formatDay, plural } from '../../ui/format'
import { TrackingNumber } from '../../ui/tracking-number'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { downloadCsv } from './csv-export'
import { ListPager } from './cursor-pager'
import { usePagedList } from './use-paged-list'

const PAGE_SIZE = 25
type Filter = { agency?: string; serviceCode?: string }

/** Registered, not yet back from the agency, past the expected-ready date: by agency and service, and the list. */
export function OverdueTab() {
  const [summary, setSummary] = useState<OverdueSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [filter, setFilter] = useState<Filter>({})
  useEffect(() => {
    api.call('overdue.summary', {}).then(setSummary, (e: Error) => setError(e.message))
  }, [])
  const fetchPage = (cursor: string | undefined, limit = PAGE_SIZE) =>
    api.call('overdue.list', { ...filter, limit, ...(cursor ? { cursor } : {}) })
  const list = usePagedList<OverdueDocument>(JSON.stringify(filter), fetchPage)

  if (error) return <Alert color="red">{error}</Alert>
  if (!summary) return <Text fz="lg">Counting…</Text>

  const exportCsv = () =>
    confirmWithPin({
      title: 'Export the overdue list',
      run: async (pin) => {
        const { rows } = await api.call('overdue.export', { ...filter, pin })
        downloadCsv(
          `overdue-at-agency-${summary.today}.csv`,
          [
            'Tracking number',
            'Customer',
            'Phone',
            'Service',
            'Agency',
            'Registered',
            'Expected ready',
            'Days overdue',
          ],
          rows.map((r) => [
            r.trackingNumber,
            r.customerName,
            r.phone,
            r.serviceName,
            r.agency,
            nairobiDate(r.registeredAt),
            r.expectedReady,
            r.daysOverdue,
          ]),
        )
      },
    })
  const exportSummary = () =>
    downloadCsv(
      `overdue-summary-${summary.today}.csv`,
      ['Agency', 'Service', 'Documents', 'Oldest expected ready'],
      [
        ...summary.byAgency.map((a) => [a.agency, 'All services', a.count, a.oldestExpectedReady]),
        ...summary.byService.map((s) => [s.agency, s.serviceName, s.count, s.oldestExpectedReady]),
      ],
    )

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} fz={30}>
          {plural(summary.total, 'document')} overdue at the agency
        </Title>
        <Button variant="light" size="md" leftSection={<IconDownload size={18} />} onClick={exportSummary}>
          Export figures (CSV)
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Breakdown
          title="By agency"
          column="Agency"
          rows={summary.byAgency.map((a) => ({
            key: a.agency,
            label: a.agency,
            count: a.count,
            oldest: a.oldestExpectedReady,
            selected: filter.agency === a.agency,
            open: () => setFilter({ agency: a.agency }),
          }))}
        />
        <Breakdown
          title="By service"
          column="Service"
          rows={summary.byService.map((s) => ({
            key: s.serviceCode,
            label: s.serviceName,
            count: s.count,
            oldest: s.oldestExpectedReady,
            selected: filter.serviceCode === s.serviceCode,
            open: () => setFilter({ serviceCode: s.serviceCode }),
          }))}
        />
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Text fz={22} fw={700}>
            {filter.agency ??
              summary.byService.find((s) => s.serviceCode === filter.serviceCode)?.serviceName ??
              'All agencies'}
            , most overdue first
          </Text>
          <Group>
            {(filter.agency || filter.serviceCode) && (
              <Button variant="default" size="md" onClick={() => setFilter({})}>
                Show all
              </Button>
            )}
            <Button
              variant="light"
              size="md"
              leftSection={<IconDownload size={18} />}
              onClick={() => void exportCsv()}
            >
              Export CSV
            </Button>
          </Group>
        </Group>
        {list.error && <Alert color="red">{list.error}</Alert>}
        <Table striped fz="md" verticalSpacing={6} aria-label="Overdue documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tracking number</Table.Th>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th>Expected ready</Table.Th>
              <Table.Th ta="right">Days overdue</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.page?.rows.map((r) => (
              <Table.Tr key={r.trackingNumber}>
                <Table.Td>
                  <TrackingNumber value={r.trackingNumber} fz="md" />
                </Table.Td>
                <Table.Td>{r.customerName}</Table.Td>
                <Table.Td>{r.phone}</Table.Td>
                <Table.Td>{r.serviceName}</Table.Td>
                <Table.Td>{formatDay(r.expectedReady)}</Table.Td>
                <Table.Td ta="right" fw={700} c={r.daysOverdue > 30 ? 'red.8' : undefined}>
                  {r.daysOverdue}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ListPager list={list} pageSize={PAGE_SIZE} />
      </Paper>
    </Stack>
  )
}

interface BreakdownRow {
  key: string
  label: string
  count: number
  oldest: string
  selected: boolean
  open: () => void
}

/** One breakdown of the overdue documents (by agency, by service); a row's name opens its list below. */
function Breakdown({ title, column, rows }: { title: string; column: string; rows: BreakdownRow[] }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text fz="xl" fw={700}>
        {title}
      </Text>
      <Table fz="md" verticalSpacing={4} aria-label={`Overdue ${title.toLowerCase()}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{column}</Table.Th>
            <Table.Th ta="right">Documents</Table.Th>
            <Table.Th>Oldest due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} bg={r.selected ? 'blue.0' : undefined}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  fz="md"
                  fw={600}
                  ta="left"
                  aria-pressed={r.selected}
                  onClick={r.open}
                >
                  {r.label}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {r.count.toLocaleString('en')}
              </Table.Td>
              <Table.Td>{formatDay(r.oldest)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
