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
    // miw: in a narrow table column the badge would shrink and cut its status ("IMECH…"); it keeps its words whole.
    <Badge color={COLOR[status]} variant="light" size="lg" miw="max-content">
      {t(`ui.status.${status}`)}
    </Badge>
  )
}
