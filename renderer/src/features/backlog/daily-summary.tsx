import { Alert, Button, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type {
  BacklogSummary,
  OverdueSummary,
  TrendReport,
  TurnaroundReport,
} from '../../../../common/contract'
import { addCalendarDays, nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { formatDateTime, formatDay } from '../../ui/format'
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
    <Modal opened onClose={onClose} fullScreen title="Daily summary" aria-label="Daily summary">
      <style>{PRINT_CSS}</style>
      {error && <Alert color="red">{error}</Alert>}
      {!data && !error && <Text fz="lg">Preparing the summary…</Text>}
      {data && (
        <div className="daily-summary-print">
          <Group justify="space-between" className="no-print" mb="md">
            <Text c="dimmed">Print it, or save it as PDF from the print dialogue.</Text>
            <Group>
              <Button variant="default" size="md" onClick={onClose}>
                Close
              </Button>
              <Button
                size="md"
                leftSection={<IconPrinter size={18} />}
                onClick={() => window.print()}
                autoFocus
              >
                Print
              </Button>
            </Group>
          </Group>
          <Stack gap="md" maw={900}>
            <div>
              <Title order={1}>Daily summary — {formatDay(data.backlog.today)}</Title>
              <Text>Printed {formatDateTime(data.printedAt)}</Text>
            </div>
            <SimpleGrid cols={3}>
              <Big label="On the shelf" value={data.backlog.total} />
              <Big label="Arrived today" value={todayPoint?.arrived ?? 0} />
              <Big label="Collected today" value={todayPoint?.collected ?? 0} />
            </SimpleGrid>
            <SimpleGrid cols={2}>
              <Small
                title="Shelf by age"
                rows={data.backlog.byAge.map((b) => [b.label, b.count.toLocaleString('en')])}
              />
              <Small
                title="Ready SMS"
                rows={data.backlog.bySms.map((b) => [b.label, b.count.toLocaleString('en')])}
              />
              <Small
                title={`Overdue at the agency (${data.overdue.total.toLocaleString('en')})`}
                rows={data.overdue.byAgency.map((a) => [a.agency, a.count.toLocaleString('en')])}
              />
              <Small
                title="Oldest shelf slots"
                rows={data.backlog.bySlot
                  .slice(0, 8)
                  .map((s) => [
                    s.slot,
                    `${s.count.toLocaleString('en')} (since ${formatDay(nairobiDate(s.oldestArrivedAt))})`,
                  ])}
              />
            </SimpleGrid>
            <Small
              title={`Last 30 days: median agency processing ${data.month.total.agency.medianDays ?? '—'} days (90%: ${data.month.total.agency.p90Days ?? '—'}), median customer delay ${data.month.total.customer.medianDays ?? '—'} days (90%: ${data.month.total.customer.p90Days ?? '—'})`}
              rows={data.month.services.map((s) => [
                s.serviceName,
                `agency ${s.agency.medianDays ?? '—'} / ${s.agency.p90Days ?? '—'} d · customer ${s.customer.medianDays ?? '—'} / ${s.customer.p90Days ?? '—'} d`,
              ])}
            />
            <Group mt="xl" gap={80}>
              <Text>Centre manager: ______________________</Text>
              <Text>Signature: ______________________</Text>
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
        {value.toLocaleString('en')}
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
