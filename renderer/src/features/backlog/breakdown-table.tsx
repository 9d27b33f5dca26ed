import { Anchor, Paper, ScrollArea, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../ui/format'

/** One line of a breakdown: a group, how many documents it holds, its oldest, and the list it opens. */
export interface BreakdownRow {
  key: string
  label: string
  count: number
  oldest: ReactNode
  selected: boolean
  open: () => void
}

/**
 * A breakdown of a tab's figures (by agency, service, shelf slot): a group's name is a button that opens its list
 * below, and the chosen group is shaded. Long breakdowns scroll inside `maxHeight` rather than push the list down.
 */
export function BreakdownTable(props: {
  title: string
  /** The table's accessible name, where the title alone would not say which tab it belongs to. */
  label?: string
  column: string
  oldestHeader: string
  oldestAlign?: 'right'
  rows: BreakdownRow[]
  maxHeight?: number
  /** Space under the title, in px. */
  titleGap?: number
}) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="sm" radius="md">
      <Text fz="xl" fw={700} mb={props.titleGap}>
        {props.title}
      </Text>
      <ScrollArea.Autosize mah={props.maxHeight} type="auto">
        <Table fz="md" verticalSpacing={4} highlightOnHover aria-label={props.label ?? props.title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{props.column}</Table.Th>
              <Table.Th ta="right">{t('backlog.breakdown.documents')}</Table.Th>
              <Table.Th ta={props.oldestAlign}>{props.oldestHeader}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.rows.map((r) => (
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
                  {formatNumber(r.count)}
                </Table.Td>
                <Table.Td ta={props.oldestAlign}>{r.oldest}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </Paper>
  )
}
