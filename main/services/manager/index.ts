import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { EventWriter } from '../event-writer'
import { createAgencyReportService } from './agency-report-service'
import { createAgencyTurnaroundService } from './agency-turnaround-service'
import { createAnalyticsService } from './analytics-service'
import { createBacklogService } from './backlog-service'
import { createOverdueService } from './overdue-service'

/** Everything the centre manager's backlog page reads and the one thing it writes (the call log). */
export function createManagerService(deps: { store: Store; clock: Clock; writeEvent: EventWriter }) {
  const agency = createAgencyTurnaroundService(deps)
  return {
    agency,
    agencyReports: createAgencyReportService({ ...deps, turnaround: agency }),
    backlog: createBacklogService(deps),
    overdue: createOverdueService(deps),
    analytics: createAnalyticsService(deps),
  }
}
export type ManagerService = ReturnType<typeof createManagerService>
