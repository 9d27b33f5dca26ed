import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { api } from '../../api/client'

/** The warning shown on every receipt screen while the central API has not confirmed this PC's workstation slot. */
export const UNCONFIRMED_SLOT_MESSAGE =
  'This PC’s workstation slot is not confirmed (never enrolled): if another PC uses the same slot, the two will ' +
  'issue the same tracking numbers. Ask an administrator to enrol it (Settings → Sync).'

/**
 * Whether the slot is confirmed, from the status and its pushes (an enrolment in another window clears the warning
 * here at once). Null until the first answer, so nothing flickers in.
 */
export function useSlotConfirmed(): boolean | null {
  const [confirmed, setConfirmed] = useState<boolean | null>(null)
  useEffect(() => {
    api.call('status.get', {}).then(
      (s) => setConfirmed(s.slotConfirmed),
      () => undefined,
    )
    return api.on('status.changed', ({ status }) => setConfirmed(status.slotConfirmed))
  }, [])
  return confirmed
}

export function SlotWarning() {
  const confirmed = useSlotConfirmed()
  if (confirmed !== false) return null
  return (
    // A standing warning, not an event: `note`, so it is not announced over and over nor mistaken for an error.
    // One line above the form: the clerk keeps the whole form on screen at 1366×768.
    <Alert
      color="orange"
      role="note"
      aria-label="Workstation slot not confirmed"
      icon={<IconAlertTriangle size={20} />}
      py={6}
    >
      <Text size="sm" fw={600} c="orange.9">
        {UNCONFIRMED_SLOT_MESSAGE}
      </Text>
    </Alert>
  )
}
