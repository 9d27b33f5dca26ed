import { Button, Group, Select, Text } from '@mantine/core'
import { AGE_BUCKETS, SMS_OUTCOME_LABELS, SMS_OUTCOMES } from '../../../../common/backlog-age'
import type { MethodInput, ShelfDocument, SmsOutcome } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { formatDateTime } from '../../ui/format'
import { documentColumns, documentCsvColumns, slotColumn, smsColumn } from './document-columns'
import { ListExportButton, type CsvColumn } from './export-button'
import { PagedTable, type Column } from './paged-table'
import { usePagedList } from './use-paged-list'

export type ShelfFilter = Omit<MethodInput<'backlog.list'>, 'cursor' | 'limit'>

const PAGE_SIZE = 25

const COLUMNS: Column<ShelfDocument>[] = [
  ...documentColumns<ShelfDocument>(),
  slotColumn(),
  { header: 'Arrived', cell: (r) => formatDateTime(r.arrivedAt) },
  {
    header: 'Days',
    align: 'right',
    cell: (r) => r.ageDays,
    td: (r) => ({ fw: 700, c: r.ageDays > 90 ? 'red.8' : r.ageDays > 30 ? 'orange.8' : undefined }),
  },
  smsColumn(),
]

const CSV: CsvColumn<ShelfDocument>[] = [
  ...documentCsvColumns<ShelfDocument>(),
  { header: 'Slot', value: (r) => r.slot },
  { header: 'Arrived', value: (r) => nairobiDate(r.arrivedAt) },
  { header: 'Days on shelf', value: (r) => r.ageDays },
  { header: 'SMS', value: (r) => SMS_OUTCOME_LABELS[r.sms] },
]

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

  const set = (patch: Partial<ShelfFilter>) => props.onFilter({ ...filter, ...patch })
  return (
    <section aria-label="Documents on the shelf">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Text fz={22} fw={700}>
          {describe(filter, serviceName)}
        </Text>
        <ListExportButton
          title="Export the shelf list"
          fileName={() => `shelf-backlog-${nairobiDate(Date.now())}.csv`}
          columns={CSV}
          fetchAll={(pin) => api.call('backlog.export', { ...filter, pin }).then((r) => r.rows)}
        />
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
      <PagedTable
        label="Shelf documents"
        columns={COLUMNS}
        list={list}
        pageSize={PAGE_SIZE}
        highlightOnHover
        empty="Nothing on the shelf matches."
      />
    </section>
  )
}
