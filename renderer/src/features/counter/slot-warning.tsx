import { Alert, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'

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

/** The warning shown on every receipt screen while the central API has not confirmed this PC's workstation slot. */
export function SlotWarning() {
  const { t } = useTranslation()
  const confirmed = useSlotConfirmed()
  if (confirmed !== false) return null
  return (
    // A standing warning, not an event: `note`, so it is not announced over and over nor mistaken for an error.
    // Compact (py 6), at the top of the counter's receipt column: the form beside it stays whole at 1366×768.
    <Alert
      color="orange"
      role="note"
      aria-label={t('counter.slot.label')}
      icon={<IconAlertTriangle size={20} />}
      py={6}
    >
      <Text size="sm" fw={600} c="orange.9">
        {t('counter.slot.unconfirmed')}
      </Text>
    </Alert>
  )
}
