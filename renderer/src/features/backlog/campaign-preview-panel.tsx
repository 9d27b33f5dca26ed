import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import type { CampaignPreview } from '../../../../common/contract'
import { formatKenyanMobile } from '../../../../common/phone'
import { formatDateTime, plural } from '../../ui/format'
import { TrackingNumber } from '../../ui/tracking-number'

const LANGUAGE = { en: 'English', sw: 'Kiswahili' } as const

export const kes = (n: number): string =>
  `KES ${n.toLocaleString('en-KE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={30} fw={700} lh={1.2} data-testid={`campaign-${label.toLowerCase().replace(/\W+/g, '-')}`}>
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
  const p = preview
  const n = (x: number) => x.toLocaleString('en-KE')
  return (
    <Stack gap="md">
      <SimpleGrid cols={4}>
        <Figure label="Recipients" value={n(p.recipients)} hint="one SMS per phone number" />
        <Figure label="Documents" value={n(p.documents)} />
        <Figure label="SMS" value={n(p.segments)} hint="segments charged" />
        <Figure label="Estimated cost" value={kes(p.costKes)} hint={`at ${kes(p.priceKes)} per SMS`} />
      </SimpleGrid>
      <Group gap="lg">
        <Text>
          Left out: <b>{n(p.excludedRecent)}</b> documents of people reminded in the last {p.exclusionDays}{' '}
          days or with a reminder still waiting to go, <b>{n(p.excludedNoConsent)}</b> without SMS consent.
        </Text>
      </Group>
      {p.recipients > 0 && p.firstDueAt !== null && p.lastDueAt !== null && (
        <Alert color="blue" variant="light" title="Schedule">
          {plural(p.ratePerMinute, 'message')} a minute, none between {p.quietHours.start} and{' '}
          {p.quietHours.end}: first at <b>{formatDateTime(p.firstDueAt)}</b>, last at{' '}
          <b>{formatDateTime(p.lastDueAt)}</b>.
        </Alert>
      )}
      {p.languages.map((l) => (
        <Card key={l.language} withBorder padding="sm">
          <Group justify="space-between" mb={4}>
            <Title order={4}>
              {LANGUAGE[l.language]} — {plural(l.recipients, 'recipient')}
            </Title>
            <Group gap="xs">
              <Badge color={l.encoding === 'GSM-7' ? 'green' : 'orange'} size="lg" variant="light">
                {l.encoding}
              </Badge>
              <Badge color={l.segmentsPerMessage === 1 ? 'green' : 'orange'} size="lg" variant="light">
                {plural(l.segmentsPerMessage, 'segment')}
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
            First {p.sample.length} of {plural(p.recipients, 'recipient')}, in sending order
          </Title>
          <Table striped verticalSpacing={4} fz="md" aria-label="Campaign recipients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Phone</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th w={110}>Language</Table.Th>
                <Table.Th>Documents</Table.Th>
                <Table.Th w={190}>Sends at</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.sample.map((r) => (
                <Table.Tr key={r.phone}>
                  <Table.Td ff="monospace">{formatKenyanMobile(r.phone)}</Table.Td>
                  <Table.Td>{r.customerName}</Table.Td>
                  <Table.Td>{LANGUAGE[r.language]}</Table.Td>
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
