import { Alert, Center, Loader, Stack, Text } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus, SessionInfo } from '../../common/contract'
import { api } from './api/client'
import { LockScreen } from './features/auth/lock-screen'
import { NewPinScreen } from './features/auth/new-pin-screen'
import { SignInScreen } from './features/auth/sign-in-screen'
import { useIdleLock } from './features/auth/use-idle-lock'
import { SetupScreen } from './features/setup/setup-screen'
import { AppFrame } from './features/shell/app-frame'
import { setUiLanguage } from './i18n/instance'
import { ConfirmPinHost } from './ui/confirm-pin-modal'
import { formatDateTime } from './ui/format'
import { useServiceNamesSession } from './ui/service-names'

/** Top-level state: first-run setup → sign-in → the desks, with the lock screen over them when locked. */
export function App() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<AppStatus | null>(null)
  const [session, setSession] = useState<SessionInfo | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  const refresh = useCallback(
    () =>
      Promise.all([api.call('app.status', {}), api.call('auth.session', {})]).then(
        ([s, sess]) => {
          setStatus(s)
          setSession(sess)
          setLoadError(null)
        },
        (err: unknown) => setLoadError(err instanceof Error ? err.message : String(err)),
      ),
    [],
  )

  useEffect(() => {
    const off = api.on('session.changed', (d) => setSession(d.session))
    void refresh()
    return off
  }, [refresh])

  useIdleLock(session?.idleLockMs ?? 300_000, session !== null && !session.locked)
  // Service names in the window's language: loaded for each person signed in, forgotten when they leave.
  useServiceNamesSession(session?.staff.staffNumber ?? null)
  // The signed-in person's own language, on every PC they sign in at.
  const sessionLanguage = session?.language
  useEffect(() => {
    if (sessionLanguage) setUiLanguage(sessionLanguage)
  }, [sessionLanguage])

  if (loadError) {
    return (
      <Center mih="100vh">
        <Alert color="red" title={t('shell.start.cannotStart')} maw={560} role="alert">
          {loadError}
        </Alert>
      </Center>
    )
  }
  if (!status) {
    return (
      <Center mih="100vh">
        <Loader size="xl" aria-label={t('shell.start.loading')} />
      </Center>
    )
  }

  const recovery = status.recovery && (
    <Alert color="orange" title={t('shell.start.repairedTitle')} role="alert" m="md">
      <Stack gap={4}>
        <Text>
          {t('shell.start.damaged', {
            reason: status.recovery.reason,
            path: status.recovery.movedAsideTo,
          })}
        </Text>
        <Text>
          {status.recovery.restoredFrom
            ? t('shell.start.restored', { backup: status.recovery.restoredFrom })
            : t('shell.start.noBackup')}{' '}
          {t('shell.start.tellManager', { at: formatDateTime(status.recovery.at) })}
        </Text>
      </Stack>
    </Alert>
  )

  let body
  if (!status.setupDone) {
    body = (
      <SetupScreen
        onDone={(s) => {
          setSession(s)
          void refresh()
        }}
      />
    )
  } else if (!session) {
    body = <SignInScreen status={status} onSignedIn={setSession} />
  } else {
    body = session.mustChangePin ? (
      <NewPinScreen session={session} onChanged={setSession} />
    ) : (
      <>
        <AppFrame session={session} app={status} onSessionChanged={setSession} />
        {!session.locked && <ConfirmPinHost />}
        {session.locked && <LockScreen session={session} />}
      </>
    )
  }
  return (
    <>
      {recovery}
      {body}
    </>
  )
}
