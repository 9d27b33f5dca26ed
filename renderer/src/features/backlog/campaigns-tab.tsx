import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useCallback, useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { CampaignCriteria, CampaignPreview, CampaignSummary } from '../../../../common/contract'
import { api } from '../../api/client'
import { CampaignCriteriaForm } from './campaign-criteria-form'
import { CampaignHistory } from './campaign-history'
import { CampaignPreviewPanel, kes } from './campaign-preview-panel'
import { CampaignSettings } from './campaign-settings'
import { formatNumber } from '../../ui/format'

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
  const { t } = useTranslation()
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
        message: t('campaigns.dryRunRecorded', {
          id: c.id,
          count: c.recipients,
          n: formatNumber(c.recipients),
        }),
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
        message: t('campaigns.sent', {
          id: c.id,
          sent: formatNumber(c.sent),
          scheduled: formatNumber(c.scheduled),
        }),
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
              {t('campaigns.dryRun')}
            </Button>
            <Button
              color="huduma"
              onClick={() => setConfirming(true)}
              disabled={busy || preview.recipients === 0}
            >
              {t('campaigns.send', { count: preview.recipients, n: formatNumber(preview.recipients) })}
            </Button>
          </Group>
        </>
      )}
      <div>
        <Title order={3} mb="xs">
          {t('campaigns.past')}
        </Title>
        <CampaignHistory campaigns={history} />
      </div>
      <Modal
        opened={confirming && preview !== null}
        onClose={() => setConfirming(false)}
        title={t('campaigns.confirmTitle')}
        centered
      >
        {preview && (
          <Stack>
            <Text size="lg">
              <Trans
                i18nKey="campaigns.confirm"
                values={{
                  segments: formatNumber(preview.segments),
                  people: t('campaigns.people', {
                    count: preview.recipients,
                    n: formatNumber(preview.recipients),
                  }),
                  documents: t('backlog.documents', {
                    count: preview.documents,
                    n: formatNumber(preview.documents),
                  }),
                  cost: kes(preview.costKes),
                }}
                components={{ b: <b /> }}
              />
            </Text>
            <Text c="dimmed">{t('campaigns.checkedAgain')}</Text>
            <Group justify="flex-end">
              {/* Focus starts on Cancel: a second Enter must not send what cannot be unsent. */}
              <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
                {t('backlog.cancel')}
              </Button>
              <Button onClick={send}>{t('campaigns.sendNow')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
