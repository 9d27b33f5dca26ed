import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconKey, IconPencil, IconUserPlus } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import type { StaffSummary } from '../../../../common/contract'
import { ROLE_LABELS } from '../../../../common/roles'
import { api } from '../../api/client'
import { formatDateTime, plural } from '../../ui/format'
import { AddStaffModal, EditStaffModal, ResetPinModal } from './staff-form-modal'
import { SettingScope } from '../../ui/setting-scope'

/** Staff of the centre: administrators add, edit and reset PINs; managers see the list. */
export function StaffTab({ canEdit }: { canEdit: boolean }) {
  const [{ staff, loadedAt }, setList] = useState<{ staff: StaffSummary[]; loadedAt: number }>({
    staff: [],
    loadedAt: 0,
  })
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<StaffSummary | null>(null)
  const [resetting, setResetting] = useState<StaffSummary | null>(null)
  const load = useCallback(() => {
    api.call('staff.list', {}).then(
      (list) => setList({ staff: list, loadedAt: Date.now() }),
      (err: Error) => notifications.show({ color: 'red', message: err.message }),
    )
  }, [])
  useEffect(load, [load])

  const saved = (verb: string) => (s: StaffSummary) => {
    notifications.show({ color: 'green', message: `${s.name} (${s.staffNumber}) ${verb}.` })
    load()
  }

  return (
    <>
      <SettingScope scope="centre" />
      <Group justify="space-between" mb="sm" mt="sm">
        <Text c="dimmed">{plural(staff.length, 'staff member')}</Text>
        {canEdit && (
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => setAdding(true)}>
            Add staff member
          </Button>
        )}
      </Group>
      <Table striped highlightOnHover verticalSpacing="sm" fz="md" aria-label="Staff">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Staff number</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            {canEdit && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((s) => {
            const locked = s.lockedUntil !== null && s.lockedUntil > loadedAt
            return (
              <Table.Tr key={s.staffNumber}>
                <Table.Td ff="monospace">{s.staffNumber}</Table.Td>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{ROLE_LABELS[s.role]}</Table.Td>
                <Table.Td>
                  {!s.active ? (
                    <Badge color="gray">Deactivated</Badge>
                  ) : locked ? (
                    <Badge color="orange">Locked until {formatDateTime(s.lockedUntil)}</Badge>
                  ) : (
                    <Badge color="green">Active</Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatDateTime(s.lastSignInAt)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Tooltip label="Edit">
                        <ActionIcon
                          variant="light"
                          size="lg"
                          aria-label={`Edit ${s.name}`}
                          onClick={() => setEditing(s)}
                        >
                          <IconPencil size={18} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Set a new PIN">
                        <ActionIcon
                          variant="light"
                          size="lg"
                          aria-label={`New PIN for ${s.name}`}
                          onClick={() => setResetting(s)}
                        >
                          <IconKey size={18} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <AddStaffModal opened={adding} onClose={() => setAdding(false)} onSaved={saved('added')} />
      {editing && (
        <EditStaffModal staff={editing} onClose={() => setEditing(null)} onSaved={saved('saved')} />
      )}
      {resetting && (
        <ResetPinModal
          staff={resetting}
          onClose={() => setResetting(null)}
          onSaved={saved('has a new PIN')}
        />
      )}
    </>
  )
}
