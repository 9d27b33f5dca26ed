import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrintResult } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { SlotWarning } from './slot-warning'

/** A reprint always has a reason; it is audited and the paper says REPRINT. */
export function ReprintModal({
  trackingNumber,
  onClose,
  onPrinted,
}: {
  trackingNumber: string
  onClose: () => void
  onPrinted: (r: PrintResult) => void
}) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      onPrinted(await api.call('application.reprint', { trackingNumber, reason }))
      onClose()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('counter.reprint.title', { trackingNumber: formatTrackingNumber(trackingNumber) })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Stack>
          <SlotWarning />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('counter.reprint.reason')}
            placeholder={t('counter.reprint.reasonPlaceholder')}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('counter.reprint.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('counter.reprint.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
