import { Badge, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { Settings } from '../../../../common/contract'
import { describeUpdateState, type UpdateState } from '../../../../common/update-status'
import { api } from '../../api/client'

const BADGE: Record<UpdateState['kind'], { label: string; color: string }> = {
  unavailable: { label: 'Not available', color: 'gray' },
  off: { label: 'Off', color: 'gray' },
  idle: { label: 'Up to date', color: 'green' },
  checking: { label: 'Checking', color: 'blue' },
  downloading: { label: 'Downloading', color: 'blue' },
  ready: { label: 'Ready to install', color: 'teal' },
  installing: { label: 'Installing', color: 'teal' },
  error: { label: 'Problem', color: 'red' },
}

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
 * officer: on or off, which server, and what the app is doing about it.
 */
export function UpdatesSection({
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
  const state = useUpdateState()
  const badge = state ? BADGE[state.kind] : null
  // The idle state's time is shown here, not in the shared sentence (which also goes to logs).
  const checked =
    state?.kind === 'idle' && state.checkedAt !== null
      ? ` Last checked ${new Date(state.checkedAt).toLocaleString('en-KE', { timeZone: 'Africa/Nairobi' })}.`
      : ''
  return (
    <Stack gap="xs" mt="md" aria-labelledby="updates-title">
      <Title order={5} id="updates-title">
        Updates
      </Title>
      <Switch
        label="Check for, download and install signed updates automatically"
        description="Never while a registration or hand-over is open at a desk of this PC"
        checked={settings.updatesEnabled}
        onChange={(e) => onChange({ ...settings, updatesEnabled: e.currentTarget.checked })}
        disabled={!canEdit}
      />
      <TextInput
        label="Update server"
        description="The folder that holds latest.yml (https://). Empty: the address this app was built with."
        placeholder="https://updates.example.go.ke/track-my-service/"
        value={settings.updateUrl}
        onChange={(e) => onChange({ ...settings, updateUrl: e.currentTarget.value })}
        disabled={!canEdit || !settings.updatesEnabled}
        error={urlError}
      />
      {state && badge && (
        <Group gap="xs" wrap="nowrap" data-testid="update-state">
          <Badge color={badge.color} variant="light" radius="sm" style={{ flexShrink: 0 }}>
            {badge.label}
          </Badge>
          <Text size="sm">
            {describeUpdateState(state)}
            {checked}
          </Text>
        </Group>
      )}
    </Stack>
  )
}
