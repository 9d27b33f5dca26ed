import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { ScanCandidate } from '../../../common/contract'
import { formatTrackingNumber } from '../../../common/tracking-number'
import { useServiceLabel } from './service-names'
import { StatusBadge } from './status-badge'

/**
 * Several applications hold the scanned agency reference: the desk says which document is in hand. Each row shows
 * what tells them apart (tracking number, service, masked name, where it is); Tab to a button and Enter picks it.
 * Nothing is chosen for the desk, and focus stays in the scan field: a keyboard-mode scanner's next read must not
 * land on these buttons.
 */
export function ChooseApplication({
  code,
  candidates,
  onPick,
}: {
  code: string
  candidates: readonly ScanCandidate[]
  /** Resolves once the pick has been acted on; a rejection's message is shown here. */
  onPick: (trackingNumber: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const pick = async (tn: string): Promise<void> => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await onPick(tn)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg="yellow.0"
      role="group"
      aria-label={t('ui.choose.label', { code })}
      data-testid="choose-application"
    >
      <Stack gap="xs">
        <Title order={4}>
          <Trans
            i18nKey="ui.choose.title"
            count={candidates.length}
            values={{ code }}
            components={{ code: <Text span ff="monospace" /> }}
          />
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {candidates.map((c) => (
          <Group key={c.trackingNumber} wrap="nowrap" justify="space-between">
            <Group wrap="nowrap" gap="sm">
              <div>
                <Text fw={700} ff="monospace">
                  {formatTrackingNumber(c.trackingNumber)}
                </Text>
                <Text size="sm">
                  {serviceLabel(c.serviceCode, c.serviceName)} · {c.maskedName}
                  {c.shelfSlot ? ` · ${t('ui.choose.onSlot', { slot: c.shelfSlot })}` : ''}
                </Text>
              </div>
              <StatusBadge status={c.status} />
            </Group>
            <Button
              size="sm"
              loading={busy}
              onClick={() => void pick(c.trackingNumber)}
              aria-label={t('ui.choose.pickLabel', {
                trackingNumber: formatTrackingNumber(c.trackingNumber),
              })}
            >
              {t('ui.choose.pick')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
