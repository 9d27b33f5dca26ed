import type { Database } from 'better-sqlite3-multiple-ciphers'
import { applicationQueries } from './queries/applications'
import { arrivalQueries } from './queries/arrivals'
import { notificationQueries } from './queries/notifications'
import { auditQueries } from './queries/audit'
import { centreQueries } from './queries/centre'
import { eventQueries } from './queries/events'
import { managerQueries } from './queries/manager'
import { printJobQueries } from './queries/print-jobs'
import { projectionQueries } from './queries/projection'
import { pullQueries } from './queries/pull'
import { serviceQueries } from './queries/services'
import { syncQueries } from './queries/sync'
import { staffQueries } from './queries/staff'
import { campaignQueries } from './queries/campaigns'
import { returnQueries } from './queries/returns'
import { privacyQueries } from './queries/privacy'
import { subjectQueries } from './queries/subject'
import { directoryQueries } from './queries/directory'

/** The database handle plus one query module per table, prepared once. Services receive this. */
export function createStore(db: Database) {
  return {
    db,
    /** Runs `fn` in one IMMEDIATE transaction: the change, its event and its outbox row commit together. */
    tx<T>(fn: () => T): T {
      return db.transaction(fn).immediate()
    },
    staff: staffQueries(db),
    centre: centreQueries(db),
    events: eventQueries(db),
    audit: auditQueries(db),
    services: serviceQueries(db),
    applications: applicationQueries(db),
    printJobs: printJobQueries(db),
    arrivals: arrivalQueries(db),
    notifications: notificationQueries(db),
    sync: syncQueries(db),
    pull: pullQueries(db),
    campaigns: campaignQueries(db),
    returns: returnQueries(db),
    manager: managerQueries(db),
    projection: projectionQueries(db),
    privacy: privacyQueries(db),
    subject: subjectQueries(db),
    directory: directoryQueries(db),
  }
}
export type Store = ReturnType<typeof createStore>
