import type { CampaignCriteria } from '../../../common/contract'
import { nairobiDay, nairobiMidnight } from '../../../common/nairobi-time'
import type { ReminderCandidateRow } from '../../db/queries/campaigns'
import type { Store } from '../../db/store'

const DAY_MS = 86_400_000
/**
 * A reminder never tells someone to come by a date that has passed or is days away: documents already past their
 * retention period get this many days from today (the manager returns them after that).
 */
export const REMINDER_GRACE_DAYS = 7

/** Every selected document of one phone number: one SMS. */
export interface ReminderGroup {
  phone: string
  language: 'en' | 'sw'
  customerName: string
  trackingNumbers: string[]
  oldestArrivedAt: number
  /** Nairobi day number of the "collect by" date in the message. */
  collectByDay: number
  /** registered_at of the application whose language and name the group uses (the newest). */
  newestRegisteredAt: number
}

export interface ReminderSelection {
  groups: ReminderGroup[]
  documents: number
  excludedRecent: number
  excludedNoConsent: number
}

/**
 * The documents a campaign reaches, one group per phone number in send order (longest on the shelf first). A phone
 * reminded inside the exclusion window, or with a reminder still waiting to go, is left out with all its documents;
 * so are customers who gave no SMS consent. Each group speaks the language of the phone's newest application.
 */
export function selectReminders(
  store: Store,
  criteria: CampaignCriteria,
  now: number,
  exclusionDays: number,
): ReminderSelection {
  const today = nairobiDay(now)
  const rows = store.campaigns.candidates({
    arrivedBefore: nairobiMidnight(today - criteria.minDaysOnShelf + 1),
    remindedBefore: now - criteria.lastReminderOlderThanDays * DAY_MS,
    serviceCodes: criteria.serviceCodes,
  })
  const excluded = store.campaigns.excludedPhones(now - exclusionDays * DAY_MS)
  const retention = new Map(store.services.all().map((s) => [s.code, s.retentionDays]))
  const earliestCollectBy = today + REMINDER_GRACE_DAYS
  const byPhone = new Map<string, ReminderGroup>()
  let documents = 0
  let excludedRecent = 0
  let excludedNoConsent = 0
  for (const r of rows as Iterable<ReminderCandidateRow>) {
    if (r.consent !== 1) {
      excludedNoConsent++
      continue
    }
    if (excluded.has(r.phone)) {
      excludedRecent++
      continue
    }
    documents++
    const collectBy = Math.max(earliestCollectBy, nairobiDay(r.arrivedAt) + (retention.get(r.service) ?? 90))
    const g = byPhone.get(r.phone)
    if (!g) {
      byPhone.set(r.phone, {
        phone: r.phone,
        language: r.language,
        customerName: r.name,
        trackingNumbers: [r.tn],
        oldestArrivedAt: r.arrivedAt,
        collectByDay: collectBy,
        newestRegisteredAt: r.registeredAt,
      })
      continue
    }
    g.trackingNumbers.push(r.tn)
    if (r.arrivedAt < g.oldestArrivedAt) g.oldestArrivedAt = r.arrivedAt
    if (collectBy < g.collectByDay) g.collectByDay = collectBy
    if (r.registeredAt > g.newestRegisteredAt) {
      g.newestRegisteredAt = r.registeredAt
      g.language = r.language
      g.customerName = r.name
    }
  }
  const groups = [...byPhone.values()]
  for (const g of groups) g.trackingNumbers.sort()
  groups.sort((a, b) => a.oldestArrivedAt - b.oldestArrivedAt || (a.phone < b.phone ? -1 : 1))
  return { groups, documents, excludedRecent, excludedNoConsent }
}
