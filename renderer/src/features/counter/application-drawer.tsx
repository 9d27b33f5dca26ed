import { Alert, Button, Drawer, Group, Loader, Stack, Table, Text, Timeline, Title } from '@mantine/core'
import { IconRepeat } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { ApplicationDetail, ReceiptPreview } from '../../../../common/contract'
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
            ? { ...a, printJobs: a.printJobs.map((j) => (j.id === job.id ? job : j)) }
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
          <Title order={4}>Timeline</Title>
          <Timeline bulletSize={18} lineWidth={2}>
            {app.timeline.map((e, i) => (
              <Timeline.Item key={i} title={EVENT_LABEL[e.type] ?? e.type}>
                <Text size="sm" c="dimmed">
                  {formatDateTime(e.at)} · {e.staffNumber ?? 'system'}
                </Text>
              </Timeline.Item>
            ))}
            {app.deliveries.map((d, i) => (
              <Timeline.Item
                key={`d${i}`}
                title={
                  d.outcome === 'delivered'
                    ? 'SMS delivered'
                    : d.outcome === 'failed'
                      ? 'SMS failed'
                      : 'SMS: invalid number'
                }
                color={d.outcome === 'delivered' ? 'green' : 'red'}
              >
                <Text size="sm" c="dimmed">
                  {formatDateTime(d.at)}
                </Text>
              </Timeline.Item>
            ))}
            {app.printJobs.map((j) => (
              <Timeline.Item
                key={`p${j.id}`}
                title={`${j.kind === 'reprint' ? 'Reprint' : j.copy ? 'Receipt copy' : 'Receipt'}: ${j.status}`}
                color={j.status === 'failed' ? 'red' : 'gray'}
              >
                <Text size="sm" c="dimmed">
                  {formatDateTime(j.createdAt)} · {j.printer}
                  {j.reason ? ` · “${j.reason}”` : ''}
                  {j.error ? ` · ${j.error}` : ''}
                </Text>
              </Timeline.Item>
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

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={170}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  )
}
