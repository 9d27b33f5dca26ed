import { Alert, Progress, Stack, Text } from '@mantine/core'
import type { CatchUpInfo } from '../../../common/contract'

/**
 * The catch-up that follows an enrolment: a bar from the start to "ready to work", what it is bringing down now,
 * and the centre's events read so far. It follows the status pushes, so it moves while the enrolment call waits.
 */
export function CatchUpProgress({ catchUp }: { catchUp: CatchUpInfo }) {
  const counted =
    catchUp.eventsRemaining !== null
      ? `${catchUp.eventsRead.toLocaleString('en-KE')} of ${(catchUp.eventsRead + catchUp.eventsRemaining).toLocaleString('en-KE')} centre events`
      : `${catchUp.eventsRead.toLocaleString('en-KE')} centre events`
  if (catchUp.state === 'failed')
    return (
      <Alert color="orange" role="alert" title="The catch-up stopped">
        {catchUp.error} This PC is enrolled: what is missing comes down by itself within a few minutes once
        the central API answers, or press Sync now.
      </Alert>
    )
  return (
    <Stack gap={4} aria-label="Catch-up with the centre">
      <Text size="sm" fw={600}>
        {catchUp.state === 'ready'
          ? `Ready to work: ${counted} brought down.`
          : `Bringing down the centre’s data: ${catchUp.step} (${catchUp.percent}%)`}
      </Text>
      <Progress
        value={catchUp.percent}
        animated={catchUp.state === 'running'}
        color={catchUp.state === 'ready' ? 'green' : 'blue'}
        aria-label={`Catch-up ${catchUp.percent}%`}
      />
      {catchUp.state === 'running' && (
        <Text size="xs" c="dimmed">
          {counted}
        </Text>
      )}
    </Stack>
  )
}
