import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { api } from '../../api/client'

/**
 * The centre settings and the service catalogue as a file, for a centre that is offline: save it on one PC, open
 * it on another. Administrators only; the file holds no secrets and no personal data.
 */
export function SettingsFileTab() {
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
      notifications.show({ color: 'green', message: `Settings saved to ${f.fileName}.` })
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
        message: `Settings from ${file.name} applied${r.servicesChanged ? `, and ${r.servicesChanged} service(s) of the catalogue` : ''}.`,
      })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack maw={720}>
      <Text>
        Save this centre’s settings (grace time, shelf slots, SMS price, quiet hours, send rate, retention,
        receipt text) and its service catalogue to a file, and open it on another PC of the centre when the
        central API cannot be reached. The file holds no PINs, keys or tokens and no staff or customer
        details; printer, scanner and workstation slot stay with each PC.
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()}>Save settings to a file</Button>
        <FileButton onChange={(f) => void open(f)} accept="application/json,.json">
          {(props) => (
            <Button variant="light" loading={busy} {...props}>
              Open a settings file
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  )
}
