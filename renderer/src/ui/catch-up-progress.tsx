import { Alert, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CatchUpInfo } from '../../../common/contract'
import { formatNumber } from './format'

/**
 * The catch-up that follows an enrolment: a bar from the start to "ready to work", what it is bringing down now,
 * and the centre's events read so far. It follows the status pushes, so it moves while the enrolment call waits.
 */
export function CatchUpProgress({ catchUp }: { catchUp: CatchUpInfo }) {
  const { t } = useTranslation()
  const read = formatNumber(catchUp.eventsRead)
  const counted =
    catchUp.eventsRemaining !== null
      ? t('ui.catchUp.eventsOf', { read, total: formatNumber(catchUp.eventsRead + catchUp.eventsRemaining) })
      : t('ui.catchUp.events', { read })
  if (catchUp.state === 'failed')
    return (
      <Alert color="orange" role="alert" title={t('ui.catchUp.failedTitle')}>
        {catchUp.error} {t('ui.catchUp.failedAfter')}
      </Alert>
    )
  return (
    <Stack gap={4} aria-label={t('ui.catchUp.label')}>
      <Text size="sm" fw={600}>
        {catchUp.state === 'ready'
          ? t('ui.catchUp.ready', { events: counted })
          : t('ui.catchUp.running', { step: catchUp.step, percent: catchUp.percent })}
      </Text>
      <Progress
        value={catchUp.percent}
        animated={catchUp.state === 'running'}
        color={catchUp.state === 'ready' ? 'green' : 'blue'}
        aria-label={t('ui.catchUp.bar', { percent: catchUp.percent })}
      />
      {catchUp.state === 'running' && (
        <Text size="xs" c="dimmed">
          {counted}
        </Text>
      )}
    </Stack>
  )
}
