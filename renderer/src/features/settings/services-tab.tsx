import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Table,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Service } from '../../../../common/catalogue'
import { api } from '../../api/client'
import { reloadServiceNames } from '../../ui/service-names'

/** A service by the name in the window's language. */
const serviceName = (s: Service, language: string): string => (language === 'sw' ? s.nameSw : s.nameEn)

/** The service catalogue. Administrators adjust names, turnaround, shelf retention and whether it is offered. */
export function ServicesTab({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation()
  const [services, setServices] = useState<Service[]>([])
  const [editing, setEditing] = useState<Service | null>(null)
  const load = useCallback(() => {
    api.call('catalogue.list', {}).then(setServices, () => setServices([]))
  }, [])
  useEffect(load, [load])
  return (
    <>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" aria-label={t('settings.services.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.services.service')}</Table.Th>
            <Table.Th>{t('settings.services.agency')}</Table.Th>
            <Table.Th>{t('settings.services.readyIn')}</Table.Th>
            <Table.Th>{t('settings.services.idNeeded')}</Table.Th>
            <Table.Th>{t('settings.services.shelfDays')}</Table.Th>
            <Table.Th>{t('settings.services.state')}</Table.Th>
            {canEdit && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {services.map((s) => (
            <Table.Tr key={s.code}>
              <Table.Td>
                {s.nameEn}
                <br />
                <i>{s.nameSw}</i>
              </Table.Td>
              <Table.Td>{s.agency}</Table.Td>
              <Table.Td>
                {s.turnaroundDays === 0
                  ? t('settings.services.sameDay')
                  : t('settings.services.workingDays', { count: s.turnaroundDays })}
              </Table.Td>
              <Table.Td>{s.idRequired ? t('settings.services.yes') : t('settings.services.no')}</Table.Td>
              <Table.Td>{s.retentionDays}</Table.Td>
              <Table.Td>
                <Badge color={s.active ? 'green' : 'gray'} miw="max-content">
                  {s.active ? t('settings.services.offered') : t('settings.services.notOffered')}
                </Badge>{' '}
                {s.isDefault && (
                  <Badge color="gray" variant="outline" miw="max-content">
                    {t('settings.services.default')}
                  </Badge>
                )}
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setEditing(s)}>
                    {t('settings.services.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <EditService
          service={editing}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            notifications.show({
              color: 'green',
              message: t('settings.services.saved', { name: serviceName(s, i18n.language) }),
            })
            load()
            // The other screens name services from the catalogue: they take the edited names at once.
            void reloadServiceNames()
          }}
        />
      )}
    </>
  )
}

function EditService({
  service,
  onClose,
  onSaved,
}: {
  service: Service
  onClose: () => void
  onSaved: (s: Service) => void
}) {
  const { t, i18n } = useTranslation()
  const [draft, setDraft] = useState(service)
  const [error, setError] = useState<string | null>(null)
  const save = async (): Promise<void> => {
    try {
      onSaved(await api.call('catalogue.update', draft))
      onClose()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('settings.services.editTitle', { name: serviceName(service, i18n.language) })}
      size="lg"
    >
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('settings.services.nameEn')}
          value={draft.nameEn}
          onChange={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })}
        />
        <TextInput
          label={t('settings.services.nameSw')}
          value={draft.nameSw}
          onChange={(e) => setDraft({ ...draft, nameSw: e.currentTarget.value })}
        />
        <Group grow>
          <NumberInput
            label={t('settings.services.turnaround')}
            min={0}
            max={365}
            value={draft.turnaroundDays}
            onChange={(v) => setDraft({ ...draft, turnaroundDays: Number(v) })}
          />
          <NumberInput
            label={t('settings.services.retention')}
            min={1}
            max={3650}
            value={draft.retentionDays}
            onChange={(v) => setDraft({ ...draft, retentionDays: Number(v) })}
          />
        </Group>
        <Switch
          label={t('settings.services.idRequired')}
          checked={draft.idRequired}
          onChange={(e) => setDraft({ ...draft, idRequired: e.currentTarget.checked })}
        />
        <Switch
          label={t('settings.services.active')}
          checked={draft.active}
          onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('settings.cancel')}
          </Button>
          <Button onClick={() => void save()}>{t('settings.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
