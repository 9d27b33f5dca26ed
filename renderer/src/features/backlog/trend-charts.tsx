import { Paper, Text } from '@mantine/core'
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TrendReport } from '../../../../common/contract'

const AXIS = { fontSize: 14 }

/** Arrivals and collections per day or week, and the average days each stage took. */
export function TrendCharts({ report }: { report: TrendReport }) {
  const unit = report.granularity === 'day' ? 'day' : 'week (from Monday)'
  return (
    <>
      <Paper withBorder p="sm" radius="md" aria-label="Arrivals and collections chart">
        <Text fz="xl" fw={700} mb="xs">
          Documents arrived and collected per {unit}
        </Text>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={report.points} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="start" tick={AXIS} minTickGap={24} />
            <YAxis tick={AXIS} allowDecimals={false} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 16 }} />
            <Line
              type="monotone"
              dataKey="arrived"
              name="Arrived"
              stroke="#1c7ed6"
              strokeWidth={3}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="collected"
              name="Collected"
              stroke="#2f9e44"
              strokeWidth={3}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </Paper>
      <Paper withBorder p="sm" radius="md" aria-label="Average days chart">
        <Text fz="xl" fw={700} mb="xs">
          Average days per {unit}: at the agency, and waiting for the customer
        </Text>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={report.points} margin={{ left: 8, right: 16, top: 8, bottom: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="start" tick={AXIS} minTickGap={24} />
            <YAxis tick={AXIS} unit=" d" />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 16 }} />
            <Line
              type="monotone"
              dataKey="agencyAvgDays"
              name="Agency processing"
              stroke="#e8590c"
              strokeWidth={3}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="customerAvgDays"
              name="Customer delay"
              stroke="#7048e8"
              strokeWidth={3}
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
