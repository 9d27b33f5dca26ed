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
import { useTranslation } from 'react-i18next'
import type { DeadLetter, SyncStatusInfo } from '../../../../common/contract'
import { MIN_TRANSFER_PASSPHRASE } from '../../../../common/contract/sync-methods'
import { api } from '../../api/client'
import { formatDateTime, formatNumber } from '../../ui/format'
import { CatchUpProgress } from '../../ui/catch-up-progress'

const STATE = {
  'not-configured': { color: 'gray', badge: 'settings.sync.states.notConfigured' },
  online: { color: 'green', badge: 'settings.sync.states.online' },
  offline: { color: 'orange', badge: 'settings.sync.states.offline' },
  'needs-enrolment': { color: 'red', badge: 'settings.sync.states.needsEnrolment' },
} as const satisfies Record<SyncStatusInfo['state'], { color: string; badge: string }>

/** The central tracking API: enrolment, the queue, rejected events, and transfer files for a USB stick. */
export function SyncTab({ role }: { role: 'admin' | 'manager' | 'other' }) {
  const { t } = useTranslation()
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
      message: t('settings.sync.exported', { events: f.events, file: f.fileName }),
    })
  }

  return (
    <Stack maw={860}>
      {status && (
        <Group>
          <Badge size="lg" color={STATE[status.state].color}>
            {t(STATE[status.state].badge)}
          </Badge>
          <Text>
            {[
              t('settings.sync.queue', {
                waiting: formatNumber(status.queueDepth),
                rejected: formatNumber(status.deadLetters),
              }),
              status.oldestUnsentAgeMs !== null &&
                t('settings.sync.oldest', {
                  minutes: formatNumber(Math.round(status.oldestUnsentAgeMs / 60_000)),
                }),
              status.lastSuccessAt &&
                t('settings.sync.lastSent', { time: formatDateTime(status.lastSuccessAt) }),
              status.lastReceivedAt &&
                t('settings.sync.lastRead', { time: formatDateTime(status.lastReceivedAt) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Button
            variant="light"
            onClick={() => void run(() => api.call('sync.now', {}), t('settings.sync.attempted'))}
          >
            {t('settings.sync.now')}
          </Button>
        </Group>
      )}
      {status?.catchUp && <CatchUpProgress catchUp={status.catchUp} />}
      {status && !status.slotConfirmed && (
        // A standing warning, not an event (see SlotWarning).
        <Alert color="orange" role="note" title={t('settings.sync.slotTitle')}>
          {t('settings.sync.slotText')}
        </Alert>
      )}
      {status?.lastError && <Alert color="orange">{status.lastError}</Alert>}
      {status && status.replicationIssues > 0 && (
        <Alert color="orange" title={t('settings.sync.issuesTitle')}>
          {t('settings.sync.issues', { count: status.replicationIssues })}
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
            label={t('settings.sync.apiUrl')}
            placeholder={t('settings.sync.apiUrlPlaceholder')}
            value={apiUrl}
            onChange={(e) => setApiUrl(e.currentTarget.value)}
            w={340}
          />
          <TextInput
            label={t('settings.sync.code')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            w={200}
          />
          <Button
            onClick={() =>
              void run(
                () => api.call('sync.enrol', { apiUrl, enrolmentCode: code }),
                t('settings.sync.enrolled'),
              )
            }
          >
            {t('settings.sync.enrol')}
          </Button>
        </Group>
      )}
      {oversees && (
        <>
          <Text size="sm" c="dimmed">
            {t('settings.sync.transferText')}
          </Text>
          <Group align="end">
            <PasswordInput
              label={t('settings.sync.passphrase')}
              description={t('settings.sync.passphraseHint', { min: MIN_TRANSFER_PASSPHRASE })}
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              w={240}
              autoComplete="off"
            />
            <Button
              variant="default"
              onClick={() => void download().catch((e: Error) => setError(e.message))}
            >
              {t('settings.sync.saveFile')}
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
                        t('settings.sync.sent'),
                      ),
                    )
                }
              >
                {(props) => (
                  <Button variant="default" {...props}>
                    {t('settings.sync.sendFile')}
                  </Button>
                )}
              </FileButton>
            )}
          </Group>
          <Title order={4}>{t('settings.sync.rejected', { total: dead.length })}</Title>
          {dead.length === 0 ? (
            <Text c="dimmed">{t('settings.sync.none')}</Text>
          ) : (
            <Table fz="sm" striped aria-label={t('settings.sync.rejectedTable')}>
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
                          void run(
                            () => api.call('sync.retryDeadLetter', { seq: d.seq }),
                            t('settings.sync.queued'),
                          )
                        }
                      >
                        {t('settings.sync.retry')}
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
