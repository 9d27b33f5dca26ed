import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReturnManifest, ReturnManifestSummary, ReturnsDue } from '../../../../common/contract'
import { api } from '../../api/client'
import { formatNumber } from '../../ui/format'
import { ReturnDueTable } from './return-due-table'
import { ReturnManifestList } from './return-manifest-list'
import { ReturnManifestView } from './return-manifest-view'

/**
 * Returns to the agency: documents past their retention period by agency → tick the ones on the trolley → a
 * printable manifest for the courier to sign → "Mark returned" once signed.
 */
export function ReturnsTab() {
  const { t } = useTranslation()
  const [agency, setAgency] = useState<string | null>(null)
  const [due, setDue] = useState<ReturnsDue | null>(null)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [manifests, setManifests] = useState<ReturnManifestSummary[]>([])
  const [manifest, setManifest] = useState<ReturnManifest | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    api.call('returns.due', { limit: 500, ...(agency ? { agency } : {}) }).then(
      (d) => {
        setDue(d)
        setSelected(new Set())
        // That agency's shelf is cleared: back to every agency rather than an empty list.
        if (agency && !d.byAgency.some((a) => a.agency === agency)) setAgency(null)
      },
      (e: Error) => setError(e.message),
    )
    api.call('returns.listManifests', { limit: 20 }).then(setManifests, () => setManifests([]))
  }, [agency])
  useEffect(load, [load])

  const run = async (fn: () => Promise<ReturnManifest>, done?: (m: ReturnManifest) => string) => {
    setBusy(true)
    setError(null)
    try {
      const m = await fn()
      setManifest(m)
      if (done) notifications.show({ color: 'green', message: done(m) })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  if (manifest) {
    return (
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <ReturnManifestView
          manifest={manifest}
          busy={busy}
          onBack={() => {
            setManifest(null)
            load()
          }}
          onConfirm={() =>
            run(
              () => api.call('returns.confirm', { manifestId: manifest.id }),
              (m) => {
                const returned = m.items.filter((i) => i.outcome === 'returned').length
                return t('backlog.returns.markedReturned', { count: returned, n: formatNumber(returned) })
              },
            )
          }
          onCancelManifest={() =>
            run(
              () => api.call('returns.cancelManifest', { manifestId: manifest.id }),
              () => t('backlog.returns.cancelled'),
            )
          }
        />
      </Stack>
    )
  }

  const toggle = (tn: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(tn)) next.delete(tn)
      else next.add(tn)
      return next
    })
  const items = due?.items ?? []
  const toggleAll = () =>
    setSelected((s) =>
      items.every((i) => s.has(i.trackingNumber)) ? new Set() : new Set(items.map((i) => i.trackingNumber)),
    )

  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          label={t('backlog.columns.agency')}
          placeholder={t('backlog.overdue.allAgencies')}
          data={(due?.byAgency ?? []).map((a) => ({ value: a.agency, label: `${a.agency} (${a.count})` }))}
          value={agency}
          onChange={setAgency}
          clearable
          searchable
          w={480}
        />
        <Button
          disabled={!agency || selected.size === 0 || busy}
          onClick={() =>
            agency &&
            run(
              () => api.call('returns.createManifest', { agency, trackingNumbers: [...selected] }),
              (m) => t('backlog.returns.prepared', { id: m.id }),
            )
          }
        >
          {t('backlog.returns.prepare', { n: formatNumber(selected.size) })}
        </Button>
      </Group>
      {!agency && items.length > 0 && <Text c="dimmed">{t('backlog.returns.chooseAgency')}</Text>}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {due && (
        <Text size="lg" data-testid="returns-headline">
          <b>{t('backlog.returns.documents', { count: due.total, n: formatNumber(due.total) })}</b>{' '}
          {t('backlog.returns.pastRetention', { count: due.total })}
          {due.agency !== null && ` ${t('backlog.returns.forAgency', { agency: due.agency })}`}
          {items.length < due.total &&
            ` ${t('backlog.returns.oldestShown', { n: formatNumber(items.length) })}`}
          .
        </Text>
      )}
      {due && <Text c="dimmed">{t('backlog.returns.reminderHold')}</Text>}
      {items.length > 0 ? (
        <ReturnDueTable
          items={items}
          selected={selected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          showAgency={!agency}
        />
      ) : (
        due && <Text c="dimmed">{t('backlog.returns.nothingDue')}</Text>
      )}
      <div>
        <Title order={3} mb="xs">
          {t('backlog.returns.manifests')}
        </Title>
        <ReturnManifestList
          manifests={manifests}
          onOpen={(id) => void run(() => api.call('returns.manifest', { manifestId: id }))}
        />
      </div>
    </Stack>
  )
}
