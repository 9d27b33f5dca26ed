import { Paper, Text } from '@mantine/core'
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useTranslation } from 'react-i18next'
import type { TrendReport } from '../../../../common/contract'
import { formatDate } from '../../ui/format'

const AXIS = { fontSize: 14 }

/** Arrivals and collections per day or week, and the average days each stage took. */
export function TrendCharts({ report }: { report: TrendReport }) {
  const { t } = useTranslation()
  const perDay = report.granularity === 'day'
  return (
    <>
      <Paper withBorder p="sm" radius="md" aria-label={t('backlog.trends.countsChart')}>
        <Text fz="xl" fw={700} mb="xs">
          {perDay ? t('backlog.trends.countsPerDay') : t('backlog.trends.countsPerWeek')}
        </Text>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={report.points} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="start" tick={AXIS} minTickGap={24} tickFormatter={formatDate} />
            <YAxis tick={AXIS} allowDecimals={false} />
            <Tooltip labelFormatter={(start) => formatDate(String(start))} />
            <Legend wrapperStyle={{ fontSize: 16 }} />
            <Line
              type="monotone"
              dataKey="arrived"
              name={t('backlog.trends.arrived')}
              stroke="#1c7ed6"
              strokeWidth={3}
              legendType="plainline"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="collected"
              name={t('backlog.trends.collected')}
              // Dashed, and drawn so in the legend: the two lines differ by more than their colour.
              strokeDasharray="10 5"
              stroke="#2f9e44"
              strokeWidth={3}
              legendType="plainline"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </Paper>
      <Paper withBorder p="sm" radius="md" aria-label={t('backlog.trends.daysChart')}>
        <Text fz="xl" fw={700} mb="xs">
          {perDay ? t('backlog.trends.daysPerDay') : t('backlog.trends.daysPerWeek')}
        </Text>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={report.points} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="start" tick={AXIS} minTickGap={24} tickFormatter={formatDate} />
            {/* Wide enough for "250 siku" on one line: the default 60 px broke "25 siku" in two. */}
            <YAxis tick={AXIS} unit={t('backlog.trends.dayUnit')} width={80} />
            <Tooltip labelFormatter={(start) => formatDate(String(start))} />
            <Legend wrapperStyle={{ fontSize: 16 }} />
            <Line
              type="monotone"
              dataKey="agencyAvgDays"
              name={t('backlog.trends.agencyProcessing')}
              stroke="#e8590c"
              strokeWidth={3}
              legendType="plainline"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="customerAvgDays"
              name={t('backlog.trends.customerDelay')}
              // Dashed, and drawn so in the legend: the two lines differ by more than their colour.
              strokeDasharray="10 5"
              stroke="#7048e8"
              strokeWidth={3}
              legendType="plainline"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </Paper>
    </>
  )
}
