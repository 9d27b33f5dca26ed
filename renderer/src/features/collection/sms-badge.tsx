import { Badge, Tooltip } from '@mantine/core'
import type { SmsStatus } from '../../../../common/contract'
import { formatDateTime } from '../../ui/format'

const LOOK: Record<SmsStatus['state'], { label: string; color: string; hint: string }> = {
  delivered: { label: 'SMS delivered', color: 'teal', hint: 'The gateway reported the ready SMS delivered.' },
  failed: { label: 'SMS failed', color: 'red', hint: 'The gateway could not deliver the ready SMS.' },
  'invalid-number': {
    label: 'SMS: invalid number',
    color: 'red',
    hint: 'The phone number was refused: correct it with the customer.',
  },
  sent: { label: 'SMS sent', color: 'blue', hint: 'Sent; no delivery report from the gateway yet.' },
  scheduled: { label: 'SMS due', color: 'gray', hint: 'The ready SMS goes out after the grace period.' },
  none: { label: 'No SMS', color: 'gray', hint: 'No ready SMS (no consent, or not sent).' },
}

/** The customer's ready-SMS state at the desk, so "I never got a message" can be answered on the spot. */
export function SmsBadge({ sms }: { sms: SmsStatus }) {
  const look = LOOK[sms.state]
  return (
    <Tooltip label={`${look.hint}${sms.at ? ` (${formatDateTime(sms.at)})` : ''}`}>
      <Badge size="lg" variant="light" color={look.color} data-testid="sms-status">
        {look.label}
      </Badge>
    </Tooltip>
  )
}
