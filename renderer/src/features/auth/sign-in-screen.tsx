import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconLock } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { contract, type AppStatus, type CatchUpInfo, type SessionInfo } from '../../../../common/contract'
import { ApiError, api } from '../../api/client'
import { zodValidate } from '../../api/zod-validate'
import { CatchUpProgress } from '../../ui/catch-up-progress'

/** How often the sign-in screen asks how far a running catch-up is (nobody is signed in to receive pushes). */
const CATCH_UP_POLL_MS = 1_000

/** The catch-up of a PC that has just joined its centre, followed until it is done. */
function useCatchUp(initial: CatchUpInfo | null): CatchUpInfo | null {
  const [catchUp, setCatchUp] = useState(initial)
  const running = catchUp?.state === 'running'
  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => {
      api.call('app.status', {}).then(
        (s) => setCatchUp(s.catchUp),
        () => undefined, // the next tick asks again
      )
    }, CATCH_UP_POLL_MS)
    return () => clearInterval(timer)
  }, [running])
  return catchUp
}

interface Values {
  staffNumber: string
  pin: string
}

/** Staff number + PIN on the shared counter PC. Wrong PINs count towards a five-minute lockout. */
export function SignInScreen({
  status,
  onSignedIn,
}: {
  status: AppStatus
  onSignedIn: (s: SessionInfo) => void
}) {
  const [error, setError] = useState<{ title: string; message: string; color: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const catchUp = useCatchUp(status.catchUp)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { staffNumber: '', pin: '' },
    validate: zodValidate<Values>(contract['auth.signIn'].input),
  })

  const submit = form.onSubmit(async (values) => {
    setBusy(true)
    setError(null)
    try {
      onSignedIn(await api.call('auth.signIn', values))
    } catch (err) {
      const locked = err instanceof ApiError && err.code === 'ACCOUNT_LOCKED'
      setError({
        title: locked ? 'Account locked' : 'Not signed in',
        message: err instanceof Error ? err.message : String(err),
        color: locked ? 'orange' : 'red',
      })
      form.setFieldValue('pin', '')
    } finally {
      setBusy(false)
    }
  })

  return (
    <Center mih="100vh" bg="var(--mantine-color-gray-1)">
      <Paper withBorder shadow="md" p="xl" radius="lg" w={440}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Text c="huduma.8" fw={700} tt="uppercase" size="sm">
                Track My Service
              </Text>
              <Title order={1} size="h2">
                {status.centre?.name ?? 'Huduma Centre'}
              </Title>
              <Text c="dimmed" size="sm">
                Centre {status.centre?.number} · Workstation {status.centre?.workstationSlot}
              </Text>
            </div>
            {catchUp && <CatchUpProgress catchUp={catchUp} />}
            {catchUp?.state === 'running' && (
              <Text size="sm">
                Sign in with the staff number and PIN you use on the centre’s other PCs: the staff list comes
                down first.
              </Text>
            )}
            {error && (
              <Alert color={error.color} title={error.title} icon={<IconLock />} role="alert">
                {error.message}
              </Alert>
            )}
            <TextInput
              label="Staff number"
              autoFocus
              autoComplete="username"
              required
              {...form.getInputProps('staffNumber')}
            />
            <PasswordInput
              label="PIN"
              inputMode="numeric"
              autoComplete="current-password"
              required
              {...form.getInputProps('pin')}
            />
            <Button type="submit" size="lg" loading={busy} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
