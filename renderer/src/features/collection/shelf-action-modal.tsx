import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HandoverCandidate } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'

export type ShelfAction = 'move' | 'missing' | 'damaged'

/** Move a document, or mark it missing or damaged: always with a reason, which the audit log keeps. */
export function ShelfActionModal({
  action,
  doc,
  onClose,
  onDone,
}: {
  action: ShelfAction
  doc: HandoverCandidate
  onClose: () => void
  onDone: (d: HandoverCandidate) => void
}) {
  const { t } = useTranslation()
  const [slot, setSlot] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async (): Promise<void> => {
    setError(null)
    try {
      onDone(
        action === 'move'
          ? await api.call('shelf.move', { trackingNumber: doc.trackingNumber, slot, reason })
          : await api.call('shelf.flag', {
              trackingNumber: doc.trackingNumber,
              flag: action,
              value: true,
              reason,
            }),
      )
      onClose()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const title = t(`collection.action.${action}`)
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('collection.action.title', {
        action: title,
        trackingNumber: formatTrackingNumber(doc.trackingNumber),
      })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {action === 'move' && (
            <TextInput
              label={t('collection.action.newSlot')}
              description={t('collection.action.newSlotHint')}
              placeholder={t('collection.action.newSlotPlaceholder')}
              data-autofocus
              value={slot}
              onChange={(e) => setSlot(e.currentTarget.value)}
            />
          )}
          <TextInput
            label={t('collection.action.reason')}
            data-autofocus={action !== 'move'}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('collection.action.cancel')}
            </Button>
            <Button type="submit" color={action === 'move' ? undefined : 'orange'}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
