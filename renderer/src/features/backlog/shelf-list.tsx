import { Button, Group, Select, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { AGE_BUCKETS, SMS_OUTCOMES } from '../../../../common/backlog-age'
import type { MethodInput, ShelfDocument, SmsOutcome } from '../../../../common/contract'
import { nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { i18n } from '../../i18n/instance'
import { formatDateTime } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { documentColumns, documentCsvColumns, slotColumn, smsColumn } from './document-columns'
import { ListExportButton, type CsvColumn } from './export-button'
import { ageLabel, smsOutcomeLabel } from './labels'
import { PagedTable, type Column } from './paged-table'
import { usePagedList } from './use-paged-list'

export type ShelfFilter = Omit<MethodInput<'backlog.list'>, 'cursor' | 'limit'>

const PAGE_SIZE = 25

const columns = (): Column<ShelfDocument>[] => [
  ...documentColumns<ShelfDocument>(),
  slotColumn(),
  { header: i18n.t('backlog.columns.arrived'), cell: (r) => formatDateTime(r.arrivedAt) },
  {
    header: i18n.t('backlog.columns.days'),
    align: 'right',
    cell: (r) => r.ageDays,
    td: (r) => ({ fw: 700, c: r.ageDays > 90 ? 'red.8' : r.ageDays > 30 ? 'orange.8' : undefined }),
  },
  smsColumn(),
]

const csvColumns = (): CsvColumn<ShelfDocument>[] => [
  ...documentCsvColumns<ShelfDocument>(),
  { header: i18n.t('backlog.columns.slot'), value: (r) => r.slot },
  { header: i18n.t('backlog.columns.arrived'), value: (r) => nairobiDate(r.arrivedAt) },
  { header: i18n.t('backlog.columns.daysOnShelf'), value: (r) => r.ageDays },
  { header: i18n.t('backlog.columns.sms'), value: (r) => smsOutcomeLabel(r.sms) },
]

/** Says what a filter shows, in words ("Over 90 days · Passport · SMS failed"). */
function describe(f: ShelfFilter, serviceName: (code: string) => string): string {
  const parts = [
    f.age ? ageLabel(f.age) : null,
    f.serviceCode ? serviceName(f.serviceCode) : null,
    f.slot ? i18n.t('backlog.shelfList.slot', { slot: f.slot }) : null,
    f.sms ? i18n.t('backlog.shelfList.sms', { outcome: smsOutcomeLabel(f.sms) }) : null,
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : i18n.t('backlog.shelfList.everything')
}

/** The documents behind a figure: filters, sort, cursor pages, CSV of the whole filtered list. */
export function ShelfList(props: {
  filter: ShelfFilter
  onFilter: (f: ShelfFilter) => void
  services: { code: string; name: string }[]
}) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const { filter } = props
  const serviceName = (code: string) =>
    serviceLabel(code, props.services.find((s) => s.code === code)?.name ?? code)
  const fetchPage = (cursor: string | undefined, limit = PAGE_SIZE) =>
    api.call('backlog.list', { ...filter, limit, ...(cursor ? { cursor } : {}) })
  const list = usePagedList<ShelfDocument>(JSON.stringify(filter), fetchPage)

  const set = (patch: Partial<ShelfFilter>) => props.onFilter({ ...filter, ...patch })
  return (
    <section aria-label={t('backlog.shelfList.region')}>
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <Text fz={22} fw={700}>
          {describe(filter, serviceName)}
        </Text>
        <ListExportButton
          title={t('backlog.shelfList.exportTitle')}
          fileName={() => `shelf-backlog-${nairobiDate(Date.now())}.csv`}
          columns={csvColumns}
          fetchAll={(pin) => api.call('backlog.export', { ...filter, pin }).then((r) => r.rows)}
        />
      </Group>
      <Group mb="sm" gap="sm" wrap="wrap">
        <Select
          label={t('backlog.shelfList.age')}
          size="md"
          w={190}
          clearable
          placeholder={t('backlog.shelfList.anyAge')}
          data={AGE_BUCKETS.map((b) => ({ value: b.key, label: ageLabel(b.key) }))}
          value={filter.age ?? null}
          onChange={(v) => set({ age: (v ?? undefined) as ShelfFilter['age'] })}
        />
        <Select
          label={t('backlog.columns.service')}
          size="md"
          w={240}
          clearable
          searchable
          placeholder={t('backlog.shelfList.anyService')}
          data={props.services.map((s) => ({ value: s.code, label: s.name }))}
          value={filter.serviceCode ?? null}
          onChange={(v) => set({ serviceCode: v ?? undefined })}
        />
        <Select
          label={t('backlog.columns.sms')}
          size="md"
          w={220}
          clearable
          placeholder={t('backlog.shelfList.anyOutcome')}
          data={SMS_OUTCOMES.map((o) => ({ value: o, label: smsOutcomeLabel(o) }))}
          value={filter.sms ?? null}
          onChange={(v) => set({ sms: (v ?? undefined) as SmsOutcome | undefined })}
        />
        <Select
          label={t('backlog.shelfList.sort')}
          size="md"
          w={240}
          allowDeselect={false}
          data={[
            { value: 'oldest', label: t('backlog.shelfList.oldestFirst') },
            { value: 'newest', label: t('backlog.shelfList.newestFirst') },
            { value: 'slot', label: t('backlog.shelfList.bySlot') },
          ]}
          value={filter.sort ?? 'oldest'}
          onChange={(v) => set({ sort: (v ?? 'oldest') as ShelfFilter['sort'] })}
        />
        {filter.slot && (
          <Button variant="default" size="md" mt={26} onClick={() => set({ slot: undefined })}>
            {t('backlog.shelfList.clearSlot', { slot: filter.slot })}
          </Button>
        )}
      </Group>
      <PagedTable
        label={t('backlog.shelfList.table')}
        columns={columns()}
        list={list}
        pageSize={PAGE_SIZE}
        highlightOnHover
        empty={t('backlog.shelfList.empty')}
      />
    </section>
  )
}
