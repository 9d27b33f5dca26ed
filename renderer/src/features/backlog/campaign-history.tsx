import { Badge, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CampaignSummary } from '../../../../common/contract'
import { formatDateTime, formatNumber } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { kes } from './campaign-preview-panel'

/** Campaigns run from this workstation: criteria, counts, who and when, and how far the sending has got. */
export function CampaignHistory({ campaigns }: { campaigns: CampaignSummary[] }) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  if (campaigns.length === 0) return <Text c="dimmed">{t('campaigns.history.none')}</Text>
  return (
    <Table striped verticalSpacing={4} fz="md" aria-label={t('campaigns.past')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>{t('backlog.columns.number')}</Table.Th>
          <Table.Th w={190}>{t('campaigns.history.when')}</Table.Th>
          <Table.Th w={90}>{t('campaigns.history.by')}</Table.Th>
          <Table.Th>{t('campaigns.history.chosen')}</Table.Th>
          <Table.Th w={110}>{t('campaigns.preview.recipients')}</Table.Th>
          <Table.Th w={120}>{t('campaigns.history.cost')}</Table.Th>
          <Table.Th w={200}>{t('campaigns.history.progress')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {campaigns.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{c.id}</Table.Td>
            <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
            <Table.Td ff="monospace">{c.createdBy}</Table.Td>
            <Table.Td>
              {t('campaigns.history.criteria', {
                onShelf: t('backlog.days', {
                  count: c.criteria.minDaysOnShelf,
                  n: formatNumber(c.criteria.minDaysOnShelf),
                }),
                services:
                  c.criteria.serviceCodes.length > 0
                    ? c.criteria.serviceCodes.map((code) => serviceLabel(code, code)).join(', ')
                    : t('campaigns.history.allServices'),
                notReminded: t('backlog.days', {
                  count: c.criteria.lastReminderOlderThanDays,
                  n: formatNumber(c.criteria.lastReminderOlderThanDays),
                }),
              })}
            </Table.Td>
            <Table.Td>{formatNumber(c.recipients)}</Table.Td>
            <Table.Td>{kes(c.costKes)}</Table.Td>
            <Table.Td>
              {c.dryRun ? (
                <Badge color="gray" size="lg">
                  {t('campaigns.history.dryRun')}
                </Badge>
              ) : (
                <Badge color={c.scheduled > 0 ? 'blue' : 'green'} size="lg" variant="light">
                  {t('campaigns.history.sent', { n: formatNumber(c.sent) })}
                  {c.scheduled > 0 ? t('campaigns.history.waiting', { n: formatNumber(c.scheduled) }) : ''}
                  {c.skipped > 0 ? t('campaigns.history.skipped', { n: formatNumber(c.skipped) }) : ''}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
