import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconDownload, IconPrinter, IconSignature } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import type { AgencyReport } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { formatDateTime, formatDay, plural } from '../../ui/format'
import { POOR_RATE, formatDaysLate, formatRate } from './agency-format'
import { AgencyBatchesTable } from './agency-batches-table'
import { FigureCells, FigureHeads } from './agency-table'
import { downloadText } from './csv-export'

/** Only the report goes to paper: the rest of the window is hidden while printing. */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .agency-report-print, .agency-report-print * { visibility: visible !important; }
  .agency-report-print { position: absolute; left: 0; top: 0; width: 100%; padding: 0 10mm; }
  .agency-report-print .no-print { display: none !important; }
  .agency-report-print table { font-size: 10pt; }
}
`

const n = (v: number) => v.toLocaleString('en')

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper withBorder p="xs" radius="md">
      <Text fz={28} fw={800} lh={1.1}>
        {value}
      </Text>
      <Text fz="md" fw={600} c="dark.5">
        {label}
      </Text>
      {detail && (
        <Text fz="sm" c="dark.4">
          {detail}
        </Text>
      )}
    </Paper>
  )
}

/** Who signed the report off and when, or that nobody has yet. */
function SignOffLine({ report }: { report: AgencyReport }) {
  return report.signedOff ? (
    <Text fz="lg" fw={700} role="status">
      Signed off by {report.signedOff.name} ({report.signedOff.staffNumber}) at{' '}
      {formatDateTime(report.signedOff.at)}
    </Text>
  ) : (
    <Text fz="lg" role="status">
      Not signed off yet: sign it off before you send it.
    </Text>
  )
}

/**
 * The page a centre sends one agency for a period, as the core made it (no customer names or phones): its figures,
 * worst services, manifest discrepancies and the documents still overdue. The manager signs it off with the PIN
 * and saves the printable page and CSV for sending.
 */
export function AgencyReportView({
  agency,
  from,
  to,
  onBack,
}: {
  agency: string
  from: string
  to: string
  onBack: () => void
}) {
  const [report, setReport] = useState<AgencyReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const back = useRef<HTMLButtonElement>(null)
  const saveButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    let live = true
    api.call('agency.report', { agency, from, to }).then(
      (r) => live && setReport(r),
      (e: Error) => live && setError(e.message),
    )
    return () => {
      live = false
    }
  }, [agency, from, to])
  // The keyboard starts in the report, where the opener's Enter left off.
  useEffect(() => back.current?.focus(), [])

  const signOff = async () => {
    const signed = await confirmWithPin({
      title: `Sign off the report for ${agency}`,
      description:
        'Your name and the time go on the report, and the sign-off is recorded as an event the central API collects from the centre. Type your PIN to confirm.',
      confirmLabel: 'Sign off (Enter)',
      run: async (pin) => setReport(await api.call('agency.signOff', { agency, from, to, pin })),
    })
    // Signed, the button is disabled: the keyboard goes on to the next step, saving the files to send.
    if (signed) setTimeout(() => saveButton.current?.focus(), 0)
  }

  const save = async () => {
    setSaving(true)
    try {
      const out = await api.call('agency.exportReport', { agency, from, to })
      for (const f of out.files) downloadText(f.name, f.mime, f.content)
      setReport(out.report)
      notifications.show({
        color: 'green',
        message: `Saved ${out.files.map((f) => f.name).join(' and ')}: send them to ${agency}.`,
      })
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Stack gap="md">
      <style>{PRINT_CSS}</style>
      <Group justify="space-between" wrap="wrap">
        <Button
          ref={back}
          variant="default"
          size="md"
          leftSection={<IconArrowLeft size={18} />}
          onClick={onBack}
        >
          Back to all agencies
        </Button>
        <Group>
          <Button
            size="md"
            variant="default"
            leftSection={<IconPrinter size={18} />}
            onClick={() => window.print()}
            disabled={!report}
          >
            Print
          </Button>
          <Button
            size="md"
            leftSection={<IconSignature size={18} />}
            onClick={() => void signOff()}
            disabled={!report || report.signedOff !== null}
          >
            Sign off…
          </Button>
          <Button
            ref={saveButton}
            size="md"
            variant="light"
            leftSection={<IconDownload size={18} />}
            onClick={() => void save()}
            loading={saving}
            disabled={!report}
          >
            Save for sending
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!report && !error && <Text fz="lg">Preparing the report…</Text>}
      {report && <ReportPage report={report} />}
    </Stack>
  )
}

function ReportPage({ report }: { report: AgencyReport }) {
  const f = report.figures
  const b = report.batches
  const poor = f.onTimeRate !== null && f.onTimeRate < POOR_RATE
  return (
    <Stack gap="md" className="agency-report-print">
      <div>
        <Title order={2} fz={28}>
          Report for {report.agency}
        </Title>
        <Text fz="lg">
          {report.centreName}, centre {report.centreNumber} · {formatDay(report.from)} –{' '}
          {formatDay(report.to)}
        </Text>
        <SignOffLine report={report} />
      </div>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" aria-label="Figures">
        <Figure
          label={poor ? 'On time (below 80%)' : 'On time'}
          value={formatRate(f.onTimeRate)}
          detail={`${n(f.onTime)} of ${plural(f.arrived, 'document')} arrived by the date on the receipt`}
        />
        <Figure label="Arrived late" value={n(f.late)} />
        <Figure
          label="Days late: median"
          value={formatDaysLate(f.medianDaysLate)}
          detail={`90%: ${formatDaysLate(f.p90DaysLate)}, worst: ${formatDaysLate(f.worstDaysLate)}`}
        />
        <Figure
          label="Still at the agency"
          value={n(f.stillOut)}
          detail={`${n(f.stillOutOverdue)} of them past the expected-ready date`}
        />
      </SimpleGrid>
      <section aria-label="Worst services">
        <Text fz="xl" fw={700} mb={4}>
          Worst services
        </Text>
        {report.worstServices.length === 0 ? (
          <Text fz="lg">No service of this agency had documents in this period.</Text>
        ) : (
          <Table fz="md" verticalSpacing={3} striped aria-label="Worst services">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Service</Table.Th>
                <FigureHeads />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.worstServices.map((s) => (
                <Table.Tr key={s.serviceCode}>
                  <Table.Td>{s.serviceName}</Table.Td>
                  <FigureCells s={s} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <section aria-label="Manifest discrepancies">
        <Text fz="xl" fw={700} mb={4}>
          Arrival batches against their manifests
        </Text>
        <AgencyBatchesTable
          rows={b.batches > 0 ? [b] : []}
          label={`Manifest discrepancies of ${report.agency}`}
        />
      </section>
      <section aria-label="Still overdue">
        <Text fz="xl" fw={700} mb={4}>
          Still overdue at the agency ({plural(report.overdue.length, 'document')}, oldest first)
        </Text>
        {report.overdueTruncated && (
          <Alert color="orange" mb="xs">
            More documents are overdue than one report lists: the oldest {n(report.overdue.length)} are shown.
          </Alert>
        )}
        {report.overdue.length === 0 ? (
          <Text fz="lg">Nothing of this agency is overdue.</Text>
        ) : (
          <Table fz="md" verticalSpacing={3} striped aria-label="Documents still overdue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tracking number</Table.Th>
                <Table.Th>Agency reference</Table.Th>
                <Table.Th>Service</Table.Th>
                <Table.Th>Registered</Table.Th>
                <Table.Th>Expected ready</Table.Th>
                <Table.Th ta="right">Days late</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.overdue.map((o) => (
                <Table.Tr key={o.trackingNumber}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatTrackingNumber(o.trackingNumber)}
                  </Table.Td>
                  <Table.Td>{o.agencyRef ?? '—'}</Table.Td>
                  <Table.Td>{o.serviceName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDay(nairobiDate(o.registeredAt))}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(o.expectedReady)}</Table.Td>
                  <Table.Td ta="right" fw={700}>
                    {o.daysLate}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  )
}
