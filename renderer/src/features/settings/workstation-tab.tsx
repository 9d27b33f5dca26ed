import {
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
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
import { api } from '../../api/client'
import { SettingScope } from '../../ui/setting-scope'

/**
 * This PC's identity (fixed at setup), then the centre settings (idle lock, retention, grace time, slots, what every
 * receipt says about status), which are shared with every PC of the centre.
 */
export function WorkstationTab({ app, canEdit }: { app: AppStatus; canEdit: boolean }) {
  const { t } = useTranslation()
  const [settings, setSettings] = useState<Settings | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.call('settings.get', {}).then(setSettings, () => undefined)
  }, [])
  const save = async (): Promise<void> => {
    if (!settings) return
    setError(null)
    try {
      setSettings(await api.call('settings.update', settings))
      notifications.show({
        color: 'green',
        message: t('settings.workstation.saved'),
      })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
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
          <Group align="flex-end" grow>
            <NumberInput
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
