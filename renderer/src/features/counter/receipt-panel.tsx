import { Alert, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { IconDownload, IconRepeat } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrintJobInfo, PrintResult, ReceiptPreview, RegisterResult } from '../../../../common/contract'
import { api } from '../../api/client'
import { PrintJobStatus } from '../../ui/print-job-badge'
import { ReceiptImage } from '../../ui/receipt-image'
import { TrackingNumber } from '../../ui/tracking-number'
import { ReprintModal } from './reprint-modal'
import { contractText } from '../../i18n/contract-text'

export interface LastReceipt {
  trackingNumber: string
  customerName: string
  expectedReady: string
  receipt: ReceiptPreview
  printJob: PrintJobInfo
  counterWarning: string | null
}

/** Enough for a queue behind a stalled printer; older receipts are in the application's record. */
const KEPT = 12

const stillNeedsClerk = (r: LastReceipt): boolean =>
  r.printJob.status === 'queued' || r.printJob.status === 'failed'

/**
 * The receipts issued at this counter, newest first: the newest is on the panel, earlier ones stay listed while
 * they are still printing or did not print. Registering answers before the paper is out, so each job's outcome
 * arrives later as a `print.job` push.
 */
export function useCounterReceipts() {
  const [receipts, setReceipts] = useState<LastReceipt[]>([])
  const applyJob = useCallback((job: PrintJobInfo): void => {
    setReceipts((rs) =>
      rs.some((r) => r.printJob.id === job.id)
        ? rs.map((r) => (r.printJob.id === job.id ? { ...r, printJob: job } : r))
        : rs,
    )
  }, [])
  useEffect(() => api.on('print.job', ({ job }) => applyJob(job)), [applyJob])

  /** Shows a receipt's new print job (a retry or a reprint) in place of its previous one. */
  const replace = useCallback(
    (trackingNumber: string, r: PrintResult): void => {
      setReceipts((rs) =>
        rs.map((x) =>
          x.trackingNumber === trackingNumber ? { ...x, receipt: r.receipt, printJob: r.printJob } : x,
        ),
      )
      watch(r.printJob, applyJob)
    },
    [applyJob],
  )

  const registered = useCallback(
    (r: RegisterResult): void => {
      const next: LastReceipt = {
        trackingNumber: r.application.trackingNumber,
        customerName: r.application.customerName,
        expectedReady: r.application.expectedReady,
        receipt: r.receipt,
        printJob: r.printJob,
        counterWarning: r.counterWarning,
      }
      setReceipts((rs) => [next, ...rs.filter(stillNeedsClerk)].slice(0, KEPT))
      watch(r.printJob, applyJob)
    },
    [applyJob],
  )

  return {
    current: receipts[0] ?? null,
    earlier: receipts.slice(1).filter(stillNeedsClerk),
    registered,
    replace,
  }
}
export type CounterReceipts = ReturnType<typeof useCounterReceipts>

/** The outcome may have been pushed before the answer reached this screen: read it once to be sure. */
function watch(job: PrintJobInfo, apply: (job: PrintJobInfo) => void): void {
  if (job.status !== 'queued') return
  api.call('print.job', { jobId: job.id }).then(
    (j) => {
      if (j.status !== 'queued') apply(j)
    },
    () => undefined, // the push still comes
  )
}

/** The receipt just issued: the number to read out, whether it printed, and the receipt itself. */
export function ReceiptPanel({ receipts }: { receipts: CounterReceipts }) {
  const { t } = useTranslation()
  const [retrying, setRetrying] = useState<number | null>(null)
  const [reprinting, setReprinting] = useState(false)
  const last = receipts.current
  if (!last) {
    return (
      <Paper withBorder p="lg" radius="md" h="100%">
        <Stack align="center" justify="center" h="100%" c="dimmed">
          <Title order={3} c="dimmed">
            {t('counter.receipt.title')}
          </Title>
          <Text ta="center">{t('counter.receipt.empty')}</Text>
        </Stack>
      </Paper>
    )
  }
  const retry = async (r: LastReceipt): Promise<void> => {
    setRetrying(r.printJob.id)
    try {
      receipts.replace(r.trackingNumber, await api.call('print.retry', { jobId: r.printJob.id }))
    } catch {
      // The job row keeps the failure; the badge still offers another try.
    } finally {
      setRetrying(null)
    }
  }
  return (
    <Paper withBorder p="lg" radius="md" h="100%" aria-label={t('counter.receipt.last')}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              {t('counter.receipt.trackingNumberFor', { name: last.customerName })}
            </Text>
            <TrackingNumber
              value={last.trackingNumber}
              size="2.2rem"
              c="huduma.8"
              data-testid="last-tracking-number"
            />
          </div>
          {/* Side by side: beside the number on a wide screen, one row under it at 1366×768. */}
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconRepeat size={16} />}
              onClick={() => setReprinting(true)}
            >
              {t('counter.receipt.reprint')}
            </Button>
            <Button
              component="a"
              variant="default"
              leftSection={<IconDownload size={16} />}
              href={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(last.receipt.svg)}`}
              download={`receipt-${last.trackingNumber}.svg`}
            >
              {t('counter.receipt.save')}
            </Button>
          </Group>
        </Group>
        <div data-testid="last-print-status">
          <PrintJobStatus
            job={last.printJob}
            onRetry={() => void retry(last)}
            busy={retrying === last.printJob.id}
          />
        </div>
        {receipts.earlier.length > 0 && (
          <Stack gap={4} aria-label={t('counter.receipt.earlier')}>
            <Text size="sm" fw={600}>
              {t('counter.receipt.earlier')}
            </Text>
            {receipts.earlier.map((r) => (
              // Wraps rather than widening the panel: the form beside it keeps its width.
              <Group
                key={r.printJob.id}
                justify="space-between"
                gap="xs"
                aria-label={t('counter.receipt.image', { trackingNumber: r.trackingNumber })}
              >
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <TrackingNumber value={r.trackingNumber} size="sm" />
                  <Text size="sm" c="dimmed" truncate>
                    {r.customerName}
                  </Text>
                </Group>
                <PrintJobStatus
                  job={r.printJob}
                  compact
                  onRetry={() => void retry(r)}
                  busy={retrying === r.printJob.id}
                />
              </Group>
            ))}
          </Stack>
        )}
        {last.counterWarning && (
          <Alert color="orange" role="alert">
            {contractText(last.counterWarning)}
          </Alert>
        )}
        {/* Focusable, so the keyboard can scroll a long receipt too. */}
        <ScrollArea
          flex={1}
          type="auto"
          offsetScrollbars
          bg="gray.1"
          p="sm"
          style={{ borderRadius: 8 }}
          viewportProps={{
            tabIndex: 0,
            'aria-label': t('counter.receipt.image', { trackingNumber: last.trackingNumber }),
          }}
        >
          <ReceiptImage
            receipt={last.receipt}
            label={t('counter.receipt.image', { trackingNumber: last.trackingNumber })}
          />
        </ScrollArea>
      </Stack>
      {reprinting && (
        <ReprintModal
          trackingNumber={last.trackingNumber}
          onClose={() => setReprinting(false)}
          onPrinted={(r) => receipts.replace(last.trackingNumber, r)}
        />
      )}
    </Paper>
  )
}
