import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import type { SessionInfo } from '../../../../common/contract'
import { ROLE_LABELS } from '../../../../common/roles'
import { api } from '../../api/client'

/** Covers the screen while the session is locked; only the same person’s PIN (or signing out) gets past it. */
export function LockScreen({ session }: { session: SessionInfo }) {
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
      aria-label="Workstation locked"
    >
      <Stack align="center" justify="center" mih="90vh">
        <form onSubmit={(e) => void unlock(e)} style={{ width: 420 }}>
          <Stack>
            <Group gap="sm">
              <IconLock size={40} />
              <Title order={1} size="h2">
                Workstation locked
              </Title>
            </Group>
            <Text size="lg">
              {session.staff.name} · {ROLE_LABELS[session.staff.role]} ({session.staff.staffNumber})
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <PasswordInput
              label="PIN"
              inputMode="numeric"
              autoFocus
              value={pin}
              onChange={(e) => setPin(e.currentTarget.value)}
            />
            <Group grow>
              <Button type="submit" size="lg" loading={busy}>
                Unlock
              </Button>
              <Button variant="default" size="lg" onClick={() => void api.call('auth.signOut', {})}>
                Sign out
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  )
}
