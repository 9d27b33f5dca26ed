import { Alert, Button, Group, Select, Table, Text } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { AGE_BUCKETS, SMS_OUTCOME_LABELS, SMS_OUTCOMES } from '../../../../common/backlog-age'
import type { MethodInput, ShelfDocument, SmsOutcome } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { formatDateTime } from '../../ui/format'
import { TrackingNumber } from '../../ui/tracking-number'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { usePagedList } from './use-paged-list'
import { ListPager } from './cursor-pager'
import { downloadCsv } from './csv-export'

export type ShelfFilter = Omit<MethodInput<'backlog.list'>, 'cursor' | 'limit'>

const PAGE_SIZE = 25

export const SMS_COLOR: Record<SmsOutcome, string> = {
  delivered: 'green',
  pending: 'gray',
  failed: 'red',
  'invalid-number': 'orange',
  'never-sent': 'yellow',
}

/** Says what a filter shows, in words ("Over 90 days · Passport · SMS failed"). */
function describe(f: ShelfFilter, serviceName: (code: string) => string): string {
  const parts = [
    f.age ? AGE_BUCKETS.find((b) => b.key === f.age)?.label : null,
    f.serviceCode ? serviceName(f.serviceCode) : null,
    f.slot ? `Slot ${f.slot}` : null,
    f.sms ? `SMS: ${SMS_OUTCOME_LABELS[f.sms]}` : null,
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : 'Everything on the shelf'
}

/** The documents behind a figure: filters, sort, cursor pages, CSV of the whole filtered list. */
export function ShelfList(props: {
  filter: ShelfFilter
  onFilter: (f: ShelfFilter) => void
  services: { code: string; name: string }[]
}) {
  const { filter } = props
  const serviceName = (code: string) => props.services.find((s) => s.code === code)?.name ?? code
  const fetchPage = (cursor: string | undefined, limit = PAGE_SIZE) =>
    api.call('backlog.list', { ...filter, limit, ...(cursor ? { cursor } : {}) })
  const list = usePagedList<ShelfDocument>(JSON.stringify(filter), fetchPage)
  const [exporting, setExporting] = useState(false)

  const exportCsv = async () => {
    setExporting(true)
    try {
      await confirmWithPin({
        title: 'Export the shelf list',
        run: async (pin) => {
          const { rows } = await api.call('backlog.export', { ...filter, pin })
          downloadCsv(
            `shelf-backlog-${nairobiDate(Date.now())}.csv`,
            ['Tracking number', 'Customer', 'Phone', 'Service', 'Slot', 'Arrived', 'Days on shelf', 'SMS'],
            rows.map((r) => [
              r.trackingNumber,
              r.customerName,
              r.phone,
              r.serviceName,
              r.slot,
              nairobiDate(r.arrivedAt),
              r.ageDays,
              SMS_OUTCOME_LABELS[r.sms],
            ]),
          )
        },
      })
    } finally {
      setExporting(false)
    }
  }

  const set = (patch: Partial<ShelfFilter>) => props.onFilter({ ...filter, ...patch })
  return (
    <section aria-label="Documents on the shelf">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Text fz={22} fw={700}>
          {describe(filter, serviceName)}
        </Text>
        <Button
          leftSection={<IconDownload size={18} />}
          variant="light"
          size="md"
          loading={exporting}
          onClick={() => void exportCsv()}
        >
          Export CSV
        </Button>
      </Group>
      <Group mb="sm" gap="sm" wrap="wrap">
        <Select
          label="Age"
          size="md"
          w={150}
          clearable
          placeholder="Any age"
          data={AGE_BUCKETS.map((b) => ({ value: b.key, label: b.label }))}
          value={filter.age ?? null}
          onChange={(v) => set({ age: (v ?? undefined) as ShelfFilter['age'] })}
        />
        <Select
          label="Service"
          size="md"
          w={220}
          clearable
          searchable
          placeholder="Any service"
          data={props.services.map((s) => ({ value: s.code, label: s.name }))}
          value={filter.serviceCode ?? null}
          onChange={(v) => set({ serviceCode: v ?? undefined })}
        />
        <Select
          label="SMS"
          size="md"
          w={190}
          clearable
          placeholder="Any outcome"
          data={SMS_OUTCOMES.map((o) => ({ value: o, label: SMS_OUTCOME_LABELS[o] }))}
          value={filter.sms ?? null}
          onChange={(v) => set({ sms: (v ?? undefined) as SmsOutcome | undefined })}
        />
        <Select
          label="Sort"
          size="md"
          w={170}
          allowDeselect={false}
          data={[
            { value: 'oldest', label: 'Oldest first' },
            { value: 'newest', label: 'Newest first' },
            { value: 'slot', label: 'By shelf slot' },
          ]}
          value={filter.sort ?? 'oldest'}
          onChange={(v) => set({ sort: (v ?? 'oldest') as ShelfFilter['sort'] })}
        />
        {filter.slot && (
          <Button variant="default" size="md" mt={26} onClick={() => set({ slot: undefined })}>
            Slot {filter.slot} ✕
          </Button>
        )}
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table striped highlightOnHover fz="md" verticalSpacing={6} aria-label="Shelf documents">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tracking number</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Phone</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Slot</Table.Th>
            <Table.Th>Arrived</Table.Th>
            <Table.Th ta="right">Days</Table.Th>
            <Table.Th>SMS</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.page?.rows.map((r) => (
            <Table.Tr key={r.trackingNumber}>
              <Table.Td>
                <TrackingNumber value={r.trackingNumber} fz="md" />
              </Table.Td>
              <Table.Td>{r.customerName}</Table.Td>
              <Table.Td>{r.phone}</Table.Td>
              <Table.Td>{r.serviceName}</Table.Td>
              <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                {r.slot ?? '—'}
              </Table.Td>
              <Table.Td>{formatDateTime(r.arrivedAt)}</Table.Td>
              <Table.Td
                ta="right"
                fw={700}
                c={r.ageDays > 90 ? 'red.8' : r.ageDays > 30 ? 'orange.8' : undefined}
              >
                {r.ageDays}
              </Table.Td>
              <Table.Td>
                <Text fz="md" fw={700} c={`${SMS_COLOR[r.sms]}.9`}>
                  {SMS_OUTCOME_LABELS[r.sms]}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          {list.page && list.page.rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text fz="lg" c="dimmed" py="md" ta="center">
                  Nothing on the shelf matches.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <ListPager list={list} pageSize={PAGE_SIZE} />
    </section>
  )
}
