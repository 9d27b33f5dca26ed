import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'

/**
 * The centre settings and the service catalogue as a file, for a centre that is offline: save it on one PC, open
 * it on another. Administrators only; the file holds no secrets and no personal data.
 */
export function SettingsFileTab() {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async (): Promise<void> => {
    setError(null)
    try {
      const f = await api.call('settings.export', {})
      const a = document.createElement('a')
      a.href = URL.createObjectURL(new Blob([f.content], { type: 'application/json' }))
      a.download = f.fileName
      a.click()
      notifications.show({ color: 'green', message: t('settings.settingsFile.saved', { file: f.fileName }) })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  const open = async (file: File | null): Promise<void> => {
    if (!file) return
    setError(null)
    setBusy(true)
    try {
      const r = await api.call('settings.import', { content: await file.text() })
      notifications.show({
        color: 'green',
        message: r.servicesChanged
          ? t('settings.settingsFile.appliedServices', { file: file.name, count: r.servicesChanged })
          : t('settings.settingsFile.applied', { file: file.name }),
      })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack maw={720}>
      <Text>{t('settings.settingsFile.text')}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()}>{t('settings.settingsFile.save')}</Button>
        <FileButton onChange={(f) => void open(f)} accept="application/json,.json">
          {(props) => (
            <Button variant="light" loading={busy} {...props}>
              {t('settings.settingsFile.open')}
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  )
}
