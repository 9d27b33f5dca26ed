import { Alert, Badge, Button, Group, Loader, Text } from '@mantine/core'
import { IconPrinter, IconPrinterOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PrintJobInfo } from '../../../common/contract'
import { retryPrintsCopy } from '../../../common/print-job'
import { i18n } from '../i18n/instance'
import { contractText } from '../i18n/contract-text'

/**
 * The retry button's words, from the same rule the core prints by: "Print a copy" when the paper will say COPY
 * (the failed attempt may have left paper), "Print again" when nothing came out and the new one is the original.
 */
export function retryLabel(job: PrintJobInfo): string {
  return retryPrintsCopy(job) ? i18n.t('ui.print.printCopy') : i18n.t('ui.print.printAgain')
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
  const { t } = useTranslation()
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
            {t('ui.print.didNotPrint')}
          </Badge>
          {button}
        </Group>
      )
    }
    return (
      <Alert color="red" icon={<IconPrinterOff />} title={t('ui.print.failedTitle')} role="alert">
        <Text size="sm" mb="xs">
          {contractText(job.error ?? '')} {t('ui.print.saved')}
          {retryPrintsCopy(job) && ` ${t('ui.print.willSayCopy')}`}
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
            {t('ui.print.printed')}
          </Badge>
          {job.copy && (
            <Badge color="gray" size="lg" variant="outline">
              {t('ui.print.copy')}
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
        // The whole sentence, on two lines in a narrow receipt panel rather than cut short.
        <Badge
          color="gray"
          size="lg"
          h="auto"
          py={4}
          maw="100%"
          styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
        >
          {t('ui.print.previewOnly')}
        </Badge>
      )}
      {job.status === 'queued' && (
        <Badge color="blue" size="lg" leftSection={<Loader size={12} color="white" />}>
          {t('ui.print.printing')}
        </Badge>
      )}
    </Group>
  )
}
