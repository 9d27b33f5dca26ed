import { Alert, Button, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core'
import { IconDownload, IconRepeat } from '@tabler/icons-react'
import { useState } from 'react'
import type { PrintJobInfo, PrintResult, ReceiptPreview } from '../../../../common/contract'
import { api } from '../../api/client'
import { PrintJobStatus } from '../../ui/print-job-badge'
import { ReceiptImage } from '../../ui/receipt-image'
import { TrackingNumber } from '../../ui/tracking-number'
import { ReprintModal } from './reprint-modal'

export interface LastReceipt {
  trackingNumber: string
  customerName: string
  expectedReady: string
  receipt: ReceiptPreview
  printJob: PrintJobInfo
  counterWarning: string | null
}

/** The receipt just issued: the number to read out, whether it printed, and the receipt itself. */
export function ReceiptPanel({
  last,
  onChange,
}: {
  last: LastReceipt | null
  onChange: (r: LastReceipt) => void
}) {
  const [retrying, setRetrying] = useState(false)
  const [reprinting, setReprinting] = useState(false)
  if (!last) {
    return (
      <Paper withBorder p="lg" radius="md" h="100%">
        <Stack align="center" justify="center" h="100%" c="dimmed">
          <Title order={3} c="dimmed">
            Receipt
          </Title>
          <Text ta="center">The receipt of the next application shows here, exactly as it prints.</Text>
        </Stack>
      </Paper>
    )
  }
  const apply = (r: PrintResult): void => onChange({ ...last, receipt: r.receipt, printJob: r.printJob })
  const retry = async (): Promise<void> => {
    setRetrying(true)
    try {
      apply(await api.call('print.retry', { jobId: last.printJob.id }))
    } catch {
      // The job row keeps the failure; the badge still offers another try.
    } finally {
      setRetrying(false)
    }
  }
  return (
    <Paper withBorder p="lg" radius="md" h="100%" aria-label="Last receipt">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              Tracking number for {last.customerName}
            </Text>
            <TrackingNumber
              value={last.trackingNumber}
              size="2.2rem"
              c="huduma.8"
              data-testid="last-tracking-number"
            />
          </div>
          <Stack gap="xs">
            <Button
              variant="default"
              leftSection={<IconRepeat size={16} />}
              onClick={() => setReprinting(true)}
            >
              Reprint
            </Button>
            <Button
              component="a"
              variant="default"
              leftSection={<IconDownload size={16} />}
              href={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(last.receipt.svg)}`}
              download={`receipt-${last.trackingNumber}.svg`}
            >
              Save
            </Button>
          </Stack>
        </Group>
        <PrintJobStatus job={last.printJob} onRetry={() => void retry()} busy={retrying} />
        {last.counterWarning && (
          <Alert color="orange" role="alert">
            {last.counterWarning}
          </Alert>
        )}
        <ScrollArea flex={1} type="auto" offsetScrollbars bg="gray.1" p="sm" style={{ borderRadius: 8 }}>
          <ReceiptImage receipt={last.receipt} label={`Receipt ${last.trackingNumber}`} />
        </ScrollArea>
      </Stack>
      {reprinting && (
        <ReprintModal
          trackingNumber={last.trackingNumber}
          onClose={() => setReprinting(false)}
          onPrinted={apply}
        />
      )}
    </Paper>
  )
}
