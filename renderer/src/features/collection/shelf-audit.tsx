import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { ShelfAuditReport } from '../../../../common/contract'
import { parseSlotLabel } from '../../../../common/shelf-slot'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { playFeedback } from '../../ui/feedback-sound'
import { ScanField } from '../../ui/scan-field'
import { useSerialScans } from '../arrivals/use-serial-scans'

/** Scan a slot label, then every document in that slot; the report shows what is missing or misplaced. */
export function ShelfAudit() {
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
      setError('Scan the shelf slot label first (it starts with SLOT:).')
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
        <Title order={3}>{slot ? `Auditing slot ${slot}: ${codes.length} scanned` : 'Shelf audit'}</Title>
        <Button onClick={() => void finish()} disabled={!slot}>
          Finish audit
        </Button>
      </Group>
      <ScanField
        placeholder={slot ? 'Scan every document in this slot' : 'Scan the slot label (SLOT:…)'}
        aria-label="Audit scan"
        onCode={onCode}
        error={error}
        autoFocus
      />
      {report && (
        <SimpleGrid cols={2}>
          {list('Present', report.present.map(formatTrackingNumber), 'green')}
          {list('Missing from this slot', report.missing.map(formatTrackingNumber), 'red')}
          {list(
            'Misplaced',
            report.misplaced.map(
              (m) => `${formatTrackingNumber(m.trackingNumber)} → ${m.belongsIn ?? 'not on a shelf'}`,
            ),
            'orange',
          )}
          {list('Collected but still here', report.collectedButHere.map(formatTrackingNumber), 'orange')}
          {report.unknown.length > 0 && <Alert color="red">Unknown codes: {report.unknown.join(', ')}</Alert>}
          {report.ambiguous.length > 0 && (
            <Alert color="orange" title="Reference shared by several applications">
              {report.ambiguous.map((a) => (
                <Text key={a.code} size="sm">
                  <Text span ff="monospace">
                    {a.code}
                  </Text>
                  : {a.trackingNumbers.map(formatTrackingNumber).join(' or ')} — scan the document’s own label
                </Text>
              ))}
            </Alert>
          )}
        </SimpleGrid>
      )}
    </Stack>
  )
}
