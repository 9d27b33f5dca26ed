import { Alert, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import type { StageStats, TrendReport, TurnaroundReport, TurnaroundRow } from '../../../../common/contract'
import { api } from '../../api/client'
import { formatDay } from '../../ui/format'
import { downloadCsv } from './csv-export'
import { PeriodPicker, periodChoice, type PeriodChoice } from './period-picker'
import { TrendCharts } from './trend-charts'

const days = (n: number | null) => (n === null ? '—' : String(n))
const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`)

/**
 * Turnaround split by stage per service (median and 90th percentile in days), the 30-day collection rate, and
 * daily or weekly trends for a period the manager picks.
 */
export function AnalyticsTab() {
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
      r.serviceName,
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
        'Service',
        'Arrived',
        'Agency median days',
        'Agency 90th percentile days',
        'Collected',
        'Customer median days',
        'Customer 90th percentile days',
        `Arrived by ${report.cohortTo}`,
        'Collected within 30 days',
        'Collection rate %',
      ],
      [...report.services.map(line), line(report.total)],
    )
  }
  const exportTrends = () => {
    if (!trends) return
    downloadCsv(
      `trends-${trends.granularity}-${trends.from}-to-${trends.to}.csv`,
      ['Start', 'Arrived', 'Collected', 'Average agency days', 'Average customer days'],
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
              { value: 'day', label: 'Per day' },
              { value: 'week', label: 'Per week' },
            ]}
            aria-label="Trend per day or week"
          />
        </Group>
        <Group>
          <Button variant="light" size="md" leftSection={<IconDownload size={18} />} onClick={exportCsv}>
            Export turnaround CSV
          </Button>
          <Button variant="light" size="md" leftSection={<IconDownload size={18} />} onClick={exportTrends}>
            Export trends CSV
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {report && (
        <Paper withBorder p="sm" radius="md">
          <Text fz="xl" fw={700}>
            Turnaround, {formatDay(report.from)} – {formatDay(report.to)}
          </Text>
          <Text fz="md" c="dark.4" mb="xs">
            Agency processing: registered → arrived, by arrival day. Customer delay: arrived → collected, by
            collection day. Collection rate: of the documents that arrived by {formatDay(report.cohortTo)},
            those collected within 30 days.
          </Text>
          <Table fz="md" verticalSpacing={4} striped aria-label="Turnaround by service">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Service</Table.Th>
                <Table.Th ta="right">Arrived</Table.Th>
                <Table.Th ta="right">Agency median</Table.Th>
                <Table.Th ta="right">Agency 90%</Table.Th>
                <Table.Th ta="right">Collected</Table.Th>
                <Table.Th ta="right">Customer median</Table.Th>
                <Table.Th ta="right">Customer 90%</Table.Th>
                <Table.Th ta="right">Collected ≤ 30 days</Table.Th>
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
  const stat = (s: StageStats, k: 'medianDays' | 'p90Days') => (s[k] === null ? '—' : `${days(s[k])} d`)
  return (
    <Table.Tr fw={total ? 800 : undefined}>
      <Table.Td>{r.serviceName}</Table.Td>
      <Table.Td ta="right">{r.agency.count.toLocaleString('en')}</Table.Td>
      <Table.Td ta="right">{stat(r.agency, 'medianDays')}</Table.Td>
      <Table.Td ta="right">{stat(r.agency, 'p90Days')}</Table.Td>
      <Table.Td ta="right">{r.customer.count.toLocaleString('en')}</Table.Td>
      <Table.Td ta="right">{stat(r.customer, 'medianDays')}</Table.Td>
      <Table.Td ta="right">{stat(r.customer, 'p90Days')}</Table.Td>
      <Table.Td ta="right">{rate(r.collectionRate)}</Table.Td>
    </Table.Tr>
  )
}
