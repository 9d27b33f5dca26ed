import type {
  CampaignCriteria,
  CampaignLanguageText,
  CampaignPreview,
  CampaignSummary,
} from '../../../common/contract'
import { AppError } from '../../../common/errors'
import { nairobiDay } from '../../../common/nairobi-time'
import type { CampaignMessageRow, CampaignRow } from '../../db/queries/campaigns'
import type { ApplicationRow } from '../../db/queries/applications'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { EventWriter } from '../event-writer'
import type { Session } from '../../infra/session-store'
import type { SettingsService } from '../settings-service'
import { runInSlices } from '../../infra/slices'
import { REMINDER_GRACE_DAYS } from '../../../common/reminders'
import { selectReminders, type ReminderGroup } from './reminder-selection'
import { createReminderTexts, type ReminderTexts } from './reminder-text'
import { inQuietHours, scheduleTimes } from './send-schedule'

interface Deps {
  store: Store
  clock: Clock
  settings: SettingsService
  writeEvent: EventWriter
}

const DAY_MS = 86_400_000
/** Recipients a preview lists (the counts cover all of them). */
const PREVIEW_SAMPLE = 100

const summary = (r: CampaignRow): CampaignSummary => ({
  id: r.id,
  dryRun: r.dry_run === 1,
  criteria: JSON.parse(r.criteria) as CampaignCriteria,
  documents: r.documents,
  recipients: r.recipients,
  segments: r.segments,
  costKes: r.cost_cents / 100,
  excludedRecent: r.excluded_recent,
  excludedNoConsent: r.excluded_no_consent,
  firstDueAt: r.first_due_at,
  lastDueAt: r.last_due_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
  sent: r.sent,
  scheduled: r.scheduled,
  skipped: r.skipped,
})

/**
 * Reminder campaigns for documents waiting on the shelf: select, preview (recipients, text, segments, cost,
 * schedule), record a dry run, or send. Sending writes one `notification.reminder` event per phone number — now
 * for the first minute's share, later from the tick for the rest (`sendDue`) — and every document is checked again
 * at send time, including the exclusion window, so no one is reminded twice inside it.
 */
export function createCampaignService({ store, clock, settings, writeEvent }: Deps) {
  const texts = (): ReminderTexts => createReminderTexts(store.centre.get()?.name ?? 'Huduma Centre')
  /** When each reminder of the last minute went out: `sendDue` keeps to the send rate with it. */
  const sentTimes: number[] = []
  /** A campaign is being prepared (`send` is between its slices). */
  let preparing = false

  const discard = async (id: number): Promise<void> => {
    await runInSlices((size) => store.tx(() => store.campaigns.discardUnprepared(id, size)))
  }

  async function plan(criteria: CampaignCriteria, now: number) {
    const s = settings.get()
    const selection = await selectReminders(store, criteria, now, s.reminderExclusionDays)
    const quiet = { start: s.reminderQuietStart, end: s.reminderQuietEnd }
    const due = scheduleTimes(selection.groups.length, now, s.reminderRatePerMinute, quiet)
    const t = texts()
    let segments = 0
    const languages = new Map<'en' | 'sw', CampaignLanguageText>()
    let i = 0
    // Each group's text is built to count its segments: a slice at a time on a large shelf.
    await runInSlices((size) => {
      const end = Math.min(selection.groups.length, i + size)
      for (; i < end; i++) {
        const g = selection.groups[i]!
        const seg = t.segments(g.language, g.trackingNumbers, g.collectByDay)
        segments += seg.segments
        const lang = languages.get(g.language)
        if (lang) lang.recipients++
        else
          languages.set(g.language, {
            language: g.language,
            recipients: 1,
            sampleText: t.text(g.language, g.trackingNumbers, g.collectByDay),
            encoding: seg.encoding,
            segmentsPerMessage: seg.segments,
          })
      }
      return i < selection.groups.length
    })
    const costCents = Math.round(segments * s.smsPriceKes * 100)
    return { s, selection, due, segments, costCents, languages, quiet }
  }
  type Plan = Awaited<ReturnType<typeof plan>>

  const record = (
    criteria: CampaignCriteria,
    p: Plan,
    dryRun: boolean,
    by: string,
    now: number,
    preparing = false,
  ) =>
    store.campaigns.insertCampaign(
      {
        dryRun: dryRun ? 1 : 0,
        criteria: JSON.stringify(criteria),
        documents: p.selection.documents,
        recipients: p.selection.groups.length,
        segments: p.segments,
        costCents: p.costCents,
        excludedRecent: p.selection.excludedRecent,
        excludedNoConsent: p.selection.excludedNoConsent,
        firstDueAt: p.due[0] ?? null,
        lastDueAt: p.due[p.due.length - 1] ?? null,
        createdAt: now,
        createdBy: by,
      },
      preparing,
    )

  const stillOnShelf = (a: ApplicationRow | null): string | null => {
    if (!a) return 'application not found'
    if (a.status !== 'arrived') return `no longer on the shelf (${a.status})`
    if (a.missing === 1) return 'marked missing'
    if (a.sms_consent !== 1) return 'no SMS consent'
    return null
  }

  /** Sends one message now (inside the caller's transaction), re-checking each document and the phone's window. */
  function deliver(m: CampaignMessageRow, t: ReminderTexts, now: number, exclusionDays: number): boolean {
    const tns = JSON.parse(m.tracking_numbers) as string[]
    if (store.campaigns.phoneRemindedSince(m.phone, now - exclusionDays * DAY_MS)) {
      const reason = `phone reminded within ${exclusionDays} days`
      store.campaigns.markMessageSkipped(m.id, reason)
      for (const tn of tns) store.campaigns.markNotificationSkipped(m.id, tn, reason)
      return false
    }
    const ready: ApplicationRow[] = []
    for (const tn of tns) {
      const app = store.applications.byTracking(tn)
      const reason = stillOnShelf(app)
      if (reason || !app) store.campaigns.markNotificationSkipped(m.id, tn, reason ?? 'not on the shelf')
      else ready.push(app)
    }
    if (ready.length === 0) {
      store.campaigns.markMessageSkipped(m.id, 'no document still on the shelf')
      return false
    }
    const today = nairobiDay(now)
    // The earliest "collect by" of the documents listed, never sooner than the grace days from today.
    const earliest = Math.min(
      ...ready.map(
        (a) => nairobiDay(a.arrived_at ?? now) + (store.services.byCode(a.service_code)?.retentionDays ?? 90),
      ),
    )
    const collectBy = Math.max(today + REMINDER_GRACE_DAYS, earliest)
    const trackingNumbers = ready.map((a) => a.tracking_number)
    const text = t.text(m.language, trackingNumbers, collectBy)
    const eventId = writeEvent({
      type: 'notification.reminder',
      staffNumber: store.campaigns.createdBy(m.campaign_id),
      trackingNumber: trackingNumbers[0] ?? null,
      payload: {
        phone: m.phone,
        language: m.language,
        trackingNumbers,
        text,
        segments: t.segments(m.language, trackingNumbers, collectBy).segments,
        campaignId: m.campaign_id,
      },
    })
    store.campaigns.markMessageSent(m.id, now, eventId)
    for (const tn of trackingNumbers) {
      store.campaigns.markNotificationSent(m.id, tn, now)
      store.campaigns.setLastReminder(tn, now)
    }
    return true
  }

  const toRecipient = (g: ReminderGroup, dueAt: number) => ({
    phone: g.phone,
    language: g.language,
    customerName: g.customerName,
    trackingNumbers: g.trackingNumbers,
    dueAt,
  })

  return {
    /** What a campaign would do. Lists customers' names and phones, so looking is audited. */
    async preview(criteria: CampaignCriteria, staff: Session): Promise<CampaignPreview> {
      const now = clock.now()
      const p = await plan(criteria, now)
      const sample = p.selection.groups.slice(0, PREVIEW_SAMPLE)
      store.audit.write({
        at: now,
        staffNumber: staff.staffNumber,
        action: 'campaign.previewed',
        // The documents whose customers were listed on screen (the first recipients), not the whole selection.
        detail: {
          criteria,
          recipients: p.selection.groups.length,
          documents: p.selection.documents,
          trackingNumbers: sample.flatMap((g) => g.trackingNumbers),
        },
      })
      return {
        criteria,
        documents: p.selection.documents,
        recipients: p.selection.groups.length,
        segments: p.segments,
        costKes: p.costCents / 100,
        priceKes: p.s.smsPriceKes,
        excludedRecent: p.selection.excludedRecent,
        excludedNoConsent: p.selection.excludedNoConsent,
        exclusionDays: p.s.reminderExclusionDays,
        languages: [...p.languages.values()],
        quietHours: p.quiet,
        ratePerMinute: p.s.reminderRatePerMinute,
        firstDueAt: p.due[0] ?? null,
        lastDueAt: p.due[p.due.length - 1] ?? null,
        sample: sample.map((g, i) => toRecipient(g, p.due[i] ?? now)),
      }
    },

    /** Keeps the campaign's counts as a dry run: a `campaigns` row and its audit row, no message, no event. */
    async dryRun(criteria: CampaignCriteria, staff: Session): Promise<CampaignSummary> {
      const now = clock.now()
      const p = await plan(criteria, now)
      const id = store.tx(() => {
        const campaignId = record(criteria, p, true, staff.staffNumber, now)
        store.audit.write({
          at: now,
          staffNumber: staff.staffNumber,
          action: 'campaign.dryRun',
          detail: {
            campaignId,
            criteria,
            recipients: p.selection.groups.length,
            documents: p.selection.documents,
          },
        })
        return campaignId
      })
      return summary(store.campaigns.byId(id)!)
    },

    /**
     * Sends the campaign. The shelf is read and the messages written in slices (`runInSlices`), so a campaign to
     * the whole shelf of a large centre never holds the core: the campaign row is written first, marked
     * `preparing`, then one message per phone with its due time and a reminder row per document, a slice per
     * transaction; the last transaction clears `preparing`, sends the messages due now (their
     * `notification.reminder` events) and writes the audit row. Nothing of a campaign goes out while it is
     * preparing, and one a crash left preparing is removed at the next start (`discardUnprepared`), so a manager
     * who was not told "sent" finds nothing sent. One campaign is prepared at a time on a PC.
     */
    async send(criteria: CampaignCriteria, staff: Session): Promise<CampaignSummary> {
      if (preparing)
        throw new AppError(
          'CONFLICT',
          'Another campaign is being prepared on this PC: try again in a moment.',
        )
      preparing = true
      let campaignId: number | null = null
      try {
        const now = clock.now()
        const p = await plan(criteria, now)
        if (p.selection.groups.length === 0) {
          throw new AppError('CONFLICT', 'No one to remind with these choices: nothing was sent.')
        }
        const id = store.tx(() => record(criteria, p, false, staff.staffNumber, now, true))
        campaignId = id
        let i = 0
        const groups = p.selection.groups
        await runInSlices((size) => {
          store.tx(() => {
            const end = Math.min(groups.length, i + size)
            for (; i < end; i++) {
              const g = groups[i]!
              const dueAt = p.due[i] ?? now
              const messageId = store.campaigns.insertMessage({
                campaignId: id,
                phone: g.phone,
                language: g.language,
                tns: g.trackingNumbers,
                dueAt,
              })
              for (const tn of g.trackingNumbers) store.campaigns.insertNotification(tn, dueAt, messageId)
            }
          })
          return i < groups.length
        })
        store.tx(() => {
          store.campaigns.markPrepared(id)
          const t = texts()
          for (const m of store.campaigns.dueMessagesOf(id, now))
            deliver(m, t, now, p.s.reminderExclusionDays)
          store.audit.write({
            at: now,
            staffNumber: staff.staffNumber,
            action: 'campaign.sent',
            detail: {
              campaignId: id,
              criteria,
              recipients: p.selection.groups.length,
              documents: p.selection.documents,
            },
          })
        })
        campaignId = null
        return summary(store.campaigns.byId(id)!)
      } finally {
        preparing = false
        // A slice that failed (a full disk) leaves a half-written campaign: removed now if it can be, else at
        // the next start. Its first error is what the manager is told.
        if (campaignId !== null) await discard(campaignId).catch(() => undefined)
      }
    },

    /** Removes what a crash left of campaigns that were still being prepared; called once at start. */
    async discardUnprepared(): Promise<number> {
      let n = 0
      for (let id = store.campaigns.unprepared(); id !== null; id = store.campaigns.unprepared()) {
        await discard(id)
        n++
      }
      return n
    },

    list: (limit: number): CampaignSummary[] => store.campaigns.list(limit).map(summary),

    /** The tick's part: sends reminders whose time has come. Returns how many messages went out. */
    sendDue(): number {
      const now = clock.now()
      // Every tick asks; nearly always nothing is due, so that is the one query it costs.
      const allDue = store.campaigns.dueMessages(now)
      if (allDue.length === 0) return 0
      const s = settings.get()
      // Quiet hours and the rate were applied when the campaign was planned; a PC that was off (or a tick that
      // fell behind) finds a backlog already due, which must not go out at night or all at once.
      if (inQuietHours(now, { start: s.reminderQuietStart, end: s.reminderQuietEnd })) return 0
      while (sentTimes.length > 0 && (sentTimes[0] ?? 0) <= now - 60_000) sentTimes.shift()
      const due = allDue.slice(0, Math.max(0, Math.floor(s.reminderRatePerMinute) - sentTimes.length))
      if (due.length === 0) return 0
      const t = texts()
      const sent = store.tx(() => due.filter((m) => deliver(m, t, now, s.reminderExclusionDays)).length)
      for (let i = 0; i < sent; i++) sentTimes.push(now)
      return sent
    },
  }
}
export type CampaignService = ReturnType<typeof createCampaignService>
