import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { OverdueDocument, OverdueSummary } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { formatDay, plural } from '../../ui/format'
import { BreakdownTable } from './breakdown-table'
import { downloadCsv } from './csv-export'
import { documentColumns, documentCsvColumns } from './document-columns'
import { CsvButton, ListExportButton, type CsvColumn } from './export-button'
import { PagedTable, type Column } from './paged-table'
import { usePagedList } from './use-paged-list'

const PAGE_SIZE = 25
type Filter = { agency?: string; serviceCode?: string }

const COLUMNS: Column<OverdueDocument>[] = [
  ...documentColumns<OverdueDocument>(),
  { header: 'Expected ready', cell: (r) => formatDay(r.expectedReady) },
  {
    header: 'Days overdue',
    align: 'right',
    cell: (r) => r.daysOverdue,
    td: (r) => ({ fw: 700, c: r.daysOverdue > 30 ? 'red.8' : undefined }),
  },
]

const CSV: CsvColumn<OverdueDocument>[] = [
  ...documentCsvColumns<OverdueDocument>(),
  { header: 'Agency', value: (r) => r.agency },
  { header: 'Registered', value: (r) => nairobiDate(r.registeredAt) },
  { header: 'Expected ready', value: (r) => r.expectedReady },
  { header: 'Days overdue', value: (r) => r.daysOverdue },
]

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
        <CsvButton label="Export figures (CSV)" onClick={exportSummary} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <BreakdownTable
          title="By agency"
          label="Overdue by agency"
          column="Agency"
          oldestHeader="Oldest due"
          rows={summary.byAgency.map((a) => ({
            key: a.agency,
            label: a.agency,
            count: a.count,
            oldest: formatDay(a.oldestExpectedReady),
            selected: filter.agency === a.agency,
            open: () => setFilter({ agency: a.agency }),
          }))}
        />
        <BreakdownTable
          title="By service"
          label="Overdue by service"
          column="Service"
          oldestHeader="Oldest due"
          rows={summary.byService.map((s) => ({
            key: s.serviceCode,
            label: s.serviceName,
            count: s.count,
            oldest: formatDay(s.oldestExpectedReady),
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
            <ListExportButton
              title="Export the overdue list"
              fileName={() => `overdue-at-agency-${summary.today}.csv`}
              columns={CSV}
              fetchAll={(pin) => api.call('overdue.export', { ...filter, pin }).then((r) => r.rows)}
            />
          </Group>
        </Group>
        <PagedTable label="Overdue documents" columns={COLUMNS} list={list} pageSize={PAGE_SIZE} />
      </Paper>
    </Stack>
  )
}
