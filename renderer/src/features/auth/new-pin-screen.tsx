import { Button, Card, Center, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../../common/contract'
import { MIN_PIN_DIGITS } from '../../../../common/contract/fields'
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
  const { t } = useTranslation()
  return (
    <Center mih="100vh">
      <Card withBorder padding="xl" w={480}>
        <Stack>
          <Title order={2}>{t('auth.newPin.title')}</Title>
          <Text>
            {t('auth.newPin.why', {
              name: session.staff.name,
              role: t(`common.role.${role}`).toLowerCase(),
              digits: MIN_PIN_DIGITS[role],
            })}
          </Text>
          <MyPinTab role={role} onChanged={onChanged} />
          <Button variant="subtle" onClick={() => void api.call('auth.signOut', {}).catch(() => undefined)}>
            {t('auth.newPin.signOut')}
          </Button>
        </Stack>
      </Card>
    </Center>
  )
}
