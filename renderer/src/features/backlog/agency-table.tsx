import { ActionIcon, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconChevronDown, IconChevronRight, IconFileText } from '@tabler/icons-react'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgencyTurnaroundReport, LatenessStats, StillOut } from '../../../../common/contract'
import { formatNumber as n } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { POOR_RATE, formatDaysLate, formatRate } from './agency-format'
import { STICKY_RIGHT } from './paged-table'

/** The figure headings after the first column, as the agency table and the report's worst services show them. */
export function FigureHeads() {
  const { t } = useTranslation()
  return (
    <>
      <Table.Th ta="right">{t('agencies.figures.onTime')}</Table.Th>
      <Table.Th ta="right">{t('agencies.figures.arrived')}</Table.Th>
      <Table.Th ta="right">{t('agencies.figures.late')}</Table.Th>
      <Table.Th ta="right">{t('agencies.figures.medianLate')}</Table.Th>
      <Table.Th ta="right">{t('agencies.figures.p90Late')}</Table.Th>
      <Table.Th ta="right">{t('agencies.figures.worstLate')}</Table.Th>
      <Table.Th ta="right">{t('agencies.figures.stillOut')}</Table.Th>
      <Table.Th ta="right">{t('agencies.figures.overdue')}</Table.Th>
    </>
  )
}

/** The figure cells shared by an agency's row, its services' rows, the total and the report's worst services. */
export function FigureCells({ s }: { s: LatenessStats & StillOut }) {
  const poor = s.onTimeRate !== null && s.onTimeRate < POOR_RATE
  return (
    <>
      <Table.Td ta="right" fw={700} c={poor ? 'red.8' : undefined}>
        {formatRate(s.onTimeRate)}
      </Table.Td>
      <Table.Td ta="right">{n(s.arrived)}</Table.Td>
      <Table.Td ta="right">{n(s.late)}</Table.Td>
      <Table.Td ta="right">{formatDaysLate(s.medianDaysLate)}</Table.Td>
      <Table.Td ta="right">{formatDaysLate(s.p90DaysLate)}</Table.Td>
      <Table.Td ta="right">{formatDaysLate(s.worstDaysLate)}</Table.Td>
      <Table.Td ta="right">{n(s.stillOut)}</Table.Td>
      <Table.Td ta="right" fw={s.stillOutOverdue > 0 ? 700 : undefined}>
        {n(s.stillOutOverdue)}
      </Table.Td>
    </>
  )
}

/**
 * Every agency's on-time rate and days late over the period, worst first as the core orders them; each row opens to
 * its services and to the report for that agency.
 */
export function AgencyTable({
  report,
  onReport,
}: {
  report: AgencyTurnaroundReport
  onReport: (agency: string) => void
}) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const toggle = (agency: string) =>
    setOpen((was) => {
      const next = new Set(was)
      if (!next.delete(agency)) next.add(agency)
      return next
    })
  if (report.agencies.length === 0) return <Text fz="lg">{t('agencies.table.none')}</Text>
  return (
    // Scrolls inside its own box, never the page, when too wide; the Report buttons stay at its right edge.
    <Table.ScrollContainer minWidth={0} type="native">
      <Table fz="md" verticalSpacing={4} horizontalSpacing="xs" aria-label={t('agencies.table.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backlog.columns.agency')}</Table.Th>
            <FigureHeads />
            <Table.Th style={STICKY_RIGHT}>
              <VisuallyHidden>{t('agencies.table.report')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.agencies.map((a) => {
            const expanded = open.has(a.agency)
            return (
              <Fragment key={a.agency}>
                <Table.Tr>
                  <Table.Td fw={700} miw={220}>
                    {/* The name wraps beside its arrow, not under it. */}
                    <Group gap={6} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        size="lg"
                        aria-expanded={expanded}
                        aria-label={
                          expanded
                            ? t('agencies.table.hideServices', { agency: a.agency })
                            : t('agencies.table.showServices', { agency: a.agency })
                        }
                        onClick={() => toggle(a.agency)}
                        disabled={a.services.length === 0}
                      >
                        {expanded ? <IconChevronDown size={20} /> : <IconChevronRight size={20} />}
                      </ActionIcon>
                      <span>{a.agency}</span>
                    </Group>
                  </Table.Td>
                  <FigureCells s={a} />
                  <Table.Td style={STICKY_RIGHT}>
                    <Button
                      size="compact-md"
                      variant="light"
                      leftSection={<IconFileText size={16} />}
                      onClick={() => onReport(a.agency)}
                      aria-label={t('agencies.table.reportFor', { agency: a.agency })}
                    >
                      {t('agencies.table.reportButton')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {expanded &&
                  a.services.map((s) => (
                    <Table.Tr key={`${a.agency}|${s.serviceCode}`} bg="gray.0">
                      <Table.Td pl={52}>{serviceLabel(s.serviceCode, s.serviceName)}</Table.Td>
                      <FigureCells s={s} />
                      <Table.Td />
                    </Table.Tr>
                  ))}
              </Fragment>
            )
          })}
          <Table.Tr fw={800}>
            <Table.Td>{t('backlog.overdue.allAgencies')}</Table.Td>
            <FigureCells s={report.total} />
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
