import { Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BatchReport } from '../../../../common/contract'
import { formatScannedCode } from './scanned-code'

/** Each code as the desk reads it: only a valid tracking number in its printed groups (an unknown code is not one). */
function Section({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  return (
    <div>
      <Title order={4}>
        {title} ({items.length})
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <List size="sm" ff="monospace">
          {items.map((i) => (
            <List.Item key={i}>{formatScannedCode(i)}</List.Item>
          ))}
        </List>
      )}
    </div>
  )
}

/** The reconciliation of a closed batch against its manifest; printable for the agency's courier. */
export function BatchReportModal({ report, onClose }: { report: BatchReport; onClose: () => void }) {
  const { t } = useTranslation()
  const diff = report.countDifference
  return (
    <Modal opened onClose={onClose} title={t('arrivals.report.title', { id: report.batchId })} size="lg">
      <Stack>
        <Text size="lg">
          {t('arrivals.report.shelved', { count: report.arrived })}
          {diff !== null && diff !== 0
            ? ` ${diff < 0 ? t('arrivals.report.fewer', { n: -diff }) : t('arrivals.report.more', { n: diff })}`
            : ''}
          .
        </Text>
        <Section
          title={t('arrivals.report.expectedNotReceived')}
          items={report.expectedNotReceived}
          empty={t('arrivals.report.allArrived')}
        />
        <Section
          title={t('arrivals.report.receivedNotExpected')}
          items={report.receivedNotExpected}
          empty={t('arrivals.report.none')}
        />
        <Section
          title={t('arrivals.report.duplicates')}
          items={report.duplicates.map((d) => `${formatScannedCode(d.code)} × ${d.times}`)}
          empty={t('arrivals.report.none')}
        />
        <Section
          title={t('arrivals.report.unknown')}
          items={report.unknown}
          empty={t('arrivals.report.none')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => window.print()}>
            {t('arrivals.report.print')}
          </Button>
          <Button onClick={onClose}>{t('arrivals.report.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
