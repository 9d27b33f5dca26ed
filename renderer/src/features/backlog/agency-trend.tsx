import { Alert, Group, Paper, ScrollArea, SegmentedControl, Select, Table, Text } from '@mantine/core'
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { useTranslation } from 'react-i18next'
import type { AgencyTrendReport } from '../../../../common/contract'
import { formatDate, formatDay, formatNumber } from '../../ui/format'
import { uiLanguage } from '../../i18n/instance'
import { formatDaysLate, formatRate, ratePercent } from './agency-format'

const AXIS = { fontSize: 14 }
/** The Select's value for every agency: an agency's name has at least 2 characters. */
export const ALL_AGENCIES = '*'

/** `Mar 2027` / `Mac 2027`: the month a point starts, in the window's language. */
const formatMonth = (isoDate: string) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString(uiLanguage() === 'sw' ? 'sw-KE' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })

/**
 * The on-time rate and the median days late per week or month, for one agency or all: a chart, and the same points
 * as a table for anyone who cannot read the chart (and for exact figures).
 */
export function AgencyTrend({
  trend,
  error,
  agencies,
  agency,
  granularity,
  onAgency,
  onGranularity,
}: {
  trend: AgencyTrendReport | null
  error: string | null
  agencies: string[]
  agency: string
  granularity: 'week' | 'month'
  onAgency: (agency: string) => void
  onGranularity: (g: 'week' | 'month') => void
}) {
  const { t } = useTranslation()
  // What the points on screen are for: the last answer, until the one asked for arrives.
  const shown = trend?.granularity ?? granularity
  const who =
    (trend ? trend.agency : agency === ALL_AGENCIES ? null : agency) ?? t('agencies.trend.allAgencies')
  const data = (trend?.points ?? []).map((p) => ({
    start: p.start,
    onTimePct: ratePercent(p.onTimeRate),
    medianDaysLate: p.medianDaysLate,
  }))
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap">
        <Text fz="xl" fw={700}>
          {shown === 'week'
            ? t('agencies.trend.titleWeek', { who })
            : t('agencies.trend.titleMonth', { who })}
        </Text>
        <Group align="flex-end">
          <Select
            size="md"
            w={300}
            label={t('backlog.columns.agency')}
            allowDeselect={false}
            value={agency}
            onChange={(v) => onAgency(v ?? ALL_AGENCIES)}
            data={[
              { value: ALL_AGENCIES, label: t('backlog.overdue.allAgencies') },
              ...agencies.map((a) => ({ value: a, label: a })),
            ]}
          />
          <SegmentedControl
            size="md"
            value={granularity}
            onChange={(v) => onGranularity(v as 'week' | 'month')}
            data={[
              { value: 'week', label: t('backlog.analytics.perWeek') },
              { value: 'month', label: t('agencies.trend.perMonth') },
            ]}
            aria-label={t('agencies.trend.granularity')}
          />
        </Group>
      </Group>
      {error ? (
        <Alert color="red">{error}</Alert>
      ) : !trend ? (
        <Text fz="lg">{t('backlog.counting')}</Text>
      ) : (
        <Group align="flex-start" wrap="nowrap" gap="md">
          <div style={{ flex: 3, minWidth: 0 }} aria-hidden>
            <ResponsiveContainer width="100%" height={280}>
              {/* Hidden from assistive technology (the table beside it says the same), so not focusable either. */}
              <ComposedChart
                data={data}
                margin={{ left: 8, right: 16, top: 8, bottom: 8 }}
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="start" tick={AXIS} minTickGap={24} tickFormatter={formatDate} />
                <YAxis yAxisId="rate" tick={AXIS} domain={[0, 100]} unit="%" />
                <YAxis
                  yAxisId="days"
                  orientation="right"
                  tick={AXIS}
                  unit={t('backlog.trends.dayUnit')}
                  allowDecimals={false}
                />
                <Tooltip labelFormatter={(start) => formatDate(String(start))} />
                <Legend wrapperStyle={{ fontSize: 16 }} />
                <Bar
                  yAxisId="days"
                  dataKey="medianDaysLate"
                  name={t('agencies.trend.medianSeries')}
                  fill="#ffa94d"
                  isAnimationActive={false}
                />
                <Line
                  yAxisId="rate"
                  type="monotone"
                  dataKey="onTimePct"
                  name={t('agencies.trend.onTimeSeries')}
                  stroke="#1c7ed6"
                  strokeWidth={3}
                  dot
                  connectNulls
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <ScrollArea.Autosize mah={280} style={{ flex: 2 }} type="auto">
            {/* The table scrolls: it takes the keyboard so it can be read with the arrow keys too. */}
            <Table
              fz="sm"
              verticalSpacing={2}
              striped
              stickyHeader
              tabIndex={0}
              aria-label={shown === 'week' ? t('agencies.trend.tableWeek') : t('agencies.trend.tableMonth')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    {shown === 'week' ? t('agencies.trend.weekOf') : t('agencies.trend.month')}
                  </Table.Th>
                  <Table.Th ta="right">{t('agencies.figures.arrived')}</Table.Th>
                  <Table.Th ta="right">{t('agencies.figures.onTime')}</Table.Th>
                  <Table.Th ta="right">{t('agencies.figures.late')}</Table.Th>
                  <Table.Th ta="right">{t('agencies.figures.medianLate')}</Table.Th>
                  <Table.Th ta="right">{t('agencies.figures.p90Late')}</Table.Th>
                  <Table.Th ta="right">{t('agencies.trend.worst')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trend.points.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>{t('agencies.trend.nothing')}</Table.Td>
                  </Table.Tr>
                )}
                {trend.points.map((p) => (
                  <Table.Tr key={p.start}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {shown === 'week' ? formatDay(p.start) : formatMonth(p.start)}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(p.arrived)}</Table.Td>
                    <Table.Td ta="right">{formatRate(p.onTimeRate)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(p.late)}</Table.Td>
                    <Table.Td ta="right">{formatDaysLate(p.medianDaysLate)}</Table.Td>
                    <Table.Td ta="right">{formatDaysLate(p.p90DaysLate)}</Table.Td>
                    <Table.Td ta="right">{formatDaysLate(p.worstDaysLate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </Group>
      )}
    </Paper>
  )
}
