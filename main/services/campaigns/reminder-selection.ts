import type { CampaignCriteria } from '../../../common/contract'
import { REMINDER_GRACE_DAYS } from '../../../common/reminders'
import { nairobiDay, nairobiMidnight } from '../../../common/nairobi-time'
import type { ReminderCandidateRow } from '../../db/queries/campaigns'
import type { Store } from '../../db/store'
import { runInSlices } from '../../infra/slices'

const DAY_MS = 86_400_000

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

/** Rows of the shelf one slice reads at most. */
const PAGE_ROWS = 2_000

/**
 * The documents a campaign reaches, one group per phone number in send order (longest on the shelf first). A phone
 * reminded inside the exclusion window, or with a reminder still waiting to go, is left out with all its documents;
 * so are customers who gave no SMS consent. Each group speaks the language of the phone's newest application.
 *
 * The shelf is read in pages along its index with the event loop given back between them (`runInSlices`): a
 * campaign to the whole shelf of a large centre never holds scans and registrations for seconds. A document that
 * changes between two pages is checked again when its message goes out.
 */
export async function selectReminders(
  store: Store,
  criteria: CampaignCriteria,
  now: number,
  exclusionDays: number,
): Promise<ReminderSelection> {
  const today = nairobiDay(now)
  const arrivedBefore = nairobiMidnight(today - criteria.minDaysOnShelf + 1)
  const remindedBefore = now - criteria.lastReminderOlderThanDays * DAY_MS
  const excluded = store.campaigns.excludedPhones(now - exclusionDays * DAY_MS)
  const retention = new Map(store.services.all().map((s) => [s.code, s.retentionDays]))
  const earliestCollectBy = today + REMINDER_GRACE_DAYS
  const byPhone = new Map<string, ReminderGroup>()
  let documents = 0
  let excludedRecent = 0
  let excludedNoConsent = 0
  const take = (r: ReminderCandidateRow): void => {
    if (r.consent !== 1) {
      excludedNoConsent++
      return
    }
    if (excluded.has(r.phone)) {
      excludedRecent++
      return
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
      return
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
  const services: (string | null)[] =
    criteria.serviceCodes.length === 0 ? [null] : [...new Set(criteria.serviceCodes)]
  for (const service of services) {
    // Pages start at the last page's final arrival instant; the rows of that instant already taken are skipped.
    let from = -1
    let atFrom = new Set<number>()
    const page = (limit: number) =>
      store.campaigns.candidatePage({ arrivedBefore, remindedBefore, service, fromArrived: from, limit })
    await runInSlices(
      (size) => {
        let limit = Math.min(PAGE_ROWS, size * 8)
        let rows = page(limit)
        // A page holding nothing but rows of the instant already seen: read more of that instant.
        while (rows.length === limit && rows.every((r) => r.arrivedAt === from && atFrom.has(r.rid))) {
          limit *= 2
          rows = page(limit)
        }
        for (const r of rows) {
          if (r.arrivedAt === from && atFrom.has(r.rid)) continue
          take(r)
          if (r.arrivedAt !== from) {
            from = r.arrivedAt
            atFrom = new Set()
          }
          atFrom.add(r.rid)
        }
        return rows.length === limit
      },
      { firstSize: 64 },
    )
  }
  const groups = [...byPhone.values()]
  let sortFrom = 0
  await runInSlices((size) => {
    // Sorting each group's few numbers, a slice at a time; `sortFrom` walks the groups once.
    const end = Math.min(groups.length, sortFrom + size * 16)
    for (; sortFrom < end; sortFrom++) groups[sortFrom]?.trackingNumbers.sort()
    return sortFrom < groups.length
  })
  // One sort of the groups, in one go: for the whole shelf they already come oldest first (pages in arrival
  // order), a run V8's TimSort takes in one pass.
  groups.sort((a, b) => a.oldestArrivedAt - b.oldestArrivedAt || (a.phone < b.phone ? -1 : 1))
  return { groups, documents, excludedRecent, excludedNoConsent }
}
