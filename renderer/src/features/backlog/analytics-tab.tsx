import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StageStats, TrendReport, TurnaroundReport, TurnaroundRow } from '../../../../common/contract'
import { api } from '../../api/client'
import { formatDay, formatNumber } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { downloadCsv } from './csv-export'
import { PeriodPicker, periodChoice, type PeriodChoice } from './period-picker'
import { TrendCharts } from './trend-charts'

const days = (n: number | null) => (n === null ? '—' : String(n))
const rate = (r: number | null) => (r === null ? '—' : `${formatNumber(Math.round(r * 1000) / 10, 1)}%`)

/**
 * A row's service in the window's language; the total row (the core's 'ALL', named 'All services' in English) in
 * words of the window's language too.
 */
function useRowName(): (r: TurnaroundRow, total: boolean) => string {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  return (r, total) =>
    total ? t('backlog.overdue.csv.allServices') : serviceLabel(r.serviceCode, r.serviceName)
}

/**
 * Turnaround split by stage per service (median and 90th percentile in days), the 30-day collection rate, and
 * daily or weekly trends for a period the manager picks.
 */
export function AnalyticsTab() {
  const { t } = useTranslation()
  const rowName = useRowName()
  const [choice, setChoice] = useState(() => periodChoice('90'))
  const period = useMemo(() => ({ from: choice.from, to: choice.to }), [choice.from, choice.to])
  const [granularity, setGranularity] = useState<'day' | 'week'>('day')
  const [report, setReport] = useState<TurnaroundReport | null>(null)
  const [trends, setTrends] = useState<TrendReport | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    Promise.all([
      api.call('analytics.turnaround', period),
      api.call('analytics.trends', { ...period, granularity }),
    ]).then(
      ([r, t]) => {
        if (!live) return
        setReport(r)
        setTrends(t)
        setError(null)
      },
      (e: Error) => live && setError(e.message),
    )
    return () => {
      live = false
    }
  }, [period, granularity])

  const choose = (next: PeriodChoice) => {
    // Custom starts from the period shown, so it keeps that period's granularity too.
    if (next.preset !== choice.preset && next.preset !== 'custom')
      setGranularity(Number(next.preset) > 120 ? 'week' : 'day')
    setChoice(next)
  }

  const exportCsv = () => {
    if (!report) return
    const line = (r: TurnaroundRow) => [
      rowName(r, r === report.total),
      r.agency.count,
      r.agency.medianDays,
      r.agency.p90Days,
      r.customer.count,
      r.customer.medianDays,
      r.customer.p90Days,
      r.cohortArrived,
      r.collectedWithin30,
      r.collectionRate === null ? '' : Math.round(r.collectionRate * 1000) / 10,
    ]
    downloadCsv(
      `turnaround-${report.from}-to-${report.to}.csv`,
      [
        t('backlog.columns.service'),
        t('backlog.analytics.csv.arrived'),
        t('backlog.analytics.csv.agencyMedian'),
        t('backlog.analytics.csv.agencyP90'),
        t('backlog.analytics.csv.collected'),
        t('backlog.analytics.csv.customerMedian'),
        t('backlog.analytics.csv.customerP90'),
        t('backlog.analytics.csv.arrivedBy', { date: report.cohortTo }),
        t('backlog.analytics.csv.collectedWithin30'),
        t('backlog.analytics.csv.collectionRate'),
      ],
      [...report.services.map(line), line(report.total)],
    )
  }
  const exportTrends = () => {
    if (!trends) return
    downloadCsv(
      `trends-${trends.granularity}-${trends.from}-to-${trends.to}.csv`,
      [
        t('backlog.analytics.csv.start'),
        t('backlog.analytics.csv.arrived'),
        t('backlog.analytics.csv.collected'),
        t('backlog.analytics.csv.averageAgency'),
        t('backlog.analytics.csv.averageCustomer'),
      ],
      trends.points.map((p) => [p.start, p.arrived, p.collected, p.agencyAvgDays, p.customerAvgDays]),
    )
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <PeriodPicker value={choice} onChange={choose} />
          <SegmentedControl
            size="md"
            value={granularity}
            onChange={(v) => setGranularity(v as 'day' | 'week')}
            data={[
              { value: 'day', label: t('backlog.analytics.perDay') },
              { value: 'week', label: t('backlog.analytics.perWeek') },
            ]}
            aria-label={t('backlog.analytics.granularity')}
          />
        </Group>
        <Group>
          <Button variant="light" size="md" leftSection={<IconDownload size={18} />} onClick={exportCsv}>
            {t('backlog.analytics.exportTurnaround')}
          </Button>
          <Button variant="light" size="md" leftSection={<IconDownload size={18} />} onClick={exportTrends}>
            {t('backlog.analytics.exportTrends')}
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {report && (
        <Paper withBorder p="sm" radius="md">
          <Text fz="xl" fw={700}>
            {t('backlog.analytics.title', { from: formatDay(report.from), to: formatDay(report.to) })}
          </Text>
          <Text fz="md" c="dark.4" mb="xs">
            {t('backlog.analytics.explain', { date: formatDay(report.cohortTo) })}
          </Text>
          <Table fz="md" verticalSpacing={4} striped aria-label={t('backlog.analytics.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backlog.columns.service')}</Table.Th>
                <Table.Th ta="right">{t('backlog.analytics.arrived')}</Table.Th>
                <Table.Th ta="right">{t('backlog.analytics.agencyMedian')}</Table.Th>
                <Table.Th ta="right">{t('backlog.analytics.agencyP90')}</Table.Th>
                <Table.Th ta="right">{t('backlog.analytics.collected')}</Table.Th>
                <Table.Th ta="right">{t('backlog.analytics.customerMedian')}</Table.Th>
                <Table.Th ta="right">{t('backlog.analytics.customerP90')}</Table.Th>
                <Table.Th ta="right">{t('backlog.analytics.collectedWithin30')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...report.services, report.total].map((r) => (
                <Row key={r.serviceCode} r={r} total={r === report.total} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {trends && <TrendCharts report={trends} />}
    </Stack>
  )
}

function Row({ r, total }: { r: TurnaroundRow; total: boolean }) {
  const { t } = useTranslation()
  const rowName = useRowName()
  const stat = (s: StageStats, k: 'medianDays' | 'p90Days') =>
    s[k] === null ? '—' : t('backlog.analytics.days', { days: days(s[k]) })
  return (
    <Table.Tr fw={total ? 800 : undefined}>
      <Table.Td>{rowName(r, total)}</Table.Td>
      <Table.Td ta="right">{formatNumber(r.agency.count)}</Table.Td>
      <Table.Td ta="right">{stat(r.agency, 'medianDays')}</Table.Td>
      <Table.Td ta="right">{stat(r.agency, 'p90Days')}</Table.Td>
      <Table.Td ta="right">{formatNumber(r.customer.count)}</Table.Td>
      <Table.Td ta="right">{stat(r.customer, 'medianDays')}</Table.Td>
      <Table.Td ta="right">{stat(r.customer, 'p90Days')}</Table.Td>
      <Table.Td ta="right">{rate(r.collectionRate)}</Table.Td>
    </Table.Tr>
  )
}
