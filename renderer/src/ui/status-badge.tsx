import { Badge } from '@mantine/core'
import type { ApplicationStatus } from '../../../common/contract'

const COLOR: Record<ApplicationStatus, string> = {
  registered: 'blue',
  arrived: 'green',
  collected: 'gray',
  returned: 'orange',
  cancelled: 'red',
}
const LABEL: Record<ApplicationStatus, string> = {
  registered: 'At the agency',
  arrived: 'Ready on shelf',
  collected: 'Collected',
  returned: 'Returned to agency',
  cancelled: 'Cancelled',
}

/** An application's status in words a customer understands. */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <Badge color={COLOR[status]} variant="light" size="lg">
      {LABEL[status]}
    </Badge>
  )
}
