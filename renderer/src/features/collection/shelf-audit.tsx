import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShelfAuditReport } from '../../../../common/contract'
import { parseSlotLabel } from '../../../../common/shelf-slot'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { playFeedback } from '../../ui/feedback-sound'
import { ScanField } from '../../ui/scan-field'
import { useSerialScans } from '../arrivals/use-serial-scans'

/** Scan a slot label, then every document in that slot; the report shows what is missing or misplaced. */
export function ShelfAudit() {
  const { t } = useTranslation()
  const [slot, setSlot] = useState<string | null>(null)
  const [codes, setCodes] = useState<string[]>([])
  const [report, setReport] = useState<ShelfAuditReport | null>(null)
  const [error, setError] = useState<string | null>(null)

  const onCode = (code: string): void => {
    setError(null)
    const label = parseSlotLabel(code)
    if (label) {
      setSlot(label)
      setCodes([])
      setReport(null)
      playFeedback('ok')
      return
    }
    if (!slot) {
      playFeedback('error')
      setError(t('collection.audit.slotFirst'))
      return
    }
    setCodes((c) => [...c, code])
    playFeedback('ok')
  }
  useSerialScans(onCode)

  const finish = async (): Promise<void> => {
    if (!slot) return
    try {
      setReport(await api.call('shelf.audit', { slot, codes }))
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  const list = (title: string, items: string[], color: string) => (
    <Paper withBorder p="sm">
      <Text fw={700} c={color}>
        {title} ({items.length})
      </Text>
      <List size="sm" ff="monospace">
        {items.map((i) => (
          <List.Item key={i}>{i}</List.Item>
        ))}
      </List>
    </Paper>
  )

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>
          {slot ? t('collection.audit.auditing', { slot, n: codes.length }) : t('collection.audit.title')}
        </Title>
        <Button onClick={() => void finish()} disabled={!slot}>
          {t('collection.audit.finish')}
        </Button>
      </Group>
      <ScanField
        placeholder={slot ? t('collection.audit.scanDocuments') : t('collection.audit.scanSlot')}
        aria-label={t('collection.audit.label')}
        onCode={onCode}
        error={error}
        autoFocus
      />
      {report && (
        <SimpleGrid cols={2}>
          {list(t('collection.audit.present'), report.present.map(formatTrackingNumber), 'green')}
          {list(t('collection.audit.missing'), report.missing.map(formatTrackingNumber), 'red')}
          {list(
            t('collection.audit.misplaced'),
            report.misplaced.map(
              (m) =>
                `${formatTrackingNumber(m.trackingNumber)} → ${m.belongsIn ?? t('collection.audit.notOnShelf')}`,
            ),
            'orange',
          )}
          {list(
            t('collection.audit.collectedButHere'),
            report.collectedButHere.map(formatTrackingNumber),
            'orange',
          )}
          {report.unknown.length > 0 && (
            <Alert color="red">{t('collection.audit.unknown', { codes: report.unknown.join(', ') })}</Alert>
          )}
          {report.ambiguous.length > 0 && (
            <Alert color="orange" title={t('collection.audit.ambiguous')}>
              {report.ambiguous.map((a) => (
                <Text key={a.code} size="sm">
                  <Text span ff="monospace">
                    {a.code}
                  </Text>
                  : {a.trackingNumbers.map(formatTrackingNumber).join(` ${t('collection.audit.or')} `)} —{' '}
                  {t('collection.audit.ownLabel')}
                </Text>
              ))}
            </Alert>
          )}
        </SimpleGrid>
      )}
    </Stack>
  )
}
