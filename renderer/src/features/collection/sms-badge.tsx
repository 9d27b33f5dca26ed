import { Badge, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SmsStatus } from '../../../../common/contract'
import { formatDateTime } from '../../ui/format'

const COLOR: Record<SmsStatus['state'], string> = {
  delivered: 'teal',
  failed: 'red',
  'invalid-number': 'red',
  sent: 'blue',
  scheduled: 'gray',
  none: 'gray',
}

/** The customer's ready-SMS state at the desk, so "I never got a message" can be answered on the spot. */
export function SmsBadge({ sms }: { sms: SmsStatus }) {
  const { t } = useTranslation()
  const hint = t(`ui.sms.${sms.state}.hint`)
  return (
    <Tooltip label={sms.at ? `${hint} (${formatDateTime(sms.at)})` : hint}>
      <Badge size="lg" variant="light" color={COLOR[sms.state]} data-testid="sms-status">
        {t(`ui.sms.${sms.state}.label`)}
      </Badge>
    </Tooltip>
  )
}
