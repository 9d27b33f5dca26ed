import { Alert, Button, Group, Modal, Radio, Stack, Switch, Text, Textarea } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconPhone } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CALL_OUTCOMES } from '../../../../common/backlog-age'
import type { CallListRow, CallOutcome } from '../../../../common/contract'
import { formatKenyanMobile } from '../../../../common/phone'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { i18n } from '../../i18n/instance'
import { formatDateTime, formatNumber } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { documentColumns, documentCsvColumns, slotColumn, smsColumn } from './document-columns'
import { ListExportButton, type CsvColumn } from './export-button'
import { callOutcomeLabel, smsOutcomeLabel } from './labels'
import { PagedTable, type Column } from './paged-table'
import { usePagedList } from './use-paged-list'

const PAGE_SIZE = 25

const csvColumns = (): CsvColumn<CallListRow>[] => [
  ...documentCsvColumns<CallListRow>(),
  { header: i18n.t('backlog.columns.slot'), value: (r) => r.slot },
  { header: i18n.t('backlog.columns.daysOnShelf'), value: (r) => r.ageDays },
  { header: i18n.t('backlog.columns.sms'), value: (r) => smsOutcomeLabel(r.sms) },
  { header: i18n.t('backlog.calls.calls'), value: (r) => r.calls },
  {
    header: i18n.t('backlog.calls.lastCall'),
    value: (r) => (r.lastCall ? callOutcomeLabel(r.lastCall.outcome) : ''),
  },
]

/** The last call's outcome and time, and how many calls there were. */
function LastCall({ row }: { row: CallListRow }) {
  const { t } = useTranslation()
  return row.lastCall ? (
    <Text fz="sm">
      {callOutcomeLabel(row.lastCall.outcome)} · {formatDateTime(row.lastCall.at)}
      {row.calls > 1
        ? ` ${t('backlog.calls.callCount', { count: row.calls, n: formatNumber(row.calls) })}`
        : ''}
    </Text>
  ) : (
    <Text fz="sm" c="dimmed">
      {t('backlog.calls.notCalled')}
    </Text>
  )
}

/** Documents on the shelf whose ready SMS failed or went to an invalid number: phone the customer, record how it went. */
export function CallListTab() {
  const { t } = useTranslation()
  // The rows' service names (document-columns) in the window's language, once they have loaded.
  useServiceLabel()
  const [notCalled, setNotCalled] = useState(false)
  const [calling, setCalling] = useState<CallListRow | null>(null)
  const fetchPage = (cursor: string | undefined, limit = PAGE_SIZE) =>
    api.call('backlog.callList', { notCalled, limit, ...(cursor ? { cursor } : {}) })
  const list = usePagedList<CallListRow>(String(notCalled), fetchPage)

  const columns: Column<CallListRow>[] = [
    ...documentColumns<CallListRow>({ boldPhone: true }),
    slotColumn(),
    { header: t('backlog.columns.days'), align: 'right', cell: (r) => r.ageDays },
    smsColumn(),
    { header: t('backlog.calls.lastCall'), cell: (r) => <LastCall row={r} /> },
    {
      header: '',
      sticky: true,
      cell: (r) => (
        <Button
          size="sm"
          leftSection={<IconPhone size={16} />}
          onClick={() => setCalling(r)}
          aria-label={t('backlog.calls.recordCallTo', { name: r.customerName })}
        >
          {t('backlog.calls.recordCall')}
        </Button>
      ),
    },
  ]

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fz={22} fw={700}>
          {list.page
            ? t('backlog.calls.title', { count: list.page.total, n: formatNumber(list.page.total) })
            : t('backlog.loading')}
        </Text>
        <Group>
          <Switch
            size="lg"
            label={t('backlog.calls.onlyNotCalled')}
            checked={notCalled}
            onChange={(e) => setNotCalled(e.currentTarget.checked)}
          />
          <ListExportButton
            title={t('backlog.calls.exportTitle')}
            fileName={() => `call-list-${nairobiDate(Date.now())}.csv`}
            columns={csvColumns}
            fetchAll={(pin) => api.call('backlog.exportCallList', { notCalled, pin }).then((r) => r.rows)}
          />
        </Group>
      </Group>
      <PagedTable
        label={t('backlog.calls.table')}
        columns={columns}
        list={list}
        pageSize={PAGE_SIZE}
        highlightOnHover
      />
      {calling && (
        <CallModal
          row={calling}
          onClose={() => setCalling(null)}
          onSaved={() => {
            setCalling(null)
            list.reload()
          }}
        />
      )}
    </Stack>
  )
}

function CallModal(props: { row: CallListRow; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const [outcome, setOutcome] = useState<CallOutcome | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const save = async () => {
    if (!outcome) {
      setError(t('backlog.calls.chooseOutcome'))
      return
    }
    setSaving(true)
    try {
      await api.call('backlog.logCall', {
        trackingNumber: props.row.trackingNumber,
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      notifications.show({
        color: 'green',
        message: t('backlog.calls.recorded', {
          trackingNumber: formatTrackingNumber(props.row.trackingNumber),
        }),
      })
      props.onSaved()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t('backlog.calls.modalTitle', { name: props.row.customerName })}
      size="lg"
    >
      <Stack onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}>
        <Text fz="xl" fw={700}>
          {formatKenyanMobile(props.row.phone)}
        </Text>
        <Text>
          {t('backlog.calls.onShelfFor', {
            count: props.row.ageDays,
            n: formatNumber(props.row.ageDays),
            service: serviceLabel(props.row.serviceCode, props.row.serviceName),
            slot: props.row.slot ?? '—',
          })}
        </Text>
        <Radio.Group
          label={t('backlog.calls.whatHappened')}
          size="md"
          value={outcome}
          onChange={(v) => setOutcome(v as CallOutcome)}
        >
          <Stack gap="xs" mt="xs">
            {CALL_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={callOutcomeLabel(o)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('backlog.calls.note')}
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('backlog.cancel')}
          </Button>
          <Button loading={saving} onClick={() => void save()}>
            {t('backlog.calls.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
