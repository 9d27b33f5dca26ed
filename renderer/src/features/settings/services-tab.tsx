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
import type { Service } from '../../../../common/catalogue'
import { api } from '../../api/client'
import { plural } from '../../ui/format'

/** The service catalogue. Administrators adjust names, turnaround, shelf retention and whether it is offered. */
export function ServicesTab({ canEdit }: { canEdit: boolean }) {
  const [services, setServices] = useState<Service[]>([])
  const [editing, setEditing] = useState<Service | null>(null)
  const load = useCallback(() => {
    api.call('catalogue.list', {}).then(setServices, () => setServices([]))
  }, [])
  useEffect(load, [load])
  return (
    <>
      <Table striped highlightOnHover verticalSpacing="xs" fz="sm" aria-label="Services">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Service</Table.Th>
            <Table.Th>Agency</Table.Th>
            <Table.Th>Ready in</Table.Th>
            <Table.Th>ID needed</Table.Th>
            <Table.Th>Shelf days</Table.Th>
            <Table.Th>State</Table.Th>
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
                {s.turnaroundDays === 0 ? 'same day' : plural(s.turnaroundDays, 'working day')}
              </Table.Td>
              <Table.Td>{s.idRequired ? 'Yes' : 'No'}</Table.Td>
              <Table.Td>{s.retentionDays}</Table.Td>
              <Table.Td>
                <Badge color={s.active ? 'green' : 'gray'}>{s.active ? 'Offered' : 'Not offered'}</Badge>{' '}
                {s.isDefault && (
                  <Badge color="gray" variant="outline">
                    Default
                  </Badge>
                )}
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setEditing(s)}>
                    Edit
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
            notifications.show({ color: 'green', message: `${s.nameEn} saved.` })
            load()
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
    <Modal opened onClose={onClose} title={`Edit ${service.nameEn}`} size="lg">
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label="Name (English)"
          value={draft.nameEn}
          onChange={(e) => setDraft({ ...draft, nameEn: e.currentTarget.value })}
        />
        <TextInput
          label="Name (Kiswahili)"
          value={draft.nameSw}
          onChange={(e) => setDraft({ ...draft, nameSw: e.currentTarget.value })}
        />
        <Group grow>
          <NumberInput
            label="Ready in (working days)"
            min={0}
            max={365}
            value={draft.turnaroundDays}
            onChange={(v) => setDraft({ ...draft, turnaroundDays: Number(v) })}
          />
          <NumberInput
            label="Days on the shelf before return"
            min={1}
            max={3650}
            value={draft.retentionDays}
            onChange={(v) => setDraft({ ...draft, retentionDays: Number(v) })}
          />
        </Group>
        <Switch
          label="ID number required"
          checked={draft.idRequired}
          onChange={(e) => setDraft({ ...draft, idRequired: e.currentTarget.checked })}
        />
        <Switch
          label="Offered at this centre"
          checked={draft.active}
          onChange={(e) => setDraft({ ...draft, active: e.currentTarget.checked })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()}>Save</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
