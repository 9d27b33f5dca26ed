import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import type { DeadLetter, SyncStatusInfo } from '../../../../common/contract'
import { MIN_TRANSFER_PASSPHRASE } from '../../../../common/contract/sync-methods'
import { api } from '../../api/client'
import { formatDateTime } from '../../ui/format'
import { CatchUpProgress } from '../../ui/catch-up-progress'

const STATE: Record<SyncStatusInfo['state'], { color: string; label: string }> = {
  'not-configured': { color: 'gray', label: 'Not enrolled' },
  online: { color: 'green', label: 'Online' },
  offline: { color: 'orange', label: 'Offline: will retry' },
  'needs-enrolment': { color: 'red', label: 'Needs enrolment' },
}

/** The central tracking API: enrolment, the queue, rejected events, and transfer files for a USB stick. */
export function SyncTab({ role }: { role: 'admin' | 'manager' | 'other' }) {
  const [status, setStatus] = useState<SyncStatusInfo | null>(null)
  const [dead, setDead] = useState<DeadLetter[]>([])
  const [apiUrl, setApiUrl] = useState('')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const oversees = role !== 'other'
  const load = useCallback(() => {
    api.call('sync.status', {}).then(
      (s) => {
        setStatus(s)
        setApiUrl((u) => u || s.apiUrl || '')
      },
      (e: Error) => setError(e.message),
    )
    if (oversees) api.call('sync.deadLetters', {}).then(setDead, () => setDead([]))
  }, [oversees])
  useEffect(() => {
    load()
    // The queue drains in the background: follow it here as the status bar does.
    return api.on('status.changed', () => load())
  }, [load])

  const run = async (fn: () => Promise<unknown>, done: string): Promise<void> => {
    setError(null)
    try {
      await fn()
      notifications.show({ color: 'green', message: done })
      load()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const download = async (): Promise<void> => {
    setError(null)
    const f = await api.call('sync.exportPending', { passphrase })
    const a = document.createElement('a')
    a.href = URL.createObjectURL(new Blob([f.content], { type: 'application/octet-stream' }))
    a.download = f.fileName
    a.click()
    notifications.show({
      color: 'green',
      message: `${f.events} waiting events saved to ${f.fileName}, locked with the passphrase.`,
    })
  }

  return (
    <Stack maw={860}>
      {status && (
        <Group>
          <Badge size="lg" color={STATE[status.state].color}>
            {STATE[status.state].label}
          </Badge>
          <Text>
            {status.queueDepth} waiting · {status.deadLetters} rejected
            {status.oldestUnsentAgeMs !== null
              ? ` · oldest waiting ${Math.round(status.oldestUnsentAgeMs / 60_000)} min`
              : ''}
            {status.lastSuccessAt ? ` · last sent ${formatDateTime(status.lastSuccessAt)}` : ''}
            {status.lastReceivedAt
              ? ` · other workstations read ${formatDateTime(status.lastReceivedAt)}`
              : ''}
          </Text>
          <Button variant="light" onClick={() => void run(() => api.call('sync.now', {}), 'Sync attempted.')}>
            Sync now
          </Button>
        </Group>
      )}
      {status?.catchUp && <CatchUpProgress catchUp={status.catchUp} />}
      {status && !status.slotConfirmed && (
        // A standing warning, not an event (see SlotWarning).
        <Alert color="orange" role="note" title="Workstation slot not confirmed">
          Until this PC is enrolled, the central API has not confirmed that no other PC of the centre uses its
          workstation slot; two PCs on one slot would issue the same tracking numbers. Enrol it with the
          one-time code from the IT officer.
        </Alert>
      )}
      {status?.lastError && <Alert color="orange">{status.lastError}</Alert>}
      {status && status.replicationIssues > 0 && (
        <Alert color="orange" title="Data from the central API that could not be applied">
          {status.replicationIssues} item(s) were left out: events from other workstations that did not fit
          their type (kept in the log), or central services whose agency-reference pattern this app cannot run
          safely (the service stays as it was here). Tell the system administrator: the other workstation may
          run a different version of the app, or the central catalogue needs correcting.
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {role === 'admin' && (
        <Group align="flex-end">
          <TextInput
            label="Central API address"
            placeholder="https://tms.example.go.ke"
            value={apiUrl}
            onChange={(e) => setApiUrl(e.currentTarget.value)}
            w={340}
          />
          <TextInput
            label="One-time enrolment code"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            w={200}
          />
          <Button
            onClick={() =>
              void run(
                () => api.call('sync.enrol', { apiUrl, enrolmentCode: code }),
                'This workstation is enrolled.',
              )
            }
          >
            Enrol
          </Button>
        </Group>
      )}
      {oversees && (
        <>
          <Text size="sm" c="dimmed">
            A transfer file holds customers&apos; details: it is locked with a passphrase you choose here, and
            the PC that sends it asks for the same passphrase. Tell it to the person carrying the stick by
            phone, not on the stick.
          </Text>
          <Group align="end">
            <PasswordInput
              label="Transfer file passphrase"
              description={`At least ${MIN_TRANSFER_PASSPHRASE} characters`}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              w={240}
              autoComplete="off"
            />
            <Button
              variant="default"
              onClick={() => void download().catch((e: Error) => setError(e.message))}
            >
              Save waiting events to a file
            </Button>
            {role === 'admin' && (
              <FileButton
                accept=".tms-transfer,.jsonl,application/octet-stream,application/x-ndjson,text/plain"
                onChange={(f) =>
                  void f
                    ?.text()
                    .then((content) =>
                      run(
                        () => api.call('sync.importFile', { content, passphrase: passphrase || undefined }),
                        'Transfer file sent to the central API.',
                      ),
                    )
                }
              >
                {(props) => (
                  <Button variant="default" {...props}>
                    Send a transfer file
                  </Button>
                )}
              </FileButton>
            )}
          </Group>
          <Title order={4}>Rejected by the central API ({dead.length})</Title>
          {dead.length === 0 ? (
            <Text c="dimmed">None.</Text>
          ) : (
            <Table fz="sm" striped aria-label="Rejected events">
              <Table.Tbody>
                {dead.map((d) => (
                  <Table.Tr key={d.seq}>
                    <Table.Td>{formatDateTime(d.occurredAt)}</Table.Td>
                    <Table.Td>{d.type}</Table.Td>
                    <Table.Td ff="monospace">{d.trackingNumber ?? ''}</Table.Td>
                    <Table.Td>{d.reason}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() =>
                          void run(() => api.call('sync.retryDeadLetter', { seq: d.seq }), 'Queued again.')
                        }
                      >
                        Retry
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  )
}
