/**
 * Reminder campaigns through dispatch on a real SQLite file, on a hand-checked shelf (Mon 30 Nov 2026, 10:00
 * Nairobi; BIRTH_CERT keeps 120 days, ID_NEW 180, GOOD_CONDUCT 90):
 *
 *   A  +254711000001 sw  BIRTH_CERT   20 days  consent      → selected (grouped with B)
 *   B  +254711000001 en  ID_NEW       10 days  consent      → selected; newer, so the group speaks English
 *   C  +254711000002 sw  BIRTH_CERT   30 days  consent      → selected
 *   D  +254711000003 en  BIRTH_CERT    3 days  consent      → too new (minimum 7 days)
 *   E  +254711000004 en  BIRTH_CERT   15 days  no consent   → excluded: no consent
 *   F  +254711000005 en  BIRTH_CERT   40 days  reminded 3 days ago → "last reminder older than 14" drops it
 *   G  +254711000006 en  GOOD_CONDUCT 25 days  consent, but the phone's other document was reminded 2 days ago
 *                                               → excluded: inside the 7-day window
 *   H  +254711000007 en  BIRTH_CERT   12 days  marked missing → not selected
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { reminderMessage } from '../../common/sms'
import { startCentralSim } from '../peers/central-sim'
import { rowCounts } from '../helpers/db-counts'
import {
  call,
  DAY,
  DESK_KEY,
  MANAGER_KEY,
  MINUTE,
  NOW,
  ok,
  shelfFixture,
  ADMIN_KEY,
  CLERK_KEY,
} from '../helpers/shelf-fixture'

type Fixture = Awaited<ReturnType<typeof shelfFixture>>

const CRITERIA = { minDaysOnShelf: 7, serviceCodes: [], lastReminderOlderThanDays: 14 }
const PHONE_AB = '+254711000001'
const PHONE_C = '+254711000002'

interface EventRow {
  type: string
  staff_number: string | null
  tracking_number: string | null
  payload: string
}

describe('reminder campaigns', () => {
  let f: Fixture
  const tn: Record<string, string> = {}

  beforeEach(async () => {
    f = await shelfFixture()
    const doc = (
      key: string,
      phone: string,
      language: 'en' | 'sw',
      serviceCode: string,
      daysOnShelf: number,
      smsConsent = true,
    ) =>
      f
        .place({
          serviceCode,
          customerName: `Customer ${key.replace('2', ' Two')}`,
          phone,
          ...(serviceCode === 'ID_NEW' ? {} : { idNumber: String(21_000_000 + Object.keys(tn).length) }),
          language,
          smsConsent,
          daysOnShelf,
        })
        .then((n) => {
          tn[key] = n
        })
    await doc('A', '0711000001', 'sw', 'BIRTH_CERT', 20)
    // B is registered after A (10 days ago against 20): its language wins.
    await doc('B', '0711000001', 'en', 'ID_NEW', 10)
    await doc('C', '0711000002', 'sw', 'BIRTH_CERT', 30)
    await doc('D', '0711000003', 'en', 'BIRTH_CERT', 3)
    await doc('E', '0711000004', 'en', 'BIRTH_CERT', 15, false)
    await doc('F', '0711000005', 'en', 'BIRTH_CERT', 40)
    await doc('G', '0711000006', 'en', 'GOOD_CONDUCT', 25)
    await doc('G2', '0711000006', 'en', 'BIRTH_CERT', 1)
    await doc('H', '0711000007', 'en', 'BIRTH_CERT', 12)
    f.t.clock.set(NOW)
    const db = f.db
    db.prepare('UPDATE applications SET last_reminder_at = ? WHERE tracking_number = ?').run(
      NOW - 3 * DAY,
      tn.F,
    )
    db.prepare('UPDATE applications SET last_reminder_at = ? WHERE tracking_number = ?').run(
      NOW - 2 * DAY,
      tn.G2,
    )
    await f.markMissing(tn.H!)
  })

  afterEach(() => f.t.close())

  const reminderEvents = () =>
    f.db
      .prepare<[], EventRow>(
        "SELECT type, staff_number, tracking_number, payload FROM events WHERE type = 'notification.reminder' ORDER BY seq",
      )
      .all()

  const expectedText = (language: 'en' | 'sw', tns: string[], collectBy: string) =>
    reminderMessage({ language, centreName: 'Huduma Centre GPO', trackingNumbers: tns, collectBy })

  it('preview: one recipient per phone, exact counts, text per language, segments, cost and schedule', async () => {
    const before = rowCounts(f.db)
    const p = await ok(f.t.core, MANAGER_KEY, 'campaign.preview', CRITERIA)
    expect(p).toMatchObject({
      documents: 3,
      recipients: 2,
      segments: 2,
      costKes: 1.6,
      priceKes: 0.8,
      excludedRecent: 1,
      excludedNoConsent: 1,
      exclusionDays: 7,
      quietHours: { start: '20:00', end: '08:00' },
      ratePerMinute: 60,
      firstDueAt: NOW,
      lastDueAt: NOW,
    })
    // Longest on the shelf first: C (30 days), then the A+B phone (20 days).
    expect(p.sample.map((r) => [r.phone, r.language, r.trackingNumbers])).toEqual([
      [PHONE_C, 'sw', [tn.C]],
      [PHONE_AB, 'en', [tn.A, tn.B].sort()],
    ])
    expect(p.sample[1]?.customerName).toBe('Customer B')
    // C: arrived 30 days ago + 120 = today + 90 = 28 Feb 2027; A+B: min(today+100, today+170) = 10 Mar 2027.
    expect(p.languages).toEqual([
      {
        language: 'sw',
        recipients: 1,
        sampleText: expectedText('sw', [tn.C!], '2027-02-28'),
        encoding: 'GSM-7',
        segmentsPerMessage: 1,
      },
      {
        language: 'en',
        recipients: 1,
        sampleText: expectedText('en', [tn.A!, tn.B!].sort(), '2027-03-10'),
        encoding: 'GSM-7',
        segmentsPerMessage: 1,
      },
    ])
    expect(p.languages[0]?.sampleText).toContain('Huduma GPO ukumbusho: hati yako')
    expect(p.languages[0]?.sampleText).toContain('28 Feb 2027')
    // Looking at names and phones is audited; nothing else is written.
    const after = rowCounts(f.db)
    // The row names the documents whose customers were listed (C, then A and B), each findable by tracking number.
    expect(after).toEqual({
      ...before,
      audit_log: before.audit_log! + 1,
      audit_tracking: before.audit_tracking! + 3,
    })
    const audit = await ok(f.t.core, MANAGER_KEY, 'audit.list', { limit: 1 })
    expect(audit[0]).toMatchObject({
      action: 'campaign.previewed',
      detail: { recipients: 2, documents: 3, trackingNumbers: [tn.C, ...[tn.A!, tn.B!].sort()] },
    })
  })

  it('service filter and price setting change the selection and the cost', async () => {
    await ok(f.t.core, ADMIN_KEY, 'settings.update', { smsPriceKes: 1.25 })
    const p = await ok(f.t.core, MANAGER_KEY, 'campaign.preview', {
      ...CRITERIA,
      serviceCodes: ['BIRTH_CERT'],
    })
    expect(p).toMatchObject({ documents: 2, recipients: 2, segments: 2, costKes: 2.5, excludedRecent: 0 })
    expect(p.sample.map((r) => r.trackingNumbers)).toEqual([[tn.C], [tn.A]])
    // "Last reminder older than 1 day" lets F through the per-document rule, but F's phone (3 days ago) and G's
    // (2 days ago) are inside the 7-day window: both are counted as excluded.
    const loose = await ok(f.t.core, MANAGER_KEY, 'campaign.preview', {
      ...CRITERIA,
      lastReminderOlderThanDays: 1,
    })
    expect(loose).toMatchObject({ documents: 3, excludedRecent: 2 })
    await ok(f.t.core, ADMIN_KEY, 'settings.update', { reminderExclusionDays: 2 })
    const shortWindow = await ok(f.t.core, MANAGER_KEY, 'campaign.preview', {
      ...CRITERIA,
      lastReminderOlderThanDays: 1,
    })
    // Window 2 days: F (3 days ago) and G (its phone 2 days ago, not after) both come back.
    expect(shortWindow).toMatchObject({ documents: 5, recipients: 4, excludedRecent: 0 })
  })

  it('quiet hours and send rate: at 21:00 nothing goes before 08:00, then 1 a minute', async () => {
    await ok(f.t.core, ADMIN_KEY, 'settings.update', { reminderRatePerMinute: 1 })
    f.t.clock.set(NOW + 11 * 60 * MINUTE) // 21:00 Nairobi
    await f.wake()
    const p = await ok(f.t.core, MANAGER_KEY, 'campaign.preview', CRITERIA)
    const eightTomorrow = Date.UTC(2026, 11, 1, 5, 0, 0) // Tue 1 Dec 08:00 Nairobi
    expect(p.firstDueAt).toBe(eightTomorrow)
    expect(p.lastDueAt).toBe(eightTomorrow + MINUTE)
    expect(p.sample.map((r) => r.dueAt)).toEqual([eightTomorrow, eightTomorrow + MINUTE])

    const before = rowCounts(f.db)
    const c = await ok(f.t.core, MANAGER_KEY, 'campaign.send', CRITERIA)
    expect(c).toMatchObject({
      dryRun: false,
      recipients: 2,
      sent: 0,
      scheduled: 2,
      firstDueAt: eightTomorrow,
    })
    const after = rowCounts(f.db)
    expect(after.events).toBe(before.events) // nothing sent in quiet hours
    expect(after.campaign_messages).toBe(before.campaign_messages! + 2)
    expect(after.notifications).toBe(before.notifications! + 3)

    f.t.core.tick()
    expect(reminderEvents()).toHaveLength(0)
    f.t.clock.set(eightTomorrow)
    f.t.core.tick()
    expect(reminderEvents().map((e) => JSON.parse(e.payload).phone)).toEqual([PHONE_C])
    f.t.clock.set(eightTomorrow + MINUTE)
    f.t.core.tick()
    expect(reminderEvents().map((e) => JSON.parse(e.payload).phone)).toEqual([PHONE_C, PHONE_AB])
    await f.wake()
    const [list] = await ok(f.t.core, MANAGER_KEY, 'campaign.list', {})
    expect(list).toMatchObject({ id: c.id, sent: 2, scheduled: 0, skipped: 0 })
  })

  it('a PC switched off overnight sends its overdue reminders after the quiet hours, at the send rate', async () => {
    await ok(f.t.core, ADMIN_KEY, 'settings.update', { reminderRatePerMinute: 1 })
    f.t.clock.set(NOW + 9 * 60 * MINUTE) // 19:00 Nairobi: 1 a minute, so the second is due at 19:01
    await f.wake()
    const c = await ok(f.t.core, MANAGER_KEY, 'campaign.send', CRITERIA)
    expect(c).toMatchObject({ recipients: 2, sent: 1, scheduled: 1 })
    // Off at 19:00:30, on again at 07:30: the 19:01 message is overdue, but it is the middle of the quiet hours.
    f.t.clock.set(Date.UTC(2026, 11, 1, 4, 30, 0))
    f.t.core.tick()
    expect(reminderEvents()).toHaveLength(1)
    f.t.clock.set(Date.UTC(2026, 11, 1, 5, 0, 0)) // 08:00
    f.t.core.tick()
    expect(reminderEvents()).toHaveLength(2)
  })

  it('a backlog of due reminders leaves at the send rate, not all in one tick', async () => {
    await ok(f.t.core, ADMIN_KEY, 'settings.update', { reminderRatePerMinute: 1 })
    f.t.clock.set(NOW + 11 * 60 * MINUTE) // 21:00: both wait for 08:00 and 08:01
    await f.wake()
    expect(await ok(f.t.core, MANAGER_KEY, 'campaign.send', CRITERIA)).toMatchObject({
      sent: 0,
      scheduled: 2,
    })
    // The PC comes on at 09:00: both are overdue, but only one goes in this minute.
    const nine = Date.UTC(2026, 11, 1, 6, 0, 0)
    f.t.clock.set(nine)
    f.t.core.tick()
    f.t.core.tick()
    expect(reminderEvents()).toHaveLength(1)
    f.t.clock.set(nine + MINUTE)
    f.t.core.tick()
    expect(reminderEvents()).toHaveLength(2)
  })

  it('dry run writes only the campaign record (and its audit row)', async () => {
    const before = rowCounts(f.db)
    const c = await ok(f.t.core, MANAGER_KEY, 'campaign.dryRun', CRITERIA)
    expect(c).toMatchObject({
      dryRun: true,
      documents: 3,
      recipients: 2,
      segments: 2,
      costKes: 1.6,
      excludedRecent: 1,
      excludedNoConsent: 1,
      sent: 0,
      scheduled: 0,
    })
    expect(rowCounts(f.db)).toEqual({
      ...before,
      campaigns: before.campaigns! + 1,
      audit_log: before.audit_log! + 1,
    })
    // A dry run reminds no one: the same people are still selectable.
    const p = await ok(f.t.core, MANAGER_KEY, 'campaign.preview', CRITERIA)
    expect(p.recipients).toBe(2)
  })

  it('send: one event per phone with the notifications, all in one transaction; no second reminder in the window', async () => {
    const manager = f.manager.staffNumber
    const before = rowCounts(f.db)
    const c = await ok(f.t.core, MANAGER_KEY, 'campaign.send', CRITERIA)
    expect(c).toMatchObject({
      dryRun: false,
      recipients: 2,
      documents: 3,
      sent: 2,
      scheduled: 0,
      createdBy: manager,
    })
    const after = rowCounts(f.db)
    expect(after).toEqual({
      ...before,
      campaigns: before.campaigns! + 1,
      campaign_messages: before.campaign_messages! + 2,
      notifications: before.notifications! + 3,
      events: before.events! + 2,
      outbox: before.outbox! + 2,
      audit_log: before.audit_log! + 1,
    })
    const events = reminderEvents()
    expect(events.map((e) => [e.staff_number, e.tracking_number, JSON.parse(e.payload)])).toEqual([
      [
        manager,
        tn.C,
        {
          phone: PHONE_C,
          language: 'sw',
          trackingNumbers: [tn.C],
          text: expectedText('sw', [tn.C!], '2027-02-28'),
          segments: 1,
          campaignId: c.id,
        },
      ],
      [
        manager,
        [tn.A!, tn.B!].sort()[0],
        {
          phone: PHONE_AB,
          language: 'en',
          trackingNumbers: [tn.A!, tn.B!].sort(),
          text: expectedText('en', [tn.A!, tn.B!].sort(), '2027-03-10'),
          segments: 1,
          campaignId: c.id,
        },
      ],
    ])
    const rows = f.db
      .prepare<[], { tracking_number: string; status: string; sent_at: number }>(
        "SELECT tracking_number, status, sent_at FROM notifications WHERE kind = 'reminder' ORDER BY tracking_number",
      )
      .all()
    expect(rows).toEqual(
      [tn.A!, tn.B!, tn.C!].sort().map((n) => ({ tracking_number: n, status: 'sent', sent_at: NOW })),
    )
    const reminded = f.db
      .prepare<[number], { n: number }>('SELECT count(*) AS n FROM applications WHERE last_reminder_at = ?')
      .get(NOW)
    expect(reminded?.n).toBe(3)

    // The same criteria again, even ignoring the per-document rule: every phone is inside the window now.
    f.t.clock.advance(3 * DAY)
    await f.wake()
    const again = await ok(f.t.core, MANAGER_KEY, 'campaign.preview', {
      ...CRITERIA,
      lastReminderOlderThanDays: 0,
    })
    // A, B, C (reminded 3 days ago), F (6 days ago) and G (its phone, 5 days ago).
    expect(again).toMatchObject({ recipients: 0, excludedRecent: 5 })
    const refused = await call(f.t.core, MANAGER_KEY, 'campaign.send', {
      ...CRITERIA,
      lastReminderOlderThanDays: 0,
    })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error).toMatchObject({ code: 'CONFLICT' })
    // After the 7-day window they can be reminded again.
    f.t.clock.advance(5 * DAY)
    await f.wake()
    const later = await ok(f.t.core, MANAGER_KEY, 'campaign.preview', {
      ...CRITERIA,
      lastReminderOlderThanDays: 0,
    })
    // C, A+B, F, G+G2 (9 days by now) and D (11 days).
    expect(later).toMatchObject({ recipients: 5, documents: 7, excludedRecent: 0 })
  })

  it('the window is enforced at send time too: a reminder from another desk meanwhile skips the scheduled one', async () => {
    await ok(f.t.core, ADMIN_KEY, 'settings.update', { reminderRatePerMinute: 1 })
    const c = await ok(f.t.core, MANAGER_KEY, 'campaign.send', CRITERIA)
    expect(c).toMatchObject({ sent: 1, scheduled: 1 })
    // A second campaign cannot pick the phone whose reminder is still waiting.
    const p = await ok(f.t.core, MANAGER_KEY, 'campaign.preview', {
      ...CRITERIA,
      lastReminderOlderThanDays: 0,
    })
    expect(p.recipients).toBe(0)
    // Another workstation reminded the A+B customer (replicated), before our scheduled message went.
    f.db
      .prepare('UPDATE applications SET last_reminder_at = ? WHERE tracking_number = ?')
      .run(NOW + 10_000, tn.B)
    f.t.clock.advance(MINUTE)
    f.t.core.tick()
    expect(reminderEvents()).toHaveLength(1)
    const [row] = await ok(f.t.core, MANAGER_KEY, 'campaign.list', {})
    expect(row).toMatchObject({ sent: 1, scheduled: 0, skipped: 1 })
    const skipped = f.db
      .prepare<[], { skip_reason: string }>(
        "SELECT skip_reason FROM campaign_messages WHERE status = 'skipped'",
      )
      .get()
    expect(skipped?.skip_reason).toBe('phone reminded within 7 days')
  })

  it('a document collected before its scheduled reminder is left out of the message', async () => {
    await ok(f.t.core, ADMIN_KEY, 'settings.update', { reminderRatePerMinute: 1 })
    await ok(f.t.core, MANAGER_KEY, 'campaign.send', CRITERIA)
    await ok(f.t.core, DESK_KEY, 'collection.handOver', {
      trackingNumbers: [tn.B],
      collector: { kind: 'owner' },
    })
    f.t.clock.advance(MINUTE)
    f.t.core.tick()
    const last = reminderEvents().at(-1)
    expect(JSON.parse(last?.payload ?? '{}')).toMatchObject({ phone: PHONE_AB, trackingNumbers: [tn.A] })
    const b = f.db
      .prepare<[string], { status: string; skip_reason: string }>(
        "SELECT status, skip_reason FROM notifications WHERE kind = 'reminder' AND tracking_number = ?",
      )
      .get(tn.B!)
    expect(b).toEqual({ status: 'skipped', skip_reason: 'no longer on the shelf (collected)' })
  })

  it('the central simulator takes the reminder events like ready ones (one SMS each, validated payload)', async () => {
    const sim = await startCentralSim({ enrolmentCodes: { '042': ['DEMO-042'] } })
    try {
      await ok(f.t.core, ADMIN_KEY, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'DEMO-042' })
      await ok(f.t.core, MANAGER_KEY, 'campaign.send', CRITERIA)
      const status = await ok(f.t.core, MANAGER_KEY, 'sync.now', {})
      expect(status).toMatchObject({ queueDepth: 0, deadLetters: 0 })
      const ids = f.db
        .prepare<[], { id: string }>(
          "SELECT id FROM events WHERE type = 'notification.reminder' ORDER BY seq",
        )
        .all()
        .map((r) => r.id)
      expect(ids).toHaveLength(2)
      for (const id of ids) expect(sim.eventIds()).toContain(id)
    } finally {
      await sim.close()
    }
  })

  it('bad input and the wrong role write nothing', async () => {
    const before = rowCounts(f.db)
    const bad = [
      { ...CRITERIA, minDaysOnShelf: -1 },
      { ...CRITERIA, minDaysOnShelf: 2.5 },
      { ...CRITERIA, serviceCodes: ['not a code'] },
      { ...CRITERIA, lastReminderOlderThanDays: 'ten' },
      { ...CRITERIA, extra: true },
    ]
    for (const input of bad) {
      const r = await call(f.t.core, MANAGER_KEY, 'campaign.send', input)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT')
        expect(r.error.message).not.toMatch(/^Invalid input/)
      }
    }
    const nobody = await call(f.t.core, MANAGER_KEY, 'campaign.send', { ...CRITERIA, minDaysOnShelf: 365 })
    expect(nobody.ok).toBe(false)
    if (!nobody.ok)
      expect(nobody.error.message).toBe('No one to remind with these choices: nothing was sent.')
    const clerk = await call(f.t.core, CLERK_KEY, 'campaign.send', CRITERIA)
    expect(clerk.ok).toBe(false)
    if (!clerk.ok) expect(clerk.error.code).toBe('FORBIDDEN')
    expect(rowCounts(f.db)).toEqual(before)
  })

  it('selection reads the shelf through its indexes, pages in index order (EXPLAIN QUERY PLAN)', () => {
    const sql = f.t.core.store.campaigns.sql
    const PAGE = { arrivedBefore: NOW, remindedBefore: NOW, fromArrived: 0, limit: 100 }
    const plans: [string, string, Record<string, unknown> | unknown[], RegExp][] = [
      ['candidatesAll', sql.candidatesAll, PAGE, /applications_arrived_at/],
      [
        'candidatesForService',
        sql.candidatesForService,
        { ...PAGE, service: 'BIRTH_CERT' },
        /applications_shelf_service_age/,
      ],
      ['recentlyReminded', sql.recentlyReminded, [NOW], /applications_last_reminder/],
      ['scheduledPhones', sql.scheduledPhones, [], /campaign_messages_due/],
      ['phoneRemindedSince', sql.phoneRemindedSince, ['+254711000001', NOW], /applications_phone/],
      ['dueMessages', sql.dueMessages, [NOW], /campaign_messages_due/],
    ]
    for (const [name, text, params, index] of plans) {
      const plan = f.db
        .prepare(`EXPLAIN QUERY PLAN ${text}`)
        .all(...(Array.isArray(params) ? params : [params]))
        .map((r) => (r as { detail: string }).detail)
      const joined = plan.join(' | ')
      expect(joined, name).toMatch(index)
      for (const d of plan.filter((x) => /\b(applications|campaign_messages)\b/.test(x)))
        expect(d, `${name}: ${joined}`).toMatch(/USING (COVERING )?INDEX|PRIMARY KEY/)
      // A page that had to be sorted would read the whole remaining shelf before returning its first row.
      if (name.startsWith('candidates')) expect(joined, name).not.toMatch(/TEMP B-TREE/)
    }
  })
})
