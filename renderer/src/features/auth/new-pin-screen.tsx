import { Button, Card, Center, Stack, Text, Title } from '@mantine/core'
import type { SessionInfo } from '../../../../common/contract'
import { MIN_PIN_DIGITS } from '../../../../common/contract/fields'
import { ROLE_LABELS } from '../../../../common/roles'
import { api } from '../../api/client'
import { MyPinTab } from '../settings/my-pin-tab'

/**
 * A manager or administrator whose PIN dates from before the 6-digit rule sets a new one before anything else: the
 * core refuses every other call until then (main/api/dispatcher.ts), and this is the only screen they see.
 */
export function NewPinScreen({
  session,
  onChanged,
}: {
  session: SessionInfo
  onChanged: (s: SessionInfo) => void
}) {
  const role = session.staff.role
  return (
    <Center mih="100vh">
      <Card withBorder padding="xl" w={480}>
        <Stack>
          <Title order={2}>Set a new PIN</Title>
          <Text>
            {session.staff.name}, a {ROLE_LABELS[role].toLowerCase()}&apos;s PIN now has at least{' '}
            {MIN_PIN_DIGITS[role]} digits: it opens staff records, exports and customers&apos; personal data.
            Choose a new one to go on.
          </Text>
          <MyPinTab role={role} onChanged={onChanged} />
          <Button variant="subtle" onClick={() => void api.call('auth.signOut', {}).catch(() => undefined)}>
            Sign out
          </Button>
        </Stack>
      </Card>
    </Center>
  )
}
