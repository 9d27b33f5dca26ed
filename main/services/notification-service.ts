import { readyMessage, smsSegments } from '../../common/sms'
import type { ApplicationRow } from '../db/queries/applications'
import type { NotificationRow } from '../db/queries/notifications'
import type { Store } from '../db/store'
import { addCalendarDays, nairobiDate } from './calendar/working-days'
import type { Clock } from './clock'
import type { EventWriter } from './event-writer'

interface Deps {
  store: Store
  clock: Clock
  writeEvent: EventWriter
}

/**
 * "Ready for collection" messages. Scheduled at arrival after a grace period; at send time each document is checked
 * again (still on the shelf, not missing, consent given), and several documents for one phone become one SMS. The
 * text travels in a `notification.ready` event; the central API sends it.
 */
export function createNotificationService({ store, clock, writeEvent }: Deps) {
  const stillReady = (app: ApplicationRow | null): string | null => {
    if (!app) return 'application not found'
    if (app.status !== 'arrived') return `no longer on the shelf (${app.status})`
    if (app.missing === 1) return 'marked missing'
    if (app.sms_consent !== 1) return 'no SMS consent'
    return null
  }

  return {
    /** Sends every due notification; returns how many messages were written. Cheap when nothing is due. */
    sendDue(): number {
      const now = clock.now()
      const due = store.notifications.due(now)
      if (due.length === 0) return 0
      const groups = new Map<string, { apps: ApplicationRow[]; rows: NotificationRow[] }>()
      store.tx(() => {
        for (const n of due) {
          const app = store.applications.byTracking(n.tracking_number)
          const reason = stillReady(app)
          if (reason || !app) {
            store.notifications.markSkipped(n.id, reason ?? 'not ready')
            continue
          }
          const key = `${app.phone}|${app.language}`
          const g = groups.get(key) ?? { apps: [], rows: [] }
          if (!g.apps.some((a) => a.tracking_number === app.tracking_number)) g.apps.push(app)
          g.rows.push(n)
          groups.set(key, g)
        }
        const centre = store.centre.get()
        for (const { apps, rows } of groups.values()) {
          const first = apps[0]
          if (!first) continue
          const retention = Math.min(
            ...apps.map((a) => store.services.byCode(a.service_code)?.retentionDays ?? 90),
          )
          const text = readyMessage({
            language: first.language,
            centreName: centre?.name ?? 'Huduma Centre',
            trackingNumbers: apps.map((a) => a.tracking_number),
            collectBy: addCalendarDays(nairobiDate(now), retention),
          })
          writeEvent({
            type: 'notification.ready',
            staffNumber: null,
            trackingNumber: first.tracking_number,
            payload: {
              phone: first.phone,
              language: first.language,
              trackingNumbers: apps.map((a) => a.tracking_number),
              text,
              segments: smsSegments(text).segments,
            },
          })
          for (const r of rows) store.notifications.markSent(r.id, now)
        }
      })
      return groups.size
    },
  }
}
export type NotificationService = ReturnType<typeof createNotificationService>
