import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
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
  const title = { move: 'Move to another slot', missing: 'Mark missing', damaged: 'Mark damaged' }[action]
  return (
    <Modal opened onClose={onClose} title={`${title}: ${formatTrackingNumber(doc.trackingNumber)}`}>
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
              label="New slot"
              description="The shelf's own name: letters, digits, spaces, - / or ."
              placeholder="A-07, BOX 3 or 26W49-OVERFLOW"
              data-autofocus
              value={slot}
              onChange={(e) => setSlot(e.currentTarget.value)}
            />
          )}
          <TextInput
            label="Reason"
            data-autofocus={action !== 'move'}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
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
