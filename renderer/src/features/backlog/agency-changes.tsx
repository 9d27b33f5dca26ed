import { List, Paper, Text } from '@mantine/core'
import type { AgencyChange } from '../../../../common/contract'
import { describeChange, formatRate } from './agency-format'

/** The agencies whose on-time rate fell from the period's first half to its second, the biggest fall first. */
export function AgencyChanges({ changes }: { changes: AgencyChange[] | null }) {
  const worse = (changes ?? [])
    .filter((c): c is AgencyChange & { change: number } => c.change !== null && describeChange(c).worse)
    .sort((a, b) => a.change - b.change)
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label="Got worse this period">
      <Text fz="xl" fw={700}>
        Got worse this period
      </Text>
      <Text fz="md" c="dark.4" mb="xs">
        On time in the second half of the period against the first half.
      </Text>
      {changes === null ? (
        <Text fz="lg">Counting…</Text>
      ) : worse.length === 0 ? (
        <Text fz="lg">No agency got worse this period.</Text>
      ) : (
        <List spacing={2} fz="lg">
          {worse.map((c) => (
            <List.Item key={c.agency}>
              <Text span fw={700} fz="lg">
                {c.agency}
              </Text>
              :{' '}
              <Text span fw={700} fz="lg" c="red.8">
                {describeChange(c).text}
              </Text>{' '}
              (from {formatRate(c.before)} to {formatRate(c.after)} on time)
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  )
}
