import { AppShell, Badge, Button, Group, Kbd, NavLink, Stack, Text } from '@mantine/core'
import { IconLock, IconLogout } from '@tabler/icons-react'
import type { HotkeyItem } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus, SessionInfo } from '../../../../common/contract'
import type { UiLanguage } from '../../../../common/i18n'
import { api } from '../../api/client'
import { setUiLanguage } from '../../i18n/instance'
import { LanguageSwitch } from '../../ui/language-switch'
import { ArrivalsPage } from '../arrivals/arrivals-page'
import { BacklogPage } from '../backlog/backlog-page'
import { CollectionPage } from '../collection/collection-page'
import { CounterPage } from '../counter/counter-page'
import { NotYetPage } from '../home/not-yet-page'
import { SettingsPage } from '../settings/settings-page'
import { deskForKey, itemsFor, NAV_ITEMS, type PageId } from './nav-items'
import { LargeTypeButton } from '../../ui/large-type'
import { useDeskHotkeys } from '../../ui/use-desk-hotkeys'
import { StatusBar } from './status-bar'

/**
 * Header, role-based navigation, the current desk, and the status bar. Alt+digit opens a desk (each desk keeps its
 * digit whatever the role) and Ctrl+L locks, from any field.
 */
export function AppFrame({
  session,
  app,
  onSessionChanged,
}: {
  session: SessionInfo
  app: AppStatus
  /** The session the core answered with after a change made here (the person's language). */
  onSessionChanged?: (s: SessionInfo) => void
}) {
  const { t, i18n } = useTranslation()
  const items = itemsFor(session.staff.role)
  const [page, setPage] = useState<PageId>(items[0]?.id ?? 'settings')
  const lock = (): void => void api.call('auth.lock', {}).catch(() => undefined)
  // The person's own language: the window switches at once, and the core keeps it for them on every PC of the
  // centre. Not kept (the call failed), the window goes back to the language the session still has.
  const switchLanguage = (next: UiLanguage): void => {
    setUiLanguage(next)
    api.call('auth.setLanguage', { language: next }).then(
      (s) => {
        setUiLanguage(s.language)
        onSessionChanged?.(s)
      },
      () => setUiLanguage(session.language),
    )
  }

  useDeskHotkeys([
    ['mod+L', lock],
    // The physical digit key: Alt+digit gives another character on some layouts.
    ...NAV_ITEMS.map((item): HotkeyItem => [
      `alt+Digit${item.key}`,
      () => {
        const desk = deskForKey(session.staff.role, item.key)
        if (desk) setPage(desk.id)
      },
      { usePhysicalKeys: true },
    ]),
  ])

  const current = items.find((i) => i.id === page) ?? items[0]
  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 262, breakpoint: 0 }}
      footer={{ height: 48 }}
      padding="md"
    >
      <AppShell.Header bg="huduma.8" c="white">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          {/* The centre's name gives way first (up to 80 characters): who is signed in, as what, never does. */}
          <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: 1 }}>
            <Text fw={800} size="xl" style={{ whiteSpace: 'nowrap' }}>
              {t('common.appName')}
            </Text>
            <Text size="lg" opacity={0.95} truncate="end" miw={0} title={app.centre?.name}>
              {app.centre?.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Stack gap={0} align="flex-end" maw={280}>
              <Text
                fw={700}
                lh={1.2}
                truncate="end"
                maw={280}
                title={session.staff.name}
                data-testid="signed-in-name"
              >
                {session.staff.name}
              </Text>
              <Text size="sm" lh={1.2} opacity={0.95}>
                {session.staff.staffNumber}
              </Text>
            </Stack>
            <Badge
              color="white"
              c="huduma.9"
              variant="filled"
              size="lg"
              style={{ flexShrink: 0, overflow: 'visible' }}
              styles={{ label: { overflow: 'visible' } }}
              data-testid="role-badge"
            >
              {t(`common.role.${session.staff.role}`)}
            </Badge>
            <LanguageSwitch
              value={i18n.language === 'sw' ? 'sw' : 'en'}
              onChange={switchLanguage}
              size="xs"
            />
            <LargeTypeButton />
            <Button
              variant="white"
              color="huduma"
              leftSection={<IconLock size={18} />}
              onClick={lock}
              title={t('shell.header.lockTitle')}
            >
              {t('shell.header.lock')}
            </Button>
            <Button
              variant="outline"
              color="white"
              leftSection={<IconLogout size={18} />}
              onClick={() => void api.call('auth.signOut', {}).catch(() => undefined)}
              styles={{ root: { color: 'white', borderColor: 'rgba(255,255,255,.6)' } }}
            >
              {t('shell.header.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.nav.label')}>
        {items.map((item) => (
          <NavLink
            key={item.id}
            active={item.id === current?.id}
            label={t(`shell.nav.${item.id}.label`)}
            title={t(`shell.nav.${item.id}.hint`)}
            leftSection={<item.icon size={26} />}
            rightSection={<Kbd size="xs">{t('shell.nav.key', { key: item.key })}</Kbd>}
            onClick={() => setPage(item.id)}
            styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 600 } }}
            py="md"
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        {current?.id === 'settings' ? (
          <SettingsPage session={session} app={app} />
        ) : current?.id === 'counter' ? (
          <CounterPage />
        ) : current?.id === 'arrivals' ? (
          <ArrivalsPage />
        ) : current?.id === 'collection' ? (
          <CollectionPage />
        ) : current?.id === 'backlog' ? (
          <BacklogPage />
        ) : (
          current && <NotYetPage item={current} />
        )}
      </AppShell.Main>
      <AppShell.Footer>
        <StatusBar app={app} />
      </AppShell.Footer>
    </AppShell>
  )
}
