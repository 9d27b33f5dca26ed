import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { EventWriter } from '../event-writer'
import { createAnalyticsService } from './analytics-service'
import { createBacklogService } from './backlog-service'
import { createOverdueService } from './overdue-service'

/** Everything the centre manager's backlog page reads and the one thing it writes (the call log). */
export function createManagerService(deps: { store: Store; clock: Clock; writeEvent: EventWriter }) {
  return {
    backlog: createBacklogService(deps),
    overdue: createOverdueService(deps),
    analytics: createAnalyticsService(deps),
  }
}
export type ManagerService = ReturnType<typeof createManagerService>
