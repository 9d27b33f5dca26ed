import { Alert, Button, Drawer, Group, Loader, Stack, Table, Text, Timeline, Title } from '@mantine/core'
import { IconRepeat } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { ApplicationDetail, HistoryEntry, ReceiptPreview } from '../../../../common/contract'
import { formatKenyanMobile } from '../../../../common/phone'
import { api } from '../../api/client'
import { formatDateTime, formatDay } from '../../ui/format'
import { ReceiptImage } from '../../ui/receipt-image'
import { StatusBadge } from '../../ui/status-badge'
import { TrackingNumber } from '../../ui/tracking-number'
import { ReprintModal } from './reprint-modal'

const EVENT_LABEL: Record<string, string> = {
  'application.registered': 'Registered',
  'application.arrived': 'Arrived at the centre',
  'application.collected': 'Collected',
  'application.moved': 'Moved to another slot',
  'application.missing': 'Marked missing from the shelf',
  'application.missingCleared': 'Found again on the shelf',
  'application.damaged': 'Marked damaged',
  'application.damagedCleared': 'Damage mark cleared',
  'application.returned': 'Returned to the agency',
  'application.cancelled': 'Cancelled',
  'application.callLogged': 'Phone call logged',
  'notification.ready': '"Ready" SMS sent',
  'notification.reminder': 'Reminder SMS sent',
}

/** One application: who, what, when, its timeline and its receipts. Opening it is audited by the core. */
export function ApplicationDrawer({
  trackingNumber,
  onClose,
}: {
  trackingNumber: string
  onClose: () => void
}) {
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
              Reprint receipt
            </Button>
          </Group>
          <Table variant="vertical" withTableBorder fz="md" aria-label="Application">
            <Table.Tbody>
              <Row label="Customer" value={app.customerName} />
              <Row label="Service" value={app.serviceName} />
              <Row label="Phone" value={formatKenyanMobile(app.phone)} />
              <Row label="ID number" value={app.idNumber ?? '—'} />
              <Row label="Agency reference" value={app.agencyRef ?? '—'} />
              <Row label="Registered" value={`${formatDateTime(app.registeredAt)} by ${app.registeredBy}`} />
              <Row label="Expected ready" value={formatDay(app.expectedReady)} />
              <Row
                label="SMS"
                value={
                  app.smsConsent ? `Yes, in ${app.language === 'sw' ? 'Kiswahili' : 'English'}` : 'No consent'
                }
              />
              {app.notes && <Row label="Notes" value={app.notes} />}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" align="baseline">
            <Title order={4}>Timeline</Title>
            <Text size="sm" c="dimmed">
              Oldest first
            </Text>
          </Group>
          <Timeline bulletSize={18} lineWidth={2} aria-label="Timeline, oldest first">
            {app.history.map((h, i) => (
              <HistoryItem key={i} entry={h} />
            ))}
          </Timeline>
          {receipt && <ReceiptImage receipt={receipt} label={`Receipt ${trackingNumber}`} />}
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

const SMS_LABEL = {
  delivered: 'SMS delivered',
  failed: 'SMS failed',
  'invalid-number': 'SMS: invalid number',
} as const

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  if (entry.kind === 'event') {
    return (
      <Timeline.Item title={EVENT_LABEL[entry.type] ?? entry.type}>
        <Text size="sm" c="dimmed">
          {formatDateTime(entry.at)} · {entry.staffNumber ?? 'system'}
        </Text>
      </Timeline.Item>
    )
  }
  if (entry.kind === 'sms') {
    return (
      <Timeline.Item title={SMS_LABEL[entry.outcome]} color={entry.outcome === 'delivered' ? 'green' : 'red'}>
        <Text size="sm" c="dimmed">
          {formatDateTime(entry.at)}
        </Text>
      </Timeline.Item>
    )
  }
  const j = entry.job
  return (
    <Timeline.Item
      title={`${j.kind === 'reprint' ? 'Reprint' : j.copy ? 'Receipt copy' : 'Receipt'}: ${j.status}`}
      color={j.status === 'failed' ? 'red' : 'gray'}
    >
      <Text size="sm" c="dimmed">
        {formatDateTime(j.createdAt)} · {j.printer}
        {j.reason ? ` · “${j.reason}”` : ''}
        {j.error ? ` · ${j.error}` : ''}
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
