import { Alert, Badge, Button, Group, Text } from '@mantine/core'
import { IconPrinter, IconPrinterOff } from '@tabler/icons-react'
import type { PrintJobInfo } from '../../../common/contract'

/** What happened to a print job, and for a failed one the reason and a one-click retry. */
export function PrintJobStatus({
  job,
  onRetry,
  busy,
}: {
  job: PrintJobInfo
  onRetry: () => void
  busy: boolean
}) {
  if (job.status === 'failed') {
    return (
      <Alert color="red" icon={<IconPrinterOff />} title="The receipt did not print" role="alert">
        <Text size="sm" mb="xs">
          {job.error} The application is saved.
        </Text>
        <Button
          size="sm"
          color="red"
          variant="filled"
          onClick={onRetry}
          loading={busy}
          leftSection={<IconPrinter size={16} />}
        >
          Print again
        </Button>
      </Alert>
    )
  }
  return (
    <Group gap="xs">
      {job.status === 'printed' && (
        <>
          <Badge color="green" size="lg" leftSection={<IconPrinter size={14} />}>
            Printed
          </Badge>
          <Text size="sm" c="dimmed">
            {job.printer}
          </Text>
        </>
      )}
      {job.status === 'preview-only' && (
        <Badge color="gray" size="lg">
          No printer set up: show or save this receipt
        </Badge>
      )}
      {job.status === 'queued' && (
        <Badge color="blue" size="lg">
          Printing…
        </Badge>
      )}
    </Group>
  )
}
