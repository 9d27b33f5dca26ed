import { Alert, Button, Group, Modal, Radio, Stack, Switch, Text, Textarea } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconPhone } from '@tabler/icons-react'
import { useState } from 'react'
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, SMS_OUTCOME_LABELS } from '../../../../common/backlog-age'
import type { CallListRow, CallOutcome } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { formatDateTime, plural } from '../../ui/format'
import { documentColumns, documentCsvColumns, slotColumn, smsColumn } from './document-columns'
import { ListExportButton, type CsvColumn } from './export-button'
import { PagedTable, type Column } from './paged-table'
import { usePagedList } from './use-paged-list'

const PAGE_SIZE = 25

const CSV: CsvColumn<CallListRow>[] = [
  ...documentCsvColumns<CallListRow>(),
  { header: 'Slot', value: (r) => r.slot },
  { header: 'Days on shelf', value: (r) => r.ageDays },
  { header: 'SMS', value: (r) => SMS_OUTCOME_LABELS[r.sms] },
  { header: 'Calls', value: (r) => r.calls },
  { header: 'Last call', value: (r) => (r.lastCall ? CALL_OUTCOME_LABELS[r.lastCall.outcome] : '') },
]

/** The last call's outcome and time, and how many calls there were. */
function LastCall({ row }: { row: CallListRow }) {
  return row.lastCall ? (
    <Text fz="sm">
      {CALL_OUTCOME_LABELS[row.lastCall.outcome]} · {formatDateTime(row.lastCall.at)}
      {row.calls > 1 ? ` (${row.calls} calls)` : ''}
    </Text>
  ) : (
    <Text fz="sm" c="dimmed">
      Not called
    </Text>
  )
}

/** Documents on the shelf whose ready SMS failed or went to an invalid number: phone the customer, record how it went. */
export function CallListTab() {
  const [notCalled, setNotCalled] = useState(false)
  const [calling, setCalling] = useState<CallListRow | null>(null)
  const fetchPage = (cursor: string | undefined, limit = PAGE_SIZE) =>
    api.call('backlog.callList', { notCalled, limit, ...(cursor ? { cursor } : {}) })
  const list = usePagedList<CallListRow>(String(notCalled), fetchPage)

  const columns: Column<CallListRow>[] = [
    ...documentColumns<CallListRow>({ boldPhone: true }),
    slotColumn(),
    { header: 'Days', align: 'right', cell: (r) => r.ageDays },
    smsColumn(),
    { header: 'Last call', cell: (r) => <LastCall row={r} /> },
    {
      header: '',
      cell: (r) => (
        <Button
          size="sm"
          leftSection={<IconPhone size={16} />}
          onClick={() => setCalling(r)}
          aria-label={`Record call to ${r.customerName}`}
        >
          Record call
        </Button>
      ),
    },
  ]

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fz={22} fw={700}>
          {list.page ? `${plural(list.page.total, 'document')} whose SMS did not arrive` : 'Loading…'}
        </Text>
        <Group>
          <Switch
            size="lg"
            label="Only those not called yet"
            checked={notCalled}
            onChange={(e) => setNotCalled(e.currentTarget.checked)}
          />
          <ListExportButton
            title="Export the call list"
            fileName={() => `call-list-${nairobiDate(Date.now())}.csv`}
            columns={CSV}
            fetchAll={(pin) => api.call('backlog.exportCallList', { notCalled, pin }).then((r) => r.rows)}
          />
        </Group>
      </Group>
      <PagedTable label="Call list" columns={columns} list={list} pageSize={PAGE_SIZE} highlightOnHover />
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
  const [outcome, setOutcome] = useState<CallOutcome | null>(null)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const save = async () => {
    if (!outcome) {
      setError('Choose what happened on the call.')
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
        message: `Call recorded for ${formatTrackingNumber(props.row.trackingNumber)}`,
      })
      props.onSaved()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal opened onClose={props.onClose} title={`Call ${props.row.customerName}`} size="lg">
      <Stack onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}>
        <Text fz="xl" fw={700}>
          {props.row.phone}
        </Text>
        <Text>
          {props.row.serviceName}, on shelf {props.row.slot ?? '—'} for {plural(props.row.ageDays, 'day')}.
        </Text>
        <Radio.Group
          label="What happened?"
          size="md"
          value={outcome}
          onChange={(v) => setOutcome(v as CallOutcome)}
        >
          <Stack gap="xs" mt="xs">
            {CALL_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={CALL_OUTCOME_LABELS[o]} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Note (optional)"
          maxLength={200}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button loading={saving} onClick={() => void save()}>
            Save call (Ctrl+Enter)
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
