import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BacklogSummary } from '../../../../common/contract'
import { nairobiDate, nairobiDay, toDayNumber } from '../../../../common/nairobi-time'
import { api } from '../../api/client'
import { BreakdownTable } from './breakdown-table'
import { downloadCsv } from './csv-export'
import { SMS_COLOR } from './document-columns'
import { CsvButton } from './export-button'
import { FigureCard } from './figure-card'
import { ageLabel, smsOutcomeLabel } from './labels'
import { ShelfList, type ShelfFilter } from './shelf-list'
import { useServices } from './use-services'
import { formatNumber } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'

const AGE_COLOR = ['teal.8', 'teal.8', 'yellow.8', 'orange.8', 'red.7', 'red.9']

/** Whole Nairobi calendar days from an instant to `today` (YYYY-MM-DD), counted as the lists count them. */
const daysOnShelf = (ms: number, today: string) => toDayNumber(today) - nairobiDay(ms)

/** The shelf's breakdowns give the oldest document's age in days, and scroll: a centre has hundreds of slots. */
const SHELF_BREAKDOWN = {
  oldestAlign: 'right',
  maxHeight: 260,
  titleGap: 4,
} as const

/**
 * The shelf at a glance — by age, SMS outcome, service and slot — with the list behind whichever figure was
 * chosen. Oldest slots come first, since clearing the oldest shelf is the point.
 */
export function ShelfTab() {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const [summary, setSummary] = useState<BacklogSummary | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [filter, setFilter] = useState<ShelfFilter>({ sort: 'oldest' })
  const services = useServices()
  const listRef = useRef<HTMLDivElement>(null)

  const load = useCallback(() => {
    api.call('backlog.summary', {}).then(
      (s) => {
        setSummary(s)
        setError(null)
      },
      (e: Error) => setError(e.message),
    )
  }, [])
  useEffect(load, [load])

  const open = (f: Omit<ShelfFilter, 'sort'>) => {
    setFilter({ sort: f.slot ? 'oldest' : (filter.sort ?? 'oldest'), ...f })
    // Scroll the window itself (not whichever ancestor scrollIntoView picks) so the list sits under the header.
    requestAnimationFrame(() => {
      const top = listRef.current?.getBoundingClientRect().top
      if (top !== undefined) window.scrollTo({ top: window.scrollY + top - 80 })
    })
  }
  const is = (f: Partial<ShelfFilter>) =>
    (Object.keys(f) as (keyof ShelfFilter)[]).every((k) => filter[k] === f[k]) &&
    ['age', 'serviceCode', 'slot', 'sms'].filter((k) => filter[k as keyof ShelfFilter] !== undefined)
      .length === 1

  if (error) return <Alert color="red">{error}</Alert>
  if (!summary) return <Text fz="lg">{t('backlog.shelf.counting')}</Text>

  const exportSummary = () =>
    downloadCsv(
      `shelf-summary-${summary.today}.csv`,
      [
        t('backlog.shelf.csv.group'),
        t('backlog.shelf.csv.item'),
        t('backlog.shelf.csv.documents'),
        t('backlog.shelf.csv.oldestArrival'),
      ],
      [
        [t('backlog.shelf.csv.all'), t('backlog.shelf.csv.onTheShelf'), summary.total, ''],
        ...summary.byAge.map((b) => [t('backlog.shelf.csv.age'), ageLabel(b.bucket), b.count, '']),
        ...summary.bySms.map((b) => [t('backlog.columns.sms'), smsOutcomeLabel(b.outcome), b.count, '']),
        ...summary.byService.map((s) => [
          t('backlog.columns.service'),
          serviceLabel(s.serviceCode, s.serviceName),
          s.count,
          nairobiDate(s.oldestArrivedAt),
        ]),
        ...summary.bySlot.map((s) => [
          t('backlog.columns.slot'),
          s.slot,
          s.count,
          nairobiDate(s.oldestArrivedAt),
        ]),
      ],
    )

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} fz={30}>
          {t('backlog.shelf.title', { count: summary.total, n: formatNumber(summary.total) })}
        </Title>
        <Group>
          <CsvButton label={t('backlog.export.figures')} onClick={exportSummary} />
          <Button variant="default" size="md" leftSection={<IconRefresh size={18} />} onClick={load}>
            {t('backlog.shelf.refresh')}
          </Button>
        </Group>
      </Group>
      <div>
        <Text fz="xl" fw={700} mb={6}>
          {t('backlog.shelf.ageHeading')}
        </Text>
        <Group gap="sm">
          {summary.byAge.map((b, i) => (
            <FigureCard
              key={b.bucket}
              label={ageLabel(b.bucket)}
              value={b.count}
              color={AGE_COLOR[i]}
              selected={is({ age: b.bucket })}
              onOpen={() => open({ age: b.bucket })}
            />
          ))}
        </Group>
      </div>
      <div>
        <Text fz="xl" fw={700} mb={6}>
          {t('backlog.shelf.smsHeading')}
        </Text>
        <Group gap="sm">
          {summary.bySms.map((b) => (
            <FigureCard
              key={b.outcome}
              label={smsOutcomeLabel(b.outcome)}
              value={b.count}
              color={`${SMS_COLOR[b.outcome]}.8`}
              selected={is({ sms: b.outcome })}
              onOpen={() => open({ sms: b.outcome })}
            />
          ))}
        </Group>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <BreakdownTable
          title={t('backlog.shelf.byService')}
          column={t('backlog.columns.service')}
          oldestHeader={t('backlog.shelf.oldestDays')}
          {...SHELF_BREAKDOWN}
          rows={summary.byService.map((s) => ({
            key: s.serviceCode,
            label: serviceLabel(s.serviceCode, s.serviceName),
            count: s.count,
            oldest: daysOnShelf(s.oldestArrivedAt, summary.today),
            selected: is({ serviceCode: s.serviceCode }),
            open: () => open({ serviceCode: s.serviceCode }),
          }))}
        />
        <BreakdownTable
          title={t('backlog.shelf.bySlot')}
          column={t('backlog.columns.slot')}
          oldestHeader={t('backlog.shelf.oldestDays')}
          {...SHELF_BREAKDOWN}
          rows={summary.bySlot.map((s) => ({
            key: s.slot,
            label: s.slot,
            count: s.count,
            oldest: daysOnShelf(s.oldestArrivedAt, summary.today),
            selected: is({ slot: s.slot }),
            open: () => open({ slot: s.slot }),
          }))}
        />
      </SimpleGrid>
      <Paper withBorder p="md" radius="md" ref={listRef}>
        <ShelfList filter={filter} onFilter={setFilter} services={services} />
      </Paper>
    </Stack>
  )
}
