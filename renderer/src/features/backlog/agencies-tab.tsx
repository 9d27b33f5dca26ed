import { Alert, Group, Paper, Stack, Text } from '@mantine/core'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  AgencyBatchReport,
  AgencyTrendReport,
  AgencyTurnaroundReport,
} from '../../../../common/contract'
import { api } from '../../api/client'
import { formatDay } from '../../ui/format'
import { AgencyBatchesTable } from './agency-batches-table'
import { AgencyChanges } from './agency-changes'
import { AgencyReportView } from './agency-report-view'
import { AgencyTable } from './agency-table'
import { ALL_AGENCIES, AgencyTrend } from './agency-trend'
import { PeriodPicker, periodChoice, type PeriodChoice } from './period-picker'

type Granularity = 'week' | 'month'
const granularityFor = (preset: string): Granularity => (Number(preset) > 120 ? 'month' : 'week')

/**
 * Whether the agencies keep the turnaround the receipts promised: on-time rate and days late per agency and service
 * over a period, the trend, the agencies that got worse, what the manifests missed, and the report to send one.
 */
export function AgenciesTab() {
  const { t } = useTranslation()
  const [choice, setChoice] = useState(() => periodChoice('90'))
  const period = useMemo(() => ({ from: choice.from, to: choice.to }), [choice.from, choice.to])
  const [granularity, setGranularity] = useState<Granularity>('week')
  const [trendAgency, setTrendAgency] = useState(ALL_AGENCIES)
  const [turnaround, setTurnaround] = useState<AgencyTurnaroundReport | null>(null)
  const [batches, setBatches] = useState<AgencyBatchReport | null>(null)
  const [trend, setTrend] = useState<AgencyTrendReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [trendError, setTrendError] = useState<string | null>(null)
  const [reportFor, setReportFor] = useState<{ agency: string; from: string; to: string } | null>(null)
  // The "Report…" button the report was opened from: the keyboard goes back to it.
  const opener = useRef<HTMLElement | null>(null)

  useEffect(() => {
    // The figures shown stay until the new ones come; each says which period it is for.
    let live = true
    Promise.all([api.call('agency.turnaround', period), api.call('agency.batches', period)]).then(
      ([t, b]) => {
        if (!live) return
        setTurnaround(t)
        setBatches(b)
        setError(null)
      },
      (e: Error) => live && setError(e.message),
    )
    return () => {
      live = false
    }
  }, [period])

  useEffect(() => {
    let live = true
    api
      .call('agency.trend', {
        ...period,
        granularity,
        ...(trendAgency === ALL_AGENCIES ? {} : { agency: trendAgency }),
      })
      .then(
        (t) => {
          if (!live) return
          setTrend(t)
          setTrendError(null)
        },
        (e: Error) => live && setTrendError(e.message),
      )
    return () => {
      live = false
    }
  }, [period, granularity, trendAgency])

  const choose = (next: PeriodChoice) => {
    if (next.preset !== choice.preset && next.preset !== 'custom') setGranularity(granularityFor(next.preset))
    setChoice(next)
  }
  const openReport = (agency: string) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setReportFor({ agency, ...period })
  }
  const closeReport = () => {
    setReportFor(null)
    setTimeout(() => opener.current?.isConnected && opener.current.focus(), 0)
  }

  const agencies = turnaround?.agencies.map((a) => a.agency) ?? []
  return (
    <>
      {reportFor && <AgencyReportView {...reportFor} onBack={closeReport} />}
      {/* Hidden, not unmounted, while a report is open: the figures, the period and the focus are kept. */}
      <Stack gap="md" hidden={reportFor !== null}>
        <Group align="flex-end" wrap="wrap">
          <PeriodPicker value={choice} onChange={choose} />
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        {trendError ? (
          <Alert color="red">{trendError}</Alert>
        ) : (
          <AgencyChanges changes={trend?.changes ?? null} />
        )}
        <Paper withBorder p="sm" radius="md">
          <Text fz="xl" fw={700}>
            {turnaround
              ? t('agencies.tab.onTimeFor', {
                  from: formatDay(turnaround.from),
                  to: formatDay(turnaround.to),
                })
              : t('agencies.table.label')}
          </Text>
          <Text fz="md" c="dark.4" mb="xs">
            {t('agencies.tab.onTimeExplain')}
          </Text>
          {turnaround ? (
            <AgencyTable report={turnaround} onReport={openReport} />
          ) : (
            !error && <Text fz="lg">{t('backlog.counting')}</Text>
          )}
        </Paper>
        <AgencyTrend
          trend={trend}
          error={trendError}
          agencies={agencies}
          agency={trendAgency}
          granularity={granularity}
          onAgency={setTrendAgency}
          onGranularity={setGranularity}
        />
        <Paper withBorder p="sm" radius="md">
          <Text fz="xl" fw={700}>
            {t('agencies.batches.title')}
          </Text>
          <Text fz="md" c="dark.4" mb="xs">
            {t('agencies.tab.batchesExplain')}
          </Text>
          {batches ? (
            <AgencyBatchesTable rows={batches.agencies} label={t('agencies.tab.batchesTable')} />
          ) : (
            !error && <Text fz="lg">{t('backlog.counting')}</Text>
          )}
        </Paper>
      </Stack>
    </>
  )
}
