import { Alert, Button, Drawer, Group, Loader, Stack, Table, Text, Timeline, Title } from '@mantine/core'
import { IconRepeat } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApplicationDetail, HistoryEntry, ReceiptPreview } from '../../../../common/contract'
import { formatKenyanMobile } from '../../../../common/phone'
import { PREVIEW_PRINTER } from '../../../../common/print-job'
import { api } from '../../api/client'
import { formatDateTime, formatDay } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { ReceiptImage } from '../../ui/receipt-image'
import { StatusBadge } from '../../ui/status-badge'
import { TrackingNumber } from '../../ui/tracking-number'
import { ReprintModal } from './reprint-modal'
import { contractText } from '../../i18n/contract-text'

/** Each event type's words; a type this version does not know shows as it is. */
const EVENT_LABEL = {
  'application.registered': 'counter.drawer.event.registered',
  'application.arrived': 'counter.drawer.event.arrived',
  'application.collected': 'counter.drawer.event.collected',
  'application.moved': 'counter.drawer.event.moved',
  'application.missing': 'counter.drawer.event.missing',
  'application.missingCleared': 'counter.drawer.event.missingCleared',
  'application.damaged': 'counter.drawer.event.damaged',
  'application.damagedCleared': 'counter.drawer.event.damagedCleared',
  'application.returned': 'counter.drawer.event.returned',
  'application.cancelled': 'counter.drawer.event.cancelled',
  'application.callLogged': 'counter.drawer.event.callLogged',
  'notification.ready': 'counter.drawer.event.ready',
  'notification.reminder': 'counter.drawer.event.reminder',
} as const
const eventKey = (type: string): (typeof EVENT_LABEL)[keyof typeof EVENT_LABEL] | null =>
  Object.hasOwn(EVENT_LABEL, type) ? EVENT_LABEL[type as keyof typeof EVENT_LABEL] : null

/** One application: who, what, when, its timeline and its receipts. Opening it is audited by the core. */
export function ApplicationDrawer({
  trackingNumber,
  onClose,
}: {
  trackingNumber: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const [app, setApp] = useState<ApplicationDetail | null>(null)
  const [receipt, setReceipt] = useState<ReceiptPreview | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reprinting, setReprinting] = useState(false)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    api.call('application.get', { trackingNumber }).then(setApp, (e: Error) => setError(e.message))
    api.call('application.receipt', { trackingNumber }).then(setReceipt, () => setReceipt(null))
  }, [trackingNumber, version])
  // Prints finish after they are asked for: show each job's outcome as it is pushed.
  useEffect(
    () =>
      api.on('print.job', ({ job }) =>
        setApp((a) =>
          a && job.trackingNumber === a.trackingNumber
            ? {
                ...a,
                printJobs: a.printJobs.map((j) => (j.id === job.id ? job : j)),
                history: a.history.map((h) =>
                  h.kind === 'print' && h.job.id === job.id ? { ...h, job } : h,
                ),
              }
            : a,
        ),
      ),
    [],
  )

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={640}
      title={<TrackingNumber value={trackingNumber} size="xl" />}
    >
      {error && <Alert color="red">{error}</Alert>}
      {!app && !error && <Loader />}
      {app && (
        <Stack>
          <Group justify="space-between">
            <StatusBadge status={app.status} />
            <Button
              leftSection={<IconRepeat size={16} />}
              variant="default"
              onClick={() => setReprinting(true)}
            >
              {t('counter.drawer.reprint')}
            </Button>
          </Group>
          <Table variant="vertical" withTableBorder fz="md" aria-label={t('counter.drawer.application')}>
            <Table.Tbody>
              <Row label={t('counter.drawer.customer')} value={app.customerName} />
              <Row
                label={t('counter.drawer.service')}
                value={serviceLabel(app.serviceCode, app.serviceName)}
              />
              <Row label={t('counter.drawer.phone')} value={formatKenyanMobile(app.phone)} />
              <Row label={t('counter.drawer.idNumber')} value={app.idNumber ?? '—'} />
              <Row label={t('counter.drawer.agencyRef')} value={app.agencyRef ?? '—'} />
              <Row
                label={t('counter.drawer.registered')}
                value={t('counter.drawer.registeredBy', {
                  at: formatDateTime(app.registeredAt),
                  staff: app.registeredBy,
                })}
              />
              <Row label={t('counter.drawer.expectedReady')} value={formatDay(app.expectedReady)} />
              <Row
                label={t('counter.drawer.sms')}
                value={
                  !app.smsConsent
                    ? t('counter.drawer.smsNone')
                    : app.language === 'sw'
                      ? t('counter.drawer.smsKiswahili')
                      : t('counter.drawer.smsEnglish')
                }
              />
              {app.notes && <Row label={t('counter.drawer.notes')} value={app.notes} />}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" align="baseline">
            <Title order={4}>{t('counter.drawer.timeline')}</Title>
            <Text size="sm" c="dimmed">
              {t('counter.drawer.oldestFirst')}
            </Text>
          </Group>
          <Timeline bulletSize={18} lineWidth={2} aria-label={t('counter.drawer.timelineLabel')}>
            {app.history.map((h, i) => (
              <HistoryItem key={i} entry={h} />
            ))}
          </Timeline>
          {receipt && (
            <ReceiptImage receipt={receipt} label={t('counter.receipt.image', { trackingNumber })} />
          )}
        </Stack>
      )}
      {reprinting && (
        <ReprintModal
          trackingNumber={trackingNumber}
          onClose={() => setReprinting(false)}
          onPrinted={() => setVersion((v) => v + 1)}
        />
      )}
    </Drawer>
  )
}

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation()
  if (entry.kind === 'event') {
    const key = eventKey(entry.type)
    return (
      <Timeline.Item title={key ? t(key) : entry.type}>
        <Text size="sm" c="dimmed">
          {formatDateTime(entry.at)} · {entry.staffNumber ?? t('counter.drawer.system')}
        </Text>
      </Timeline.Item>
    )
  }
  if (entry.kind === 'sms') {
    return (
      <Timeline.Item
        title={t(`ui.sms.${entry.outcome}.label`)}
        color={entry.outcome === 'delivered' ? 'green' : 'red'}
      >
        <Text size="sm" c="dimmed">
          {formatDateTime(entry.at)}
        </Text>
      </Timeline.Item>
    )
  }
  const j = entry.job
  return (
    <Timeline.Item
      title={t(
        j.kind === 'reprint'
          ? 'counter.drawer.job.reprint'
          : j.copy
            ? 'counter.drawer.job.copy'
            : 'counter.drawer.job.receipt',
        { status: t(`counter.drawer.jobStatus.${j.status}`) },
      )}
      color={j.status === 'failed' ? 'red' : 'gray'}
    >
      <Text size="sm" c="dimmed">
        {formatDateTime(j.createdAt)} ·{' '}
        {j.printer === PREVIEW_PRINTER ? t('counter.drawer.screenPreview') : j.printer}
        {j.reason ? ` · “${j.reason}”` : ''}
        {j.error ? ` · ${contractText(j.error)}` : ''}
      </Text>
    </Timeline.Item>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={170}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  )
}
