import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import type { CampaignPreview } from '../../../../common/contract'
import { formatKenyanMobile } from '../../../../common/phone'
import { formatDateTime, formatKsh, formatNumber } from '../../ui/format'
import { TrackingNumber } from '../../ui/tracking-number'

/** Money as the campaign screens have always written it: `KES 1,234.50`, grouped as the window's language groups. */
export const kes = (n: number): string => `KES ${formatKsh(n).replace(/^KSh /, '')}`

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string
  value: string
  hint?: string
  testId: string
}) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={30} fw={700} lh={1.2} data-testid={`campaign-${testId}`}>
        {value}
      </Text>
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  )
}

/** What a campaign would send: counts, cost, schedule, the message in each language, and the first recipients. */
export function CampaignPreviewPanel({ preview }: { preview: CampaignPreview }) {
  const { t } = useTranslation()
  const p = preview
  const n = (x: number) => formatNumber(x)
  return (
    <Stack gap="md">
      <SimpleGrid cols={4}>
        <Figure
          testId="recipients"
          label={t('campaigns.preview.recipients')}
          value={n(p.recipients)}
          hint={t('campaigns.preview.recipientsHint')}
        />
        <Figure testId="documents" label={t('backlog.breakdown.documents')} value={n(p.documents)} />
        <Figure
          testId="sms"
          label={t('backlog.columns.sms')}
          value={n(p.segments)}
          hint={t('campaigns.preview.segmentsHint')}
        />
        <Figure
          testId="estimated-cost"
          label={t('campaigns.preview.cost')}
          value={kes(p.costKes)}
          hint={t('campaigns.preview.costHint', { price: kes(p.priceKes) })}
        />
      </SimpleGrid>
      <Group gap="lg">
        <Text>
          <Trans
            i18nKey="campaigns.preview.leftOut"
            values={{
              recent: n(p.excludedRecent),
              days: n(p.exclusionDays),
              noConsent: n(p.excludedNoConsent),
            }}
            components={{ b: <b /> }}
          />
        </Text>
      </Group>
      {p.recipients > 0 && p.firstDueAt !== null && p.lastDueAt !== null && (
        <Alert color="blue" variant="light" title={t('campaigns.preview.schedule')}>
          <Trans
            i18nKey="campaigns.preview.scheduleText"
            values={{
              rate: t('campaigns.preview.rate', { count: p.ratePerMinute, n: n(p.ratePerMinute) }),
              start: p.quietHours.start,
              end: p.quietHours.end,
              first: formatDateTime(p.firstDueAt),
              last: formatDateTime(p.lastDueAt),
            }}
            components={{ b: <b /> }}
          />
        </Alert>
      )}
      {p.languages.map((l) => (
        <Card key={l.language} withBorder padding="sm">
          <Group justify="space-between" mb={4}>
            <Title order={4}>
              {t(`campaigns.preview.language.${l.language}`)} —{' '}
              {t('campaigns.preview.recipientCount', { count: l.recipients, n: n(l.recipients) })}
            </Title>
            <Group gap="xs">
              <Badge color={l.encoding === 'GSM-7' ? 'green' : 'orange'} size="lg" variant="light">
                {l.encoding}
              </Badge>
              <Badge color={l.segmentsPerMessage === 1 ? 'green' : 'orange'} size="lg" variant="light">
                {t('campaigns.preview.segments', { count: l.segmentsPerMessage, n: n(l.segmentsPerMessage) })}
              </Badge>
            </Group>
          </Group>
          <Text fz="lg" ff="monospace" data-testid={`campaign-text-${l.language}`}>
            {l.sampleText}
          </Text>
        </Card>
      ))}
      {p.sample.length > 0 && (
        <div>
          <Title order={4} mb={4}>
            {t('campaigns.preview.first', {
              shown: n(p.sample.length),
              of: t('campaigns.preview.recipientCount', { count: p.recipients, n: n(p.recipients) }),
            })}
          </Title>
          <Table striped verticalSpacing={4} fz="md" aria-label={t('campaigns.preview.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{t('backlog.columns.phone')}</Table.Th>
                <Table.Th>{t('backlog.columns.name')}</Table.Th>
                <Table.Th w={110}>{t('common.language.label')}</Table.Th>
                <Table.Th>{t('backlog.breakdown.documents')}</Table.Th>
                <Table.Th w={190}>{t('campaigns.preview.sendsAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.sample.map((r) => (
                <Table.Tr key={r.phone}>
                  <Table.Td ff="monospace">{formatKenyanMobile(r.phone)}</Table.Td>
                  <Table.Td>{r.customerName}</Table.Td>
                  <Table.Td>{t(`campaigns.preview.language.${r.language}`)}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {r.trackingNumbers.map((tn) => (
                        <TrackingNumber key={tn} value={tn} fw={500} />
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.dueAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  )
}
