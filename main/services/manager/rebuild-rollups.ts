import { REBUILD_ROLLUPS_SQL } from '../../db/migrations/0080-manager'
import {
  REBUILD_AGENCY_ROLLUPS_SQL,
  REBUILD_BATCH_SUMMARIES_SQL,
} from '../../db/migrations/0220-agency-turnaround'
import type { Store } from '../../db/store'

/**
 * Recomputes the manager's turnaround and lateness rollups, the closed-batch summaries (from the events), and the SMS outcome on every application from the tables they
 * summarise, in one transaction. Nothing needs to call it in normal running: triggers keep both right on every
 * write to `applications`, `notifications` and `delivery_outcomes`, whoever makes it (services, replication, a
 * restored backup). It is for a bulk load that ran without the triggers, and for repair.
 */
export function rebuildManagerRollups(store: Store): void {
  store.tx(() => {
    store.db.exec(REBUILD_ROLLUPS_SQL)
    store.db.exec(REBUILD_AGENCY_ROLLUPS_SQL)
    store.db.exec(REBUILD_BATCH_SUMMARIES_SQL)
    store.db.exec(`
      UPDATE applications SET sms_outcome = NULL, sms_outcome_at = NULL WHERE sms_outcome IS NOT NULL;
      UPDATE applications SET sms_outcome = 'pending'
      WHERE tracking_number IN (SELECT tracking_number FROM notifications WHERE status = 'sent');
      UPDATE applications SET
        sms_outcome = (SELECT outcome FROM delivery_outcomes d WHERE d.tracking_number = applications.tracking_number
                       ORDER BY at DESC LIMIT 1),
        sms_outcome_at = (SELECT max(at) FROM delivery_outcomes d WHERE d.tracking_number = applications.tracking_number)
      WHERE tracking_number IN (SELECT tracking_number FROM delivery_outcomes);
    `)
  })
}
