import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconLock } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type AppStatus, type CatchUpInfo, type SessionInfo } from '../../../../common/contract'
import { isUiLanguage, type UiLanguage } from '../../../../common/i18n'
import { ApiError, api } from '../../api/client'
import { zodValidate } from '../../api/zod-validate'
import { setUiLanguage, uiLanguage } from '../../i18n/instance'
import { CatchUpProgress } from '../../ui/catch-up-progress'
import { LanguageSwitch } from '../../ui/language-switch'

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
  const { t, i18n } = useTranslation()
  // Set only when the person picks a language here: then it becomes theirs. Otherwise they get their own.
  const [chosen, setChosen] = useState<UiLanguage | null>(null)
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
      onSignedIn(await api.call('auth.signIn', chosen ? { ...values, language: chosen } : values))
    } catch (err) {
      const locked = err instanceof ApiError && err.code === 'ACCOUNT_LOCKED'
      setError({
        title: locked ? t('auth.signIn.lockedTitle') : t('auth.signIn.failedTitle'),
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
            <LanguageSwitch
              value={isUiLanguage(i18n.language) ? i18n.language : uiLanguage()}
              onChange={(l) => {
                setChosen(l)
                setUiLanguage(l)
              }}
            />
            <div>
              <Text c="huduma.8" fw={700} tt="uppercase" size="sm">
                {t('common.appName')}
              </Text>
              <Title order={1} size="h2">
                {status.centre?.name ?? t('auth.signIn.centreFallback')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('auth.signIn.where', {
                  centre: status.centre?.number,
                  slot: status.centre?.workstationSlot,
                })}
              </Text>
            </div>
            {catchUp && <CatchUpProgress catchUp={catchUp} />}
            {catchUp?.state === 'running' && <Text size="sm">{t('auth.signIn.catchingUp')}</Text>}
            {error && (
              <Alert color={error.color} title={error.title} icon={<IconLock />} role="alert">
                {error.message}
              </Alert>
            )}
            <TextInput
              label={t('auth.signIn.staffNumber')}
              autoFocus
              autoComplete="username"
              required
              {...form.getInputProps('staffNumber')}
            />
            <PasswordInput
              label={t('auth.signIn.pin')}
              inputMode="numeric"
              autoComplete="current-password"
              required
              {...form.getInputProps('pin')}
            />
            <Button type="submit" size="lg" loading={busy} fullWidth>
              {t('auth.signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  )
}
