import type { Database } from 'better-sqlite3-multiple-ciphers'
import { agencyQueries } from './agency'
import { analyticsQueries } from './analytics'
import { callQueries } from './calls'
import { overdueQueries } from './overdue'
import { shelfQueries } from './shelf'

/** The centre manager's read models: shelf backlog, overdue queue, turnaround rollups, the call log and the agency turnaround. */
export function managerQueries(db: Database) {
  return {
    shelf: shelfQueries(db),
    overdue: overdueQueries(db),
    analytics: analyticsQueries(db),
    calls: callQueries(db),
    agency: agencyQueries(db),
  }
}
export type ManagerQueries = ReturnType<typeof managerQueries>
