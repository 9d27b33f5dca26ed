import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconSearch, IconTrash } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import type { SubjectRecord } from '../../../../common/contract'
import { formatKenyanMobile, normalizeKenyanMobile } from '../../../../common/phone'
import { subjectFacts, SUBJECT_FACT_HEADER } from '../../../../common/subject-report'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { formatDateTime, plural } from '../../ui/format'
import { StatusBadge } from '../../ui/status-badge'
import { downloadText } from './csv-export'

type By = 'idNumber' | 'phone'

/** The key as the core wants it, or what is wrong with what was typed (checked before the PIN is asked). */
function subjectKey(
  by: By,
  typed: string,
): { key: { idNumber: string } | { phone: string } } | { error: string } {
  const text = typed.trim()
  if (by === 'idNumber')
    return /^\d{6,8}$/.test(text)
      ? { key: { idNumber: text } }
      : { error: 'ID number is 6 to 8 digits, as on the national ID card' }
  const phone = normalizeKenyanMobile(text)
  return phone.ok ? { key: { phone: phone.e164 } } : { error: phone.message }
}

/**
 * A customer's request under the Data Protection Act 2019 (s. 26): find everything this PC holds about their ID
 * number or phone, show it, and hand it over as a printable page and a CSV. Each step asks for the manager's PIN
 * and is audited (the audit row keeps the ID number or phone masked).
 */
export function PersonalDataTab() {
  const [by, setBy] = useState<By>('idNumber')
  const [typed, setTyped] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [record, setRecord] = useState<SubjectRecord | null>(null)

  const find = (e: FormEvent) => {
    e.preventDefault()
    const k = subjectKey(by, typed)
    if ('error' in k) {
      setFieldError(k.error)
      return
    }
    setFieldError(null)
    void confirmWithPin({
      title: 'Find a customer’s personal data',
      description:
        'Check the customer’s ID card first. Finding what is held about a person is recorded in the audit log.',
      run: async (pin) => setRecord(await api.call('subject.find', { ...k.key, pin })),
    })
  }

  const exportFiles = (r: SubjectRecord) =>
    void confirmWithPin({
      title: 'Export the customer’s personal data',
      description:
        'Saves a printable page and a CSV file to hand to the customer. The export is recorded in the audit log.',
      run: async (pin) => {
        const key = r.by === 'idNumber' ? { idNumber: r.value } : { phone: r.value }
        const out = await api.call('subject.export', { ...key, pin })
        for (const f of out.files) downloadText(f.name, f.mime, f.content)
        setRecord(out.record)
        notifications.show({
          color: 'green',
          message: `Saved ${out.files.map((f) => f.name).join(' and ')}: print the page for the customer.`,
        })
      },
    })

  const erase = (r: SubjectRecord) =>
    void confirmWithPin({
      title: 'Erase the customer’s personal data',
      description:
        'Name, phone, ID number, notes and proxy details are erased from every application that is collected, returned or cancelled, here and at the central API. Documents still registered or on the shelf keep them until they are handed over. This cannot be undone and is recorded in the audit log.',
      confirmLabel: 'Erase (Enter)',
      run: async (pin) => {
        const key = r.by === 'idNumber' ? { idNumber: r.value } : { phone: r.value }
        const out = await api.call('subject.erase', { ...key, pin })
        notifications.show({
          color: out.refused.length > 0 ? 'orange' : 'green',
          message:
            `${plural(out.erased.length, 'application')} erased` +
            (out.alreadyErased.length > 0 ? `, ${out.alreadyErased.length} already erased` : '') +
            (out.refused.length > 0
              ? `; kept: ${out.refused.map((x) => `${formatTrackingNumber(x.trackingNumber)} (${x.reason})`).join(', ')}`
              : '.'),
        })
        // What is held now: the erased applications no longer carry the ID number or phone they were found by.
        setRecord(await api.call('subject.find', { ...key, pin }))
      },
    })

  const facts = record ? subjectFacts(record) : []
  const shown = record
    ? record.by === 'phone'
      ? formatKenyanMobile(record.value)
      : `ID ${record.value}`
    : ''
  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz={26}>
          Personal data requests
        </Title>
        <Text c="dimmed">
          A customer may ask what the centre holds about them. Check their ID card, then find it by ID number
          or phone number.
        </Text>
      </div>
      <form onSubmit={find}>
        <Group align="flex-end" gap="sm">
          <SegmentedControl
            size="md"
            value={by}
            onChange={(v) => {
              setBy(v as By)
              setFieldError(null)
            }}
            data={[
              { value: 'idNumber', label: 'ID number' },
              { value: 'phone', label: 'Phone number' },
            ]}
            aria-label="Find by"
          />
          <TextInput
            size="md"
            w={260}
            label={by === 'idNumber' ? 'Customer’s ID number' : 'Customer’s phone number'}
            placeholder={by === 'idNumber' ? '12345678' : '0712 345 678'}
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            error={fieldError}
            onChange={(e) => setTyped(e.currentTarget.value)}
          />
          <Button type="submit" size="md" leftSection={<IconSearch size={18} />}>
            Find…
          </Button>
        </Group>
      </form>
      {record && (
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Text fz={20} fw={700}>
              {shown}: {plural(record.applications.length, 'application')},{' '}
              {plural(record.reminders.length, 'reminder SMS', 'reminder SMS')}
            </Text>
            <Group gap="sm">
              <Button
                size="md"
                leftSection={<IconDownload size={18} />}
                onClick={() => exportFiles(record)}
                disabled={record.applications.length === 0 && record.reminders.length === 0}
              >
                Export for the customer…
              </Button>
              <Button
                size="md"
                color="red"
                variant="light"
                leftSection={<IconTrash size={18} />}
                onClick={() => erase(record)}
                disabled={record.applications.length === 0}
              >
                Erase where the law allows…
              </Button>
            </Group>
          </Group>
          {record.truncated && (
            <Alert color="orange" mb="sm">
              More applications matched than one request shows: the oldest are listed.
            </Alert>
          )}
          {record.applications.length === 0 && record.reminders.length === 0 ? (
            <Text fz="lg">
              Nothing is held about this {record.by === 'phone' ? 'phone number' : 'ID number'}.
            </Text>
          ) : (
            <>
              <Table fz="md" verticalSpacing={4} aria-label="Applications held" mb="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Tracking number</Table.Th>
                    <Table.Th>Service</Table.Th>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Phone</Table.Th>
                    <Table.Th>ID number</Table.Th>
                    <Table.Th>Registered</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {record.applications.map((a) => (
                    <Table.Tr key={a.trackingNumber}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatTrackingNumber(a.trackingNumber)}
                      </Table.Td>
                      <Table.Td>{a.serviceName}</Table.Td>
                      <Table.Td>{a.customerName}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatKenyanMobile(a.phone)}</Table.Td>
                      <Table.Td>{a.idNumber ?? '—'}</Table.Td>
                      <Table.Td>{formatDateTime(a.registeredAt)}</Table.Td>
                      {/* A badge clips its label rather than widen its cell: the cell keeps room for it. */}
                      <Table.Td miw={190}>
                        <StatusBadge status={a.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text fz="lg" fw={700} mb={4}>
                Everything recorded ({plural(facts.length, 'line')}, as in the exported files)
              </Text>
              <Table fz="sm" verticalSpacing={3} striped aria-label="Everything recorded">
                <Table.Thead>
                  <Table.Tr>
                    {SUBJECT_FACT_HEADER.map((h) => (
                      <Table.Th key={h}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {facts.map((row, i) => (
                    <Table.Tr key={i}>
                      {row.map((c, j) => (
                        <Table.Td key={j} style={j < 3 ? { whiteSpace: 'nowrap' } : undefined}>
                          {c}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Paper>
      )}
    </Stack>
  )
}
