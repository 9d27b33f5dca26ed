import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OverdueDocument, OverdueSummary } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { i18n } from '../../i18n/instance'
import { formatDay, formatNumber } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { BreakdownTable } from './breakdown-table'
import { downloadCsv } from './csv-export'
import { documentColumns, documentCsvColumns } from './document-columns'
import { CsvButton, ListExportButton, type CsvColumn } from './export-button'
import { PagedTable, type Column } from './paged-table'
import { usePagedList } from './use-paged-list'

const PAGE_SIZE = 25
type Filter = { agency?: string; serviceCode?: string }

const columns = (): Column<OverdueDocument>[] => [
  ...documentColumns<OverdueDocument>(),
  { header: i18n.t('backlog.columns.expectedReady'), cell: (r) => formatDay(r.expectedReady) },
  {
    header: i18n.t('backlog.columns.daysOverdue'),
    align: 'right',
    cell: (r) => r.daysOverdue,
    td: (r) => ({ fw: 700, c: r.daysOverdue > 30 ? 'red.8' : undefined }),
  },
]

const csvColumns = (): CsvColumn<OverdueDocument>[] => [
  ...documentCsvColumns<OverdueDocument>(),
  { header: i18n.t('backlog.columns.agency'), value: (r) => r.agency },
  { header: i18n.t('backlog.columns.registered'), value: (r) => nairobiDate(r.registeredAt) },
  { header: i18n.t('backlog.columns.expectedReady'), value: (r) => r.expectedReady },
  { header: i18n.t('backlog.columns.daysOverdue'), value: (r) => r.daysOverdue },
]

/** Registered, not yet back from the agency, past the expected-ready date: by agency and service, and the list. */
export function OverdueTab() {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
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
  if (!summary) return <Text fz="lg">{t('backlog.counting')}</Text>

  const exportSummary = () =>
    downloadCsv(
      `overdue-summary-${summary.today}.csv`,
      [
        t('backlog.columns.agency'),
        t('backlog.columns.service'),
        t('backlog.overdue.csv.documents'),
        t('backlog.overdue.csv.oldestExpectedReady'),
      ],
      [
        ...summary.byAgency.map((a) => [
          a.agency,
          t('backlog.overdue.csv.allServices'),
          a.count,
          a.oldestExpectedReady,
        ]),
        ...summary.byService.map((s) => [
          s.agency,
          serviceLabel(s.serviceCode, s.serviceName),
          s.count,
          s.oldestExpectedReady,
        ]),
      ],
    )

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} fz={30}>
          {t('backlog.overdue.title', { count: summary.total, n: formatNumber(summary.total) })}
        </Title>
        <CsvButton label={t('backlog.export.figures')} onClick={exportSummary} />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <BreakdownTable
          title={t('backlog.overdue.byAgency')}
          label={t('backlog.overdue.byAgencyTable')}
          column={t('backlog.columns.agency')}
          oldestHeader={t('backlog.overdue.oldestDue')}
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
          title={t('backlog.overdue.byService')}
          label={t('backlog.overdue.byServiceTable')}
          column={t('backlog.columns.service')}
          oldestHeader={t('backlog.overdue.oldestDue')}
          rows={summary.byService.map((s) => ({
            key: s.serviceCode,
            label: serviceLabel(s.serviceCode, s.serviceName),
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
            {t('backlog.overdue.listTitle', {
              what:
                filter.agency ??
                (filter.serviceCode
                  ? serviceLabel(
                      filter.serviceCode,
                      summary.byService.find((s) => s.serviceCode === filter.serviceCode)?.serviceName ??
                        filter.serviceCode,
                    )
                  : null) ??
                t('backlog.overdue.allAgencies'),
            })}
          </Text>
          <Group>
            {(filter.agency || filter.serviceCode) && (
              <Button variant="default" size="md" onClick={() => setFilter({})}>
                {t('backlog.overdue.showAll')}
              </Button>
            )}
            <ListExportButton
              title={t('backlog.overdue.exportTitle')}
              fileName={() => `overdue-at-agency-${summary.today}.csv`}
              columns={csvColumns}
              fetchAll={(pin) => api.call('overdue.export', { ...filter, pin }).then((r) => r.rows)}
            />
          </Group>
        </Group>
        <PagedTable label={t('backlog.overdue.table')} columns={columns()} list={list} pageSize={PAGE_SIZE} />
      </Paper>
    </Stack>
  )
}
