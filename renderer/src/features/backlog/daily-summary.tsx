import { Alert, Button, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  BacklogSummary,
  OverdueSummary,
  TrendReport,
  TurnaroundReport,
} from '../../../../common/contract'
import { addCalendarDays, nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { formatDateTime, formatDay, formatNumber } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { ageLabel, smsOutcomeLabel } from './labels'
import { nairobiToday } from './period'

/** Only the summary goes to paper: everything else on the page is hidden while printing. */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .daily-summary-print, .daily-summary-print * { visibility: visible !important; }
  .daily-summary-print { position: absolute; left: 0; top: 0; width: 100%; padding: 0 10mm; }
  .daily-summary-print .no-print { display: none !important; }
  .daily-summary-print table { font-size: 11pt; }
}
`

interface Data {
  backlog: BacklogSummary
  overdue: OverdueSummary
  today: TrendReport
  month: TurnaroundReport
  printedAt: number
}

/** The day on one page: the shelf, today's movements, what is overdue, and the last 30 days' turnaround. */
export function DailySummary({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const today = nairobiToday()
    Promise.all([
      api.call('backlog.summary', {}),
      api.call('overdue.summary', {}),
      api.call('analytics.trends', { from: today, to: today, granularity: 'day' }),
      api.call('analytics.turnaround', { from: addCalendarDays(today, -29), to: today }),
    ]).then(
      ([backlog, overdue, todayTrend, month]) =>
        setData({ backlog, overdue, today: todayTrend, month, printedAt: Date.now() }),
      (e: Error) => setError(e.message),
    )
  }, [])
  const todayPoint = data?.today.points[0]
  return (
    <Modal
      opened
      onClose={onClose}
      fullScreen
      title={t('backlog.page.dailySummary')}
      aria-label={t('backlog.page.dailySummary')}
    >
      <style>{PRINT_CSS}</style>
      {error && <Alert color="red">{error}</Alert>}
      {!data && !error && <Text fz="lg">{t('backlog.summary.preparing')}</Text>}
      {data && (
        <div className="daily-summary-print">
          <Group justify="space-between" className="no-print" mb="md">
            <Text c="dimmed">{t('backlog.summary.printHint')}</Text>
            <Group>
              <Button variant="default" size="md" onClick={onClose}>
                {t('backlog.close')}
              </Button>
              <Button
                size="md"
                leftSection={<IconPrinter size={18} />}
                onClick={() => window.print()}
                autoFocus
              >
                {t('backlog.print')}
              </Button>
            </Group>
          </Group>
          <Stack gap="md" maw={900}>
            <div>
              <Title order={1}>{t('backlog.summary.title', { day: formatDay(data.backlog.today) })}</Title>
              <Text>{t('backlog.summary.printed', { at: formatDateTime(data.printedAt) })}</Text>
            </div>
            <SimpleGrid cols={3}>
              <Big label={t('backlog.summary.onShelf')} value={data.backlog.total} />
              <Big label={t('backlog.summary.arrivedToday')} value={todayPoint?.arrived ?? 0} />
              <Big label={t('backlog.summary.collectedToday')} value={todayPoint?.collected ?? 0} />
            </SimpleGrid>
            <SimpleGrid cols={2}>
              <Small
                title={t('backlog.summary.shelfByAge')}
                rows={data.backlog.byAge.map((b) => [ageLabel(b.bucket), formatNumber(b.count)])}
              />
              <Small
                title={t('backlog.shelf.smsHeading')}
                rows={data.backlog.bySms.map((b) => [smsOutcomeLabel(b.outcome), formatNumber(b.count)])}
              />
              <Small
                title={t('backlog.summary.overdue', { n: formatNumber(data.overdue.total) })}
                rows={data.overdue.byAgency.map((a) => [a.agency, formatNumber(a.count)])}
              />
              <Small
                title={t('backlog.summary.oldestSlots')}
                rows={data.backlog.bySlot.slice(0, 8).map((s) => [
                  s.slot,
                  t('backlog.summary.slotSince', {
                    n: formatNumber(s.count),
                    day: formatDay(nairobiDate(s.oldestArrivedAt)),
                  }),
                ])}
              />
            </SimpleGrid>
            <Small
              title={t('backlog.summary.month', {
                agencyMedian: data.month.total.agency.medianDays ?? '—',
                agencyP90: data.month.total.agency.p90Days ?? '—',
                customerMedian: data.month.total.customer.medianDays ?? '—',
                customerP90: data.month.total.customer.p90Days ?? '—',
              })}
              rows={data.month.services.map((s) => [
                serviceLabel(s.serviceCode, s.serviceName),
                t('backlog.summary.monthService', {
                  agencyMedian: s.agency.medianDays ?? '—',
                  agencyP90: s.agency.p90Days ?? '—',
                  customerMedian: s.customer.medianDays ?? '—',
                  customerP90: s.customer.p90Days ?? '—',
                }),
              ])}
            />
            <Group mt="xl" gap={80}>
              <Text>{t('backlog.summary.manager')} ______________________</Text>
              <Text>{t('backlog.summary.signature')} ______________________</Text>
            </Group>
          </Stack>
        </div>
      )}
    </Modal>
  )
}

function Big({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text fz={40} fw={800} lh={1}>
        {formatNumber(value)}
      </Text>
      <Text fz="lg">{label}</Text>
    </div>
  )
}

function Small({ title, rows }: { title: string; rows: [string, string][] }) {
  return (
    <div>
      <Text fw={700} fz="lg">
        {title}
      </Text>
      <Table fz="md" verticalSpacing={2}>
        <Table.Tbody>
          {rows.map(([a, b]) => (
            <Table.Tr key={a}>
              <Table.Td>{a}</Table.Td>
              <Table.Td ta="right">{b}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  )
}
