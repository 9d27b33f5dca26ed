import { Alert, Badge, Button, Group, Loader, Text } from '@mantine/core'
import { IconPrinter, IconPrinterOff } from '@tabler/icons-react'
import type { PrintJobInfo } from '../../../common/contract'
import { retryPrintsCopy } from '../../../common/print-job'

/**
 * The retry button's words, from the same rule the core prints by: "Print a copy" when the paper will say COPY
 * (the failed attempt may have left paper), "Print again" when nothing came out and the new one is the original.
 */
export function retryLabel(job: PrintJobInfo): string {
  return retryPrintsCopy(job) ? 'Print a copy' : 'Print again'
}

/**
 * What happened to a print job, and for a failed one the reason and a one-click retry. `compact` is the one-line
 * form for receipts listed under the current one.
 */
export function PrintJobStatus({
  job,
  onRetry,
  busy,
  compact = false,
}: {
  job: PrintJobInfo
  onRetry: () => void
  busy: boolean
  compact?: boolean
}) {
  if (job.status === 'failed') {
    const button = (
      <Button
        size={compact ? 'xs' : 'sm'}
        color="red"
        variant="filled"
        onClick={onRetry}
        loading={busy}
        leftSection={<IconPrinter size={16} />}
      >
        {retryLabel(job)}
      </Button>
    )
    if (compact) {
      return (
        <Group gap="xs" wrap="nowrap">
          <Badge color="red" size="md" leftSection={<IconPrinterOff size={12} />} style={{ flexShrink: 0 }}>
            Did not print
          </Badge>
          {button}
        </Group>
      )
    }
    return (
      <Alert color="red" icon={<IconPrinterOff />} title="The receipt did not print" role="alert">
        <Text size="sm" mb="xs">
          {job.error} The application is saved.
          {retryPrintsCopy(job) && ' Part of it may have come out, so the new receipt will say COPY.'}
        </Text>
        {button}
      </Alert>
    )
  }
  return (
    <Group gap="xs" wrap="nowrap">
      {job.status === 'printed' && (
        <>
          <Badge color="green" size="lg" leftSection={<IconPrinter size={14} />}>
            Printed
          </Badge>
          {job.copy && (
            <Badge color="gray" size="lg" variant="outline">
              Copy
            </Badge>
          )}
          {!compact && (
            <Text size="sm" c="dimmed">
              {job.printer}
            </Text>
          )}
        </>
      )}
      {job.status === 'preview-only' && (
        <Badge color="gray" size="lg">
          No printer set up: show or save this receipt
        </Badge>
      )}
      {job.status === 'queued' && (
        <Badge color="blue" size="lg" leftSection={<Loader size={12} color="white" />}>
          Printing…
        </Badge>
      )}
    </Group>
  )
}
