import { createSmsTexts, smsSegments } from '../../common/sms'
import type { ApplicationRow } from '../db/queries/applications'
import type { NotificationRow } from '../db/queries/notifications'
import type { Store } from '../db/store'
import { addCalendarDays, nairobiDate } from '../../common/nairobi-time'
import type { Clock } from '../infra/clock'
import type { EventWriter } from './event-writer'

interface Deps {
  store: Store
  clock: Clock
  writeEvent: EventWriter
}

/**
 * "Ready for collection" messages. Scheduled at arrival after a grace period; sent per phone number, not per
 * document: when the earliest scheduled ready notification of a phone falls due, that phone gets ONE message for
 * every document of it still scheduled and still ready, including documents whose own grace period has not run yet
 * (so everything that arrives within the first document's grace period goes in one SMS, and no message waits
 * longer than the first document's grace period: a stream of arrivals cannot hold it back). Customers sharing a
 * phone (a parent and a child, a family) share the message; it speaks the language of the phone's newest
 * application, as reminders do. At send time each document is checked again (still on the shelf, not missing,
 * consent given): one that fails is left out, and skipped if its own notification was due. The text travels in a
 * `notification.ready` event; the central API sends it.
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
      let messages = 0
      // One set of texts per run: each message is worded in its own phone's language.
      const sms = createSmsTexts()
      store.tx(() => {
        // Phones with at least one due notification whose document is still ready; the rest are skipped.
        const phones = new Set<string>()
        for (const n of due) {
          const app = store.applications.byTracking(n.tracking_number)
          const reason = stillReady(app)
          if (reason !== null || !app) {
            store.notifications.markSkipped(n.id, reason ?? 'not ready')
            continue
          }
          phones.add(app.phone)
        }
        const centre = store.centre.get()
        for (const phone of phones) {
          const apps: ApplicationRow[] = []
          const rows: NotificationRow[] = []
          for (const n of store.notifications.pendingReadyForPhone(phone)) {
            const app = store.applications.byTracking(n.tracking_number)
            const reason = stillReady(app)
            if (reason !== null || !app) {
              // A due one is settled now; one not yet due keeps its own chance (a missing mark may be cleared).
              if (n.due_at <= now) store.notifications.markSkipped(n.id, reason ?? 'not ready')
              continue
            }
            if (!apps.some((a) => a.tracking_number === app.tracking_number)) apps.push(app)
            rows.push(n)
          }
          const first = apps[0]
          if (!first) continue
          const newest = apps.reduce((a, b) => (b.registered_at > a.registered_at ? b : a))
          const retention = Math.min(
            ...apps.map((a) => store.services.byCode(a.service_code)?.retentionDays ?? 90),
          )
          const trackingNumbers = apps.map((a) => a.tracking_number)
          const text = sms.ready({
            language: newest.language,
            centreName: centre?.name ?? 'Huduma Centre',
            trackingNumbers,
            collectBy: addCalendarDays(nairobiDate(now), retention),
          })
          writeEvent({
            type: 'notification.ready',
            staffNumber: null,
            trackingNumber: first.tracking_number,
            payload: {
              phone,
              language: newest.language,
              trackingNumbers,
              text,
              segments: smsSegments(text).segments,
            },
          })
          for (const r of rows) store.notifications.markSent(r.id, now)
          messages++
        }
      })
      return messages
    },
  }
}
export type NotificationService = ReturnType<typeof createNotificationService>
