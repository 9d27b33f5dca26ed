import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconDownload, IconPrinter, IconSignature } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgencyReport } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { formatDateTime, formatDay, formatNumber as n } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
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
  const { t } = useTranslation()
  return report.signedOff ? (
    <Text fz="lg" fw={700} role="status">
      {t('agencies.report.signedOff', {
        name: report.signedOff.name,
        staffNumber: report.signedOff.staffNumber,
        at: formatDateTime(report.signedOff.at),
      })}
    </Text>
  ) : (
    <Text fz="lg" role="status">
      {t('agencies.report.notSignedOff')}
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
  const { t } = useTranslation()
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
      title: t('agencies.report.signOffTitle', { agency }),
      description: t('agencies.report.signOffDescription'),
      confirmLabel: t('agencies.report.signOffConfirm'),
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
        message: t('agencies.report.saved', {
          files: out.files.map((f) => f.name).join(t('backlog.and')),
          agency,
        }),
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
          {t('agencies.report.back')}
        </Button>
        <Group>
          <Button
            size="md"
            variant="default"
            leftSection={<IconPrinter size={18} />}
            onClick={() => window.print()}
            disabled={!report}
          >
            {t('backlog.print')}
          </Button>
          <Button
            size="md"
            leftSection={<IconSignature size={18} />}
            onClick={() => void signOff()}
            disabled={!report || report.signedOff !== null}
          >
            {t('agencies.report.signOff')}
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
            {t('agencies.report.save')}
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!report && !error && <Text fz="lg">{t('agencies.report.preparing')}</Text>}
      {report && <ReportPage report={report} />}
    </Stack>
  )
}

function ReportPage({ report }: { report: AgencyReport }) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const f = report.figures
  const b = report.batches
  const poor = f.onTimeRate !== null && f.onTimeRate < POOR_RATE
  return (
    <Stack gap="md" className="agency-report-print">
      <div>
        <Title order={2} fz={28}>
          {t('agencies.report.title', { agency: report.agency })}
        </Title>
        <Text fz="lg">
          {t('agencies.report.subtitle', {
            centre: report.centreName,
            number: report.centreNumber,
            from: formatDay(report.from),
            to: formatDay(report.to),
          })}
        </Text>
        <SignOffLine report={report} />
      </div>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" aria-label={t('agencies.report.figures')}>
        <Figure
          label={poor ? t('agencies.report.onTimePoor') : t('agencies.figures.onTime')}
          value={formatRate(f.onTimeRate)}
          detail={t('agencies.report.onTimeDetail', {
            count: f.arrived,
            onTime: n(f.onTime),
            n: n(f.arrived),
          })}
        />
        <Figure label={t('agencies.report.arrivedLate')} value={n(f.late)} />
        <Figure
          label={t('agencies.report.daysLateMedian')}
          value={formatDaysLate(f.medianDaysLate)}
          detail={t('agencies.report.daysLateDetail', {
            p90: formatDaysLate(f.p90DaysLate),
            worst: formatDaysLate(f.worstDaysLate),
          })}
        />
        <Figure
          label={t('agencies.report.stillAtAgency')}
          value={n(f.stillOut)}
          detail={t('agencies.report.stillOverdueDetail', { n: n(f.stillOutOverdue) })}
        />
      </SimpleGrid>
      <section aria-label={t('agencies.report.worst')}>
        <Text fz="xl" fw={700} mb={4}>
          {t('agencies.report.worst')}
        </Text>
        {report.worstServices.length === 0 ? (
          <Text fz="lg">{t('agencies.report.noServices')}</Text>
        ) : (
          <Table fz="md" verticalSpacing={3} striped aria-label={t('agencies.report.worst')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backlog.columns.service')}</Table.Th>
                <FigureHeads />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.worstServices.map((s) => (
                <Table.Tr key={s.serviceCode}>
                  <Table.Td>{serviceLabel(s.serviceCode, s.serviceName)}</Table.Td>
                  <FigureCells s={s} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <section aria-label={t('agencies.report.discrepancies')}>
        <Text fz="xl" fw={700} mb={4}>
          {t('agencies.batches.title')}
        </Text>
        <AgencyBatchesTable
          rows={b.batches > 0 ? [b] : []}
          label={t('agencies.report.discrepanciesOf', { agency: report.agency })}
        />
      </section>
      <section aria-label={t('agencies.report.stillOverdue')}>
        <Text fz="xl" fw={700} mb={4}>
          {t('agencies.report.stillOverdueTitle', {
            count: report.overdue.length,
            n: n(report.overdue.length),
          })}
        </Text>
        {report.overdueTruncated && (
          <Alert color="orange" mb="xs">
            {t('agencies.report.truncated', { n: n(report.overdue.length) })}
          </Alert>
        )}
        {report.overdue.length === 0 ? (
          <Text fz="lg">{t('agencies.report.nothingOverdue')}</Text>
        ) : (
          <Table fz="md" verticalSpacing={3} striped aria-label={t('agencies.report.overdueTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backlog.columns.trackingNumber')}</Table.Th>
                <Table.Th>{t('backlog.manifestCsv.agencyReference')}</Table.Th>
                <Table.Th>{t('backlog.columns.service')}</Table.Th>
                <Table.Th>{t('backlog.columns.registered')}</Table.Th>
                <Table.Th>{t('backlog.columns.expectedReady')}</Table.Th>
                <Table.Th ta="right">{t('agencies.report.daysLate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.overdue.map((o) => (
                <Table.Tr key={o.trackingNumber}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatTrackingNumber(o.trackingNumber)}
                  </Table.Td>
                  <Table.Td>{o.agencyRef ?? '—'}</Table.Td>
                  <Table.Td>{serviceLabel(o.serviceCode, o.serviceName)}</Table.Td>
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
