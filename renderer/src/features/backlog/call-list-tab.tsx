import { Alert, Button, Group, Modal, Radio, Stack, Switch, Table, Text, Textarea } from '@mantine/core'
import { getHotkeyHandler } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconPhone } from '@tabler/icons-react'
import { useState } from 'react'
import { CALL_OUTCOME_LABELS, CALL_OUTCOMES, SMS_OUTCOME_LABELS } from '../../../../common/backlog-age'
import type { CallListRow, CallOutcome } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { nairobiDate } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { formatDateTime, plural } from '../../ui/format'
import { TrackingNumber } from '../../ui/tracking-number'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { downloadCsv } from './csv-export'
import { ListPager } from './cursor-pager'
import { SMS_COLOR } from './shelf-list'
import { usePagedList } from './use-paged-list'

const PAGE_SIZE = 25

/** Documents on the shelf whose ready SMS failed or went to an invalid number: phone the customer, record how it went. */
export function CallListTab() {
  const [notCalled, setNotCalled] = useState(false)
  const [calling, setCalling] = useState<CallListRow | null>(null)
  const fetchPage = (cursor: string | undefined, limit = PAGE_SIZE) =>
    api.call('backlog.callList', { notCalled, limit, ...(cursor ? { cursor } : {}) })
  const list = usePagedList<CallListRow>(String(notCalled), fetchPage)

  const exportCsv = () =>
    confirmWithPin({
      title: 'Export the call list',
      run: async (pin) => {
        const { rows } = await api.call('backlog.exportCallList', { notCalled, pin })
        downloadCsv(
          `call-list-${nairobiDate(Date.now())}.csv`,
          [
            'Tracking number',
            'Customer',
            'Phone',
            'Service',
            'Slot',
            'Days on shelf',
            'SMS',
            'Calls',
            'Last call',
          ],
          rows.map((r) => [
            r.trackingNumber,
            r.customerName,
            r.phone,
            r.serviceName,
            r.slot,
            r.ageDays,
            SMS_OUTCOME_LABELS[r.sms],
            r.calls,
            r.lastCall ? CALL_OUTCOME_LABELS[r.lastCall.outcome] : '',
          ]),
        )
      },
    })

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
          <Button
            variant="light"
            size="md"
            leftSection={<IconDownload size={18} />}
            onClick={() => void exportCsv()}
          >
            Export CSV
          </Button>
        </Group>
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      <Table striped highlightOnHover fz="md" verticalSpacing={6} aria-label="Call list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tracking number</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Phone</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Slot</Table.Th>
            <Table.Th ta="right">Days</Table.Th>
            <Table.Th>SMS</Table.Th>
            <Table.Th>Last call</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.page?.rows.map((r) => (
            <Table.Tr key={r.trackingNumber}>
              <Table.Td>
                <TrackingNumber value={r.trackingNumber} fz="md" />
              </Table.Td>
              <Table.Td>{r.customerName}</Table.Td>
              <Table.Td fw={700}>{r.phone}</Table.Td>
              <Table.Td>{r.serviceName}</Table.Td>
              <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                {r.slot ?? '—'}
              </Table.Td>
              <Table.Td ta="right">{r.ageDays}</Table.Td>
              <Table.Td>
                <Text fz="md" fw={700} c={`${SMS_COLOR[r.sms]}.9`}>
                  {SMS_OUTCOME_LABELS[r.sms]}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.lastCall ? (
                  <Text fz="sm">
                    {CALL_OUTCOME_LABELS[r.lastCall.outcome]} · {formatDateTime(r.lastCall.at)}
                    {r.calls > 1 ? ` (${r.calls} calls)` : ''}
                  </Text>
                ) : (
                  <Text fz="sm" c="dimmed">
                    Not called
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="sm"
                  leftSection={<IconPhone size={16} />}
                  onClick={() => setCalling(r)}
                  aria-label={`Record call to ${r.customerName}`}
                >
                  Record call
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ListPager list={list} pageSize={PAGE_SIZE} />
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
