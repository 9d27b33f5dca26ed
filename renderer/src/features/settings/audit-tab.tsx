import { Code, Group, Select, Table, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import type { AuditEntry } from '../../../../common/contract'
import { api } from '../../api/client'
import { formatDateTime } from '../../ui/format'

const ACTIONS = [
  'auth.signIn',
  'auth.signIn.failed',
  'auth.signIn.refused',
  'auth.accountLocked',
  'auth.lock',
  'auth.unlock',
  'auth.unlock.failed',
  'auth.signOut',
  'auth.pinChanged',
  'staff.created',
  'staff.updated',
  'staff.pinReset',
  'settings.updated',
  'setup.centreCreated',
]

/** The newest audit entries, filterable by staff number and action. */
export function AuditTab() {
  const [entries, setEntries] = useState<AuditEntry[]>([])
  const [staffNumber, setStaffNumber] = useState('')
  const [action, setAction] = useState<string | null>(null)
  const [staffFilter] = useDebouncedValue(staffNumber.trim(), 300)
  useEffect(() => {
    api
      .call('audit.list', {
        limit: 200,
        ...(staffFilter.length >= 3 ? { staffNumber: staffFilter } : {}),
        ...(action ? { action } : {}),
      })
      .then(setEntries, () => setEntries([]))
  }, [staffFilter, action])
  return (
    <>
      <Group mb="sm">
        <TextInput
          label="Staff number"
          value={staffNumber}
          onChange={(e) => setStaffNumber(e.currentTarget.value)}
          w={200}
        />
        <Select
          label="Action"
          data={ACTIONS}
          value={action}
          onChange={setAction}
          clearable
          searchable
          w={260}
        />
      </Group>
      <Table striped verticalSpacing="xs" fz="sm" aria-label="Audit log">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>When</Table.Th>
            <Table.Th w={130}>Staff</Table.Th>
            <Table.Th w={200}>Action</Table.Th>
            <Table.Th>Detail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDateTime(e.at)}</Table.Td>
              <Table.Td ff="monospace">{e.staffNumber ?? '—'}</Table.Td>
              <Table.Td>{e.action}</Table.Td>
              <Table.Td>
                <Code>{JSON.stringify(e.detail)}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
