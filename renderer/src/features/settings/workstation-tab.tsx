import {
  Badge,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus, Settings } from '../../../../common/contract'
import { OPEN_WORK_LABEL, type OpenWorkKind } from '../../../../common/open-work'
import type { UpdateState } from '../../../../common/update-status'
import { ApiError, api } from '../../api/client'
import { contractText } from '../../i18n/contract-text'
import { formatDateTime } from '../../ui/format'
import { SettingScope } from '../../ui/setting-scope'

/**
 * This PC's identity (fixed at setup), then the centre settings (idle lock, retention, grace time, slots, what every
 * receipt says about status, automatic updates), which are shared with every PC of the centre.
 */
export function WorkstationTab({ app, canEdit }: { app: AppStatus; canEdit: boolean }) {
  const { t } = useTranslation()
  const [settings, setSettings] = useState<Settings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [urlError, setUrlError] = useState<string | null>(null)
  useEffect(() => {
    api.call('settings.get', {}).then(setSettings, () => undefined)
  }, [])
  const save = async (): Promise<void> => {
    if (!settings) return
    setError(null)
    setUrlError(null)
    try {
      setSettings(await api.call('settings.update', settings))
      notifications.show({
        color: 'green',
        message: t('settings.workstation.saved'),
      })
    } catch (err) {
      if (err instanceof ApiError && err.field === 'updateUrl') setUrlError(err.message)
      else setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <Stack maw={720}>
      <SettingScope scope="pc" />
      <Table variant="vertical" layout="fixed" fz="md" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={220}>{t('settings.workstation.centre')}</Table.Th>
            <Table.Td>
              {app.centre?.name} ({app.centre?.number})
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('settings.workstation.slot')}</Table.Th>
            <Table.Td>{app.centre?.workstationSlot}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('settings.workstation.deviceId')}</Table.Th>
            <Table.Td ff="monospace" fz="sm">
              {app.deviceId}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('settings.workstation.version')}</Table.Th>
            <Table.Td>{app.version}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text c="dimmed" size="sm">
        {t('settings.workstation.fixed')}
      </Text>
      {settings && (
        <>
          <Title order={4} mt="md">
            {t('settings.workstation.centreSettings')}
          </Title>
          <SettingScope scope="centre" />
          <NumberInput
            label={t('settings.workstation.idleLock')}
            min={1}
            max={60}
            w={360}
            value={settings.idleLockMinutes}
            onChange={(v) => setSettings({ ...settings, idleLockMinutes: Number(v) })}
            disabled={!canEdit}
          />
          <NumberInput
            label={t('settings.workstation.retention')}
            description={t('settings.workstation.retentionHint')}
            min={30}
            max={3650}
            w={360}
            value={settings.personalDataRetentionDays}
            onChange={(v) => setSettings({ ...settings, personalDataRetentionDays: Number(v) })}
            disabled={!canEdit}
          />
          {/* Not grow: equal halves cut the slot control's second option ("Nafasi za…"); it takes its width. */}
          <Group align="flex-end" wrap="nowrap">
            <NumberInput
              flex={1}
              label={t('settings.workstation.grace')}
              description={t('settings.workstation.graceHint')}
              min={0}
              max={1440}
              value={settings.readyGraceMinutes}
              onChange={(v) => setSettings({ ...settings, readyGraceMinutes: Number(v) })}
              disabled={!canEdit}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('settings.workstation.slots')}
              </Text>
              <SegmentedControl
                value={settings.slotScheme.kind}
                onChange={(v) =>
                  setSettings({
                    ...settings,
                    slotScheme:
                      v === 'fixed'
                        ? { kind: 'fixed', slots: [{ label: 'A-01', capacity: 50 }] }
                        : { kind: 'week-service' },
                  })
                }
                data={[
                  { value: 'week-service', label: t('settings.workstation.byWeek') },
                  { value: 'fixed', label: t('settings.workstation.fixedSlots') },
                ]}
                disabled={!canEdit}
              />
            </Stack>
          </Group>
          {settings.slotScheme.kind === 'fixed' && (
            <Textarea
              label={t('settings.workstation.fixedSlotsList')}
              autosize
              minRows={2}
              maxRows={6}
              defaultValue={settings.slotScheme.slots.map((sl) => `${sl.label} ${sl.capacity}`).join('\n')}
              onBlur={(e) =>
                setSettings({
                  ...settings,
                  slotScheme: {
                    kind: 'fixed',
                    // A label may have spaces ('BOX 3 40'): the capacity is the number at the end of the line.
                    slots: e.currentTarget.value
                      .split('\n')
                      .map((line) => /^(.*?)(?:[\s:,]+(\d+))?$/.exec(line.trim()))
                      .filter((m) => m?.[1])
                      .map((m) => ({
                        label: (m?.[1] ?? '').toUpperCase(),
                        capacity: Number(m?.[2] ?? 50),
                      })),
                  },
                })
              }
              disabled={!canEdit}
            />
          )}
          <TextInput
            label={t('settings.workstation.statusUrl')}
            value={settings.statusUrlBase}
            onChange={(e) => setSettings({ ...settings, statusUrlBase: e.currentTarget.value })}
            disabled={!canEdit}
          />
          <Textarea
            label={t('settings.workstation.howToCheck')}
            autosize
            minRows={2}
            value={settings.howToCheck}
            onChange={(e) => setSettings({ ...settings, howToCheck: e.currentTarget.value })}
            disabled={!canEdit}
            error={error}
          />
          <UpdatesSection settings={settings} onChange={setSettings} canEdit={canEdit} urlError={urlError} />
          {canEdit && (
            <Button onClick={() => void save()} w={120}>
              {t('settings.save')}
            </Button>
          )}
        </>
      )}
    </Stack>
  )
}

/** The Badge colour of each state; its words are `settings.workstation.updates.badge.<kind>`. */
function badgeColor(kind: UpdateState['kind']): string {
  if (kind === 'error') return 'red'
  if (kind === 'idle') return 'green'
  if (kind === 'ready' || kind === 'installing') return 'teal'
  if (kind === 'checking' || kind === 'downloading') return 'blue'
  return 'gray'
}

/** The core names what is open in English (OPEN_WORK_LABEL, joined by " and "): each part in the window's language. */
const WORK_KIND = new Map(
  (Object.entries(OPEN_WORK_LABEL) as [OpenWorkKind, string][]).map(([kind, label]) => [label, kind]),
)

/** Where this PC's automatic update stands, from the status and its pushes. Null until the first answer. */
function useUpdateState(): UpdateState | null {
  const [state, setState] = useState<UpdateState | null>(null)
  useEffect(() => {
    api.call('status.get', {}).then(
      (s) => setState(s.update),
      () => undefined,
    )
    return api.on('status.changed', ({ status }) => setState(status.update))
  }, [])
  return state
}

/**
 * The centre's update settings (saved with the other centre settings) and this PC's update state, for the IT
 * officer: on or off, which server, and what the app is doing about it. A problem and the reason updates are not
 * available here come from the updater as it words them (in English, like the services' own errors).
 */
function UpdatesSection({
  settings,
  onChange,
  canEdit,
  urlError,
}: {
  settings: Settings
  onChange: (next: Settings) => void
  canEdit: boolean
  /** The core's reason for refusing the address at the last save. */
  urlError: string | null
}) {
  const { t } = useTranslation()
  const state = useUpdateState()
  const work = (waitingFor: string): string =>
    waitingFor
      .split(' and ')
      .map((part) => {
        const kind = WORK_KIND.get(part)
        return kind ? t(`settings.workstation.updates.work.${kind}`) : part
      })
      .join(t('settings.workstation.updates.work.and'))
  const sentence = (s: UpdateState): string => {
    switch (s.kind) {
      // The core's and the updater's English: shown in the window's language when the catalogue has it.
      case 'unavailable':
        return contractText(s.detail)
      case 'off':
        return t('settings.workstation.updates.off')
      case 'idle':
        return s.checkedAt === null
          ? t('settings.workstation.updates.notChecked')
          : t('settings.workstation.updates.upToDate', { at: formatDateTime(s.checkedAt) })
      case 'checking':
        return t('settings.workstation.updates.checking')
      case 'downloading':
        return t('settings.workstation.updates.downloading', { version: s.version, percent: s.percent })
      case 'ready':
        return s.waitingFor
          ? t('settings.workstation.updates.readyWaiting', { version: s.version, work: work(s.waitingFor) })
          : t('settings.workstation.updates.readySoon', { version: s.version })
      case 'installing':
        return t('settings.workstation.updates.installing', { version: s.version })
      case 'error':
        return contractText(s.message)
    }
  }
  return (
    <Stack gap="xs" mt="md">
      <Title order={5}>{t('settings.workstation.updates.title')}</Title>
      <Switch
        label={t('settings.workstation.updates.enabled')}
        description={t('settings.workstation.updates.enabledHint')}
        checked={settings.updatesEnabled}
        onChange={(e) => onChange({ ...settings, updatesEnabled: e.currentTarget.checked })}
        disabled={!canEdit}
      />
      <TextInput
        label={t('settings.workstation.updates.server')}
        description={t('settings.workstation.updates.serverHint')}
        value={settings.updateUrl}
        onChange={(e) => onChange({ ...settings, updateUrl: e.currentTarget.value })}
        disabled={!canEdit || !settings.updatesEnabled}
        error={urlError}
      />
      {state && (
        <Group gap="xs" wrap="nowrap" data-testid="update-state">
          <Badge color={badgeColor(state.kind)} variant="light" radius="sm" style={{ flexShrink: 0 }}>
            {t(`settings.workstation.updates.badge.${state.kind}`)}
          </Badge>
          <Text size="sm">{sentence(state)}</Text>
        </Group>
      )}
    </Stack>
  )
}
