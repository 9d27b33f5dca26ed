import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UnprintedReceipt } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { formatDateTime } from '../../ui/format'
import { contractText } from '../../i18n/contract-text'

/**
 * Receipts this PC owes a customer: their print failed, or the app stopped while they printed. The list comes from
 * the core, not from this window, so it is there after a restart and until each receipt has printed. Receipts
 * already on the receipt panel (this session's) are left to it.
 */
export function UnprintedReceipts({ shown }: { shown: ReadonlySet<string> }) {
  const { t } = useTranslation()
  const [owed, setOwed] = useState<UnprintedReceipt[]>([])
  const [busy, setBusy] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const refresh = useCallback((): void => {
    api.call('print.unprinted', {}).then(setOwed, () => undefined)
  }, [])
  useEffect(() => {
    refresh()
    return api.on('print.job', () => refresh())
  }, [refresh])

  const list = owed.filter((u) => !shown.has(u.trackingNumber))
  if (list.length === 0) return null
  const printAgain = async (u: UnprintedReceipt): Promise<void> => {
    setBusy(u.jobId)
    setError(null)
    try {
      await api.call('print.retry', { jobId: u.jobId })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(null)
      refresh()
    }
  }
  return (
    <Alert
      color="orange"
      title={t('counter.unprinted.title', { count: list.length })}
      data-testid="unprinted-receipts"
    >
      <Stack gap={6}>
        {list.map((u) => (
          <Group key={u.jobId} gap="sm" wrap="nowrap">
            <Text ff="monospace" fw={700}>
              {formatTrackingNumber(u.trackingNumber)}
            </Text>
            <Text size="sm" style={{ flex: 1 }} lineClamp={1}>
              {u.customerName} · {formatDateTime(u.at)}
              {u.error ? ` · ${contractText(u.error)}` : ''}
            </Text>
            <Button
              size="xs"
              leftSection={<IconPrinter size={14} />}
              loading={busy === u.jobId}
              onClick={() => void printAgain(u)}
            >
              {u.printsCopy ? t('ui.print.printCopy') : t('ui.print.printAgain')}
            </Button>
          </Group>
        ))}
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Alert>
  )
}
