import { Button, Group, NumberInput, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import type { AppStatus } from '../../../../common/contract'
import { api } from '../../api/client'

/** The centre and workstation identity (fixed at setup) and the idle-lock time (administrators change it). */
export function WorkstationTab({ app, canEdit }: { app: AppStatus; canEdit: boolean }) {
  const [idle, setIdle] = useState<number | string>('')
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.call('settings.get', {}).then(
      (s) => setIdle(s.idleLockMinutes),
      () => undefined,
    )
  }, [])
  const save = async (): Promise<void> => {
    setError(null)
    try {
      const s = await api.call('settings.update', { idleLockMinutes: Number(idle) })
      notifications.show({
        color: 'green',
        message: `Idle lock set to ${s.idleLockMinutes} minutes. It applies from the next sign-in.`,
      })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <Stack maw={640}>
      <Table variant="vertical" layout="fixed" fz="md" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={220}>Centre</Table.Th>
            <Table.Td>
              {app.centre?.name} ({app.centre?.number})
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Workstation slot</Table.Th>
            <Table.Td>{app.centre?.workstationSlot}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Device id</Table.Th>
            <Table.Td ff="monospace" fz="sm">
              {app.deviceId}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>App version</Table.Th>
            <Table.Td>{app.version}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text c="dimmed" size="sm">
        Centre number and workstation slot are fixed: changing them could repeat tracking numbers.
      </Text>
      <Group align="flex-end">
        <NumberInput
          label="Lock the screen after this many idle minutes"
          min={1}
          max={60}
          w={360}
          value={idle}
          onChange={setIdle}
          disabled={!canEdit}
          error={error}
        />
        {canEdit && <Button onClick={() => void save()}>Save</Button>}
      </Group>
    </Stack>
  )
}
