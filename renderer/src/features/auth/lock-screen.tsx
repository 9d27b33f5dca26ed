import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../../common/contract'
import { api } from '../../api/client'

/** Covers the screen while the session is locked; only the same person’s PIN (or signing out) gets past it. */
export function LockScreen({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const unlock = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await api.call('auth.unlock', { pin })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setPin('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      fullScreen
      transitionProps={{ duration: 0 }}
      overlayProps={{ backgroundOpacity: 1 }}
      aria-label={t('auth.lock.title')}
    >
      <Stack align="center" justify="center" mih="90vh">
        <form onSubmit={(e) => void unlock(e)} style={{ width: 420 }}>
          <Stack>
            <Group gap="sm">
              <IconLock size={40} />
              <Title order={1} size="h2">
                {t('auth.lock.title')}
              </Title>
            </Group>
            <Text size="lg">
              {t('auth.lock.who', {
                name: session.staff.name,
                role: t(`common.role.${session.staff.role}`),
                staffNumber: session.staff.staffNumber,
              })}
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <PasswordInput
              label={t('auth.lock.pin')}
              inputMode="numeric"
              autoFocus
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value)}
            />
            <Group grow>
              <Button type="submit" size="lg" loading={busy}>
                {t('auth.lock.unlock')}
              </Button>
              <Button variant="default" size="lg" onClick={() => void api.call('auth.signOut', {})}>
                {t('auth.lock.signOut')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  )
}
