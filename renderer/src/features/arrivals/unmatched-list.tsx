import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScanResult } from '../../../../common/contract'
import { api } from '../../api/client'
import { ChooseApplication } from '../../ui/choose-application'

/**
 * Unknown codes of this batch: link each to its application (typed by hand, or picked when the code is an agency
 * reference several applications share), or accept it as not expected.
 */
export function UnmatchedList({
  scans,
  onChanged,
  onResolved,
}: {
  scans: ScanResult[]
  onChanged: () => void
  /** A code linked to its application here: the scan panel shows the arrival (its slot). */
  onResolved?: (r: ScanResult) => void
}) {
  const { t } = useTranslation()
  const open = scans.filter((s) => s.outcome === 'unknown' && !s.resolved)
  const [linking, setLinking] = useState<Record<number, string>>({})
  const [error, setError] = useState<string | null>(null)
  if (open.length === 0) return null
  const resolve = async (scanId: number, trackingNumber: string | null): Promise<void> => {
    setError(null)
    try {
      const r = await api.call('arrivals.resolveScan', { scanId, trackingNumber })
      if (r) onResolved?.(r)
      onChanged()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <Paper withBorder p="sm" radius="md" bg="red.0">
      <Stack gap="xs">
        <Title order={4}>{t('arrivals.unmatched.title', { n: open.length })}</Title>
        {error && <Alert color="red">{error}</Alert>}
        {open.map((s) => (
          <Stack key={s.scanId} gap={4}>
            <Group wrap="nowrap">
              <Text ff="monospace" w={200}>
                {s.code}
              </Text>
              <TextInput
                placeholder={t('arrivals.unmatched.placeholder')}
                aria-label={t('arrivals.unmatched.label', { code: s.code })}
                value={linking[s.scanId] ?? ''}
                onChange={(e) => setLinking({ ...linking, [s.scanId]: e.currentTarget.value })}
                flex={1}
              />
              <Button size="sm" onClick={() => void resolve(s.scanId, linking[s.scanId] ?? '')}>
                {t('arrivals.unmatched.link')}
              </Button>
              <Button size="sm" variant="default" onClick={() => void resolve(s.scanId, null)}>
                {t('arrivals.unmatched.keep')}
              </Button>
            </Group>
            {s.candidates.length > 0 && (
              <ChooseApplication
                code={s.code.trim().toUpperCase()}
                candidates={s.candidates}
                onPick={async (tn) => {
                  const r = await api.call('arrivals.resolveScan', { scanId: s.scanId, trackingNumber: tn })
                  if (r) onResolved?.(r)
                  onChanged()
                }}
              />
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  )
}
