import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import type { CampaignCriteria, CampaignPreview, CampaignSummary } from '../../../../common/contract'
import { api } from '../../api/client'
import { CampaignCriteriaForm } from './campaign-criteria-form'
import { CampaignHistory } from './campaign-history'
import { CampaignPreviewPanel, kes } from './campaign-preview-panel'
import { CampaignSettings } from './campaign-settings'
import { plural } from '../../ui/format'

const DEFAULT_CRITERIA: CampaignCriteria = {
  minDaysOnShelf: 14,
  serviceCodes: [],
  lastReminderOlderThanDays: 14,
}

/**
 * Reminder campaigns: choose who, preview (recipients, message per language, SMS count, cost, schedule), then a
 * dry run that only records the figures, or send after a confirmation. Enter in the form previews.
 */
export function CampaignsTab() {
  const [criteria, setCriteria] = useState<CampaignCriteria>(DEFAULT_CRITERIA)
  const [preview, setPreview] = useState<CampaignPreview | null>(null)
  const [history, setHistory] = useState<CampaignSummary[]>([])
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const loadHistory = useCallback(() => {
    api.call('campaign.list', { limit: 20 }).then(setHistory, () => setHistory([]))
  }, [])
  useEffect(loadHistory, [loadHistory])

  const run = async <T,>(fn: () => Promise<T>): Promise<T | null> => {
    setBusy(true)
    setError(null)
    try {
      return await fn()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      return null
    } finally {
      setBusy(false)
    }
  }

  const doPreview = () => run(() => api.call('campaign.preview', criteria)).then((p) => p && setPreview(p))
  const changeCriteria = (next: CampaignCriteria) => {
    setCriteria(next)
    // A preview of other criteria would be misleading next to the Send button.
    setPreview(null)
  }
  const dryRun = async () => {
    const c = await run(() => api.call('campaign.dryRun', criteria))
    if (c) {
      notifications.show({
        color: 'blue',
        message: `Dry run ${c.id} recorded: ${plural(c.recipients, 'recipient')}, nothing sent.`,
      })
      loadHistory()
    }
  }
  const send = async () => {
    setConfirming(false)
    const c = await run(() => api.call('campaign.send', criteria))
    if (c) {
      notifications.show({
        color: 'green',
        message: `Campaign ${c.id}: ${c.sent} reminders sent now, ${c.scheduled} scheduled.`,
      })
      setPreview(null)
      loadHistory()
    }
  }

  return (
    <Stack gap="lg">
      <CampaignCriteriaForm value={criteria} onChange={changeCriteria} onPreview={doPreview} busy={busy} />
      <CampaignSettings onSaved={() => setPreview(null)} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {preview && (
        <>
          <CampaignPreviewPanel preview={preview} />
          <Group>
            <Button variant="default" onClick={dryRun} disabled={busy}>
              Dry run (record, send nothing)
            </Button>
            <Button
              color="huduma"
              onClick={() => setConfirming(true)}
              disabled={busy || preview.recipients === 0}
            >
              Send {preview.recipients.toLocaleString('en-KE')} reminders…
            </Button>
          </Group>
        </>
      )}
      <div>
        <Title order={3} mb="xs">
          Past campaigns
        </Title>
        <CampaignHistory campaigns={history} />
      </div>
      <Modal
        opened={confirming && preview !== null}
        onClose={() => setConfirming(false)}
        title="Send reminders"
        centered
      >
        {preview && (
          <Stack>
            <Text size="lg">
              Send <b>{preview.segments.toLocaleString('en-KE')}</b> SMS to{' '}
              <b>{plural(preview.recipients, 'person', 'people')}</b> about{' '}
              {plural(preview.documents, 'document')}, for about <b>{kes(preview.costKes)}</b>?
            </Text>
            <Text c="dimmed">Everyone is checked again as their message goes out.</Text>
            <Group justify="flex-end">
              {/* Focus starts on Cancel: a second Enter must not send what cannot be unsent. */}
              <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
                Cancel
              </Button>
              <Button onClick={send}>Send now</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
