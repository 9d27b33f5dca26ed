import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApplicationStatus } from '../../../common/contract'

const COLOR: Record<ApplicationStatus, string> = {
  registered: 'blue',
  arrived: 'green',
  collected: 'gray',
  returned: 'orange',
  cancelled: 'red',
}

/** An application's status in words a customer understands. */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLOR[status]} variant="light" size="lg">
      {t(`ui.status.${status}`)}
    </Badge>
  )
}
