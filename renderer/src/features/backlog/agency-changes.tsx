import { List, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AgencyChange } from '../../../../common/contract'
import { describeChange, formatRate } from './agency-format'

/** The agencies whose on-time rate fell from the period's first half to its second, the biggest fall first. */
export function AgencyChanges({ changes }: { changes: AgencyChange[] | null }) {
  const { t } = useTranslation()
  const worse = (changes ?? [])
    .filter((c): c is AgencyChange & { change: number } => c.change !== null && describeChange(c).worse)
    .sort((a, b) => a.change - b.change)
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('agencies.changes.title')}>
      <Text fz="xl" fw={700}>
        {t('agencies.changes.title')}
      </Text>
      <Text fz="md" c="dark.4" mb="xs">
        {t('agencies.changes.explain')}
      </Text>
      {changes === null ? (
        <Text fz="lg">{t('backlog.counting')}</Text>
      ) : worse.length === 0 ? (
        <Text fz="lg">{t('agencies.changes.none')}</Text>
      ) : (
        <List spacing={2} fz="lg">
          {worse.map((c) => (
            <List.Item key={c.agency}>
              <Text span fw={700} fz="lg">
                {c.agency}
              </Text>
              :{' '}
              <Text span fw={700} fz="lg" c="red.8">
                {describeChange(c).text}
              </Text>{' '}
              {t('agencies.changes.fromTo', { before: formatRate(c.before), after: formatRate(c.after) })}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  )
}
