import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconKey, IconPencil, IconUserPlus } from '@tabler/icons-react'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffSummary } from '../../../../common/contract'
import { api } from '../../api/client'
import { formatDateTime } from '../../ui/format'
import { AddStaffModal, EditStaffModal, ResetPinModal } from './staff-form-modal'
import { SettingScope } from '../../ui/setting-scope'

/** What the notification says after each change. */
const DONE = {
  added: 'settings.staff.added',
  saved: 'settings.staff.saved',
  pinSet: 'settings.staff.pinSet',
} as const

/** Staff of the centre: administrators add, edit and reset PINs; managers see the list. */
export function StaffTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation()
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

  const saved = (done: (typeof DONE)[keyof typeof DONE]) => (s: StaffSummary) => {
    notifications.show({ color: 'green', message: t(done, { name: s.name, staffNumber: s.staffNumber }) })
    load()
  }

  return (
    <>
      <SettingScope scope="centre" />
      <Group justify="space-between" mb="sm" mt="sm">
        <Text c="dimmed">{t('settings.staff.count', { count: staff.length })}</Text>
        {canEdit && (
          <Button leftSection={<IconUserPlus size={18} />} onClick={() => setAdding(true)}>
            {t('settings.staff.add')}
          </Button>
        )}
      </Group>
      <Table striped highlightOnHover verticalSpacing="sm" fz="md" aria-label={t('settings.staff.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.staff.staffNumber')}</Table.Th>
            <Table.Th>{t('settings.staff.name')}</Table.Th>
            <Table.Th>{t('settings.staff.role')}</Table.Th>
            <Table.Th>{t('settings.staff.state')}</Table.Th>
            <Table.Th>{t('settings.staff.lastSignIn')}</Table.Th>
            {canEdit && <Table.Th aria-label={t('settings.staff.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((s) => {
            const locked = s.lockedUntil !== null && s.lockedUntil > loadedAt
            return (
              <Table.Tr key={s.staffNumber}>
                <Table.Td ff="monospace">{s.staffNumber}</Table.Td>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>{t(`common.role.${s.role}`)}</Table.Td>
                <Table.Td>
                  {!s.active ? (
                    <Badge color="gray" miw="max-content">
                      {t('settings.staff.deactivated')}
                    </Badge>
                  ) : locked ? (
                    <Badge color="orange" miw="max-content">
                      {t('settings.staff.lockedUntil', { time: formatDateTime(s.lockedUntil) })}
                    </Badge>
                  ) : (
                    <Badge color="green" miw="max-content">
                      {t('settings.staff.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatDateTime(s.lastSignInAt)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Tooltip label={t('settings.staff.edit')}>
                        <ActionIcon
                          variant="light"
                          size="lg"
                          aria-label={t('settings.staff.editName', { name: s.name })}
                          onClick={() => setEditing(s)}
                        >
                          <IconPencil size={18} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('settings.staff.newPin')}>
                        <ActionIcon
                          variant="light"
                          size="lg"
                          aria-label={t('settings.staff.newPinFor', { name: s.name })}
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
      <AddStaffModal opened={adding} onClose={() => setAdding(false)} onSaved={saved(DONE.added)} />
      {editing && (
        <EditStaffModal staff={editing} onClose={() => setEditing(null)} onSaved={saved(DONE.saved)} />
      )}
      {resetting && (
        <ResetPinModal staff={resetting} onClose={() => setResetting(null)} onSaved={saved(DONE.pinSet)} />
      )}
    </>
  )
}
