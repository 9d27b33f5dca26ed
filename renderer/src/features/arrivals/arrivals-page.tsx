import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { BatchDetail, BatchReport, BatchSummary, ScanResult } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { playFeedback } from '../../ui/feedback-sound'
import { formatDateTime } from '../../ui/format'
import { ScanField } from '../../ui/scan-field'
import { BatchReportModal } from './batch-report-modal'
import { OpenBatchForm } from './open-batch-form'
import { ScanFeedback, type ScanPanel } from './scan-feedback'
import { UnmatchedList } from './unmatched-list'
import { useSerialScans } from './use-serial-scans'

const OUTCOME_COLOR: Record<ScanResult['outcome'], string> = {
  arrived: 'green',
  rescan: 'yellow',
  collected: 'orange',
  returned: 'orange',
  unknown: 'red',
  invalid: 'red',
}

/** The arrivals desk: open a batch, scan every document onto the shelf, close the batch against its manifest. */
export function ArrivalsPage() {
  const { t } = useTranslation()
  const [batches, setBatches] = useState<BatchSummary[]>([])
  const [batch, setBatch] = useState<BatchDetail | null>(null)
  const [panel, setPanel] = useState<ScanPanel | null>(null)
  const [report, setReport] = useState<BatchReport | null>(null)
  const [error, setError] = useState<string | null>(null)

  const loadList = useCallback(() => {
    api.call('arrivals.listBatches', { limit: 20 }).then(setBatches, () => setBatches([]))
  }, [])
  useEffect(loadList, [loadList])
  const openBatch = (id: number): void => {
    api.call('arrivals.getBatch', { batchId: id }).then(setBatch, (e: Error) => setError(e.message))
  }

  const scan = async (code: string): Promise<void> => {
    if (!batch) return
    setError(null)
    try {
      const r = await api.call('arrivals.scan', { batchId: batch.id, code })
      setPanel({ kind: 'result', result: r })
      playFeedback(r.outcome === 'arrived' ? 'ok' : r.outcome === 'rescan' ? 'warn' : 'error')
      setBatch(
        (b) =>
          b && {
            ...b,
            scans: [r, ...b.scans],
            arrivedCount: b.arrivedCount + (r.outcome === 'arrived' ? 1 : 0),
          },
      )
    } catch (err) {
      playFeedback('error')
      // The panel answers every read: a scan that could not be recorded replaces the last result too.
      setPanel({ kind: 'rejected', message: err instanceof Error ? err.message : String(err) })
    }
  }
  useSerialScans((code) => void scan(code), {
    onRejected: (message) => {
      if (batch) setPanel({ kind: 'rejected', message })
    },
    onRepeat: (code) => {
      if (batch) setPanel({ kind: 'repeat', code })
    },
  })

  const close = async (): Promise<void> => {
    if (!batch) return
    try {
      setReport(await api.call('arrivals.closeBatch', { batchId: batch.id }))
      setBatch(null)
      setPanel(null)
      loadList()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  if (!batch) {
    return (
      <>
        <Group align="flex-start" grow>
          <OpenBatchForm onOpened={(b) => openBatch(b.id)} />
          <Paper withBorder p="lg" radius="md">
            <Title order={3} mb="sm">
              {t('arrivals.batches.title')}
            </Title>
            <Table highlightOnHover fz="md" aria-label={t('arrivals.batches.label')}>
              <Table.Tbody>
                {batches.map((b) => (
                  <Table.Tr key={b.id} style={{ cursor: 'pointer' }} onClick={() => openBatch(b.id)}>
                    <Table.Td>
                      <Text fw={600}>{b.agency}</Text>
                      <Text size="sm" c="dimmed">
                        {b.manifestRef ?? t('arrivals.batches.noManifestRef')} · {formatDateTime(b.openedAt)}
                      </Text>
                    </Table.Td>
                    {/* Count and status keep their width; the agency's name is what wraps. */}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {t('arrivals.batches.arrived', { count: b.arrivedCount })}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {/* At least as wide as its word: the squeezed column once cut "closed" to "clos…". */}
                      <Badge color={b.status === 'open' ? 'green' : 'gray'} miw="max-content">
                        {t(`arrivals.batches.status.${b.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Group>
        {report && <BatchReportModal report={report} onClose={() => setReport(null)} />}
      </>
    )
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <div>
          <Title order={2} size="h3">
            {t('arrivals.batch.title', { id: batch.id, agency: batch.agency })}
          </Title>
          <Text c="dimmed">
            {batch.manifestRef ? t('arrivals.batch.manifest', { ref: batch.manifestRef }) : ''}
            {/* The count keeps its own element (tests and the e2e read it); the words around it are the language's. */}
            <Trans
              i18nKey={batch.expectedCount !== null ? 'arrivals.batch.arrivedOf' : 'arrivals.batch.arrived'}
              values={{ arrived: batch.arrivedCount, expected: batch.expectedCount }}
              components={{ count: <span data-testid="arrived-count" /> }}
            />
          </Text>
        </div>
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setBatch(null)
              setPanel(null)
            }}
          >
            {t('arrivals.batch.leaveOpen')}
          </Button>
          <Button color="dark" onClick={() => void close()} disabled={batch.status !== 'open'}>
            {t('arrivals.batch.close')}
          </Button>
        </Group>
      </Group>
      <ScanField
        placeholder={t('arrivals.batch.scanPlaceholder')}
        aria-label={t('arrivals.batch.scanLabel')}
        autoFocus
        error={error}
        onCode={(code) => void scan(code)}
      />
      <ScanFeedback panel={panel} />
      <UnmatchedList
        scans={batch.scans}
        onChanged={() => openBatch(batch.id)}
        onResolved={(result) => setPanel({ kind: 'result', result })}
      />
      <Table striped fz="sm" verticalSpacing={4} aria-label={t('arrivals.batch.scans')}>
        <Table.Tbody>
          {batch.scans.slice(0, 8).map((s) => (
            <Table.Tr key={s.scanId}>
              <Table.Td ff="monospace">
                {s.trackingNumber ? formatTrackingNumber(s.trackingNumber) : s.code}
              </Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLOR[s.outcome]}>{t(`arrivals.outcome.${s.outcome}`)}</Badge>
              </Table.Td>
              <Table.Td ff="monospace" fw={700}>
                {s.slot}
              </Table.Td>
              <Table.Td>{s.customerName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
