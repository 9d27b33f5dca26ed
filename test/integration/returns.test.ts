/**
 * Returns to the agency through dispatch on a real SQLite file (Mon 30 Nov 2026, 10:00 Nairobi). Hand-checked shelf:
 *
 *   R1 BIRTH_CERT   (CRS, 120 days)  121 days on the shelf → collect by 29 Nov: 1 day overdue
 *   R2 BIRTH_CERT   (CRS, 120 days)  120 days              → collect by today: not yet
 *   R3 GOOD_CONDUCT (DCI, 90 days)   200 days              → collect by 12 Aug: 110 days overdue
 *   R4 ID_NEW       (NRB, 180 days)  181 days, marked missing → cannot go back: not listed
 *   R5 BIRTH_CERT   (CRS, 120 days)  150 days, collected   → not listed
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rowCounts } from '../helpers/db-counts'
import { startCentralSim } from '../peers/central-sim'
import {
  ADMIN_KEY,
  DAY,
  call,
  DESK_KEY,
  MANAGER_KEY,
  NOW,
  ok,
  shelfFixture,
  CLERK_KEY,
} from '../helpers/shelf-fixture'

type Fixture = Awaited<ReturnType<typeof shelfFixture>>
const CRS = 'Civil Registration Services (CRS)'
const DCI = 'Directorate of Criminal Investigations (DCI)'

describe('returns to the agency', () => {
  let f: Fixture
  const tn: Record<string, string> = {}

  beforeEach(async () => {
    f = await shelfFixture()
    let n = 0
    const doc = async (key: string, serviceCode: string, daysOnShelf: number) => {
      tn[key] = await f.place({
        serviceCode,
        customerName: `Customer ${'ABCDE'[n]}`,
        phone: `071100010${n}`,
        ...(serviceCode === 'ID_NEW' ? {} : { idNumber: String(22_000_000 + n) }),
        language: 'en',
        smsConsent: true,
        daysOnShelf,
      })
      n++
    }
    await doc('R1', 'BIRTH_CERT', 121)
    await doc('R2', 'BIRTH_CERT', 120)
    await doc('R3', 'GOOD_CONDUCT', 200)
    await doc('R4', 'ID_NEW', 181)
    await doc('R5', 'BIRTH_CERT', 150)
    await f.markMissing(tn.R4!)
    await ok(f.t.core, DESK_KEY, 'collection.handOver', {
      trackingNumbers: [tn.R5],
      collector: { kind: 'owner', idNumber: '22000004' },
    })
  })

  afterEach(() => f.t.close())

  it('lists what is past retention, by agency, oldest first, with exact overdue days (and audits the look)', async () => {
    const before = rowCounts(f.db)
    const due = await ok(f.t.core, MANAGER_KEY, 'returns.due', {})
    expect(due.total).toBe(2)
    expect(due.byAgency).toEqual([
      { agency: CRS, count: 1 },
      { agency: DCI, count: 1 },
    ])
    expect(due.items.map((i) => [i.trackingNumber, i.agency, i.collectBy, i.daysOverdue])).toEqual([
      [tn.R3, DCI, '2026-08-12', 110],
      [tn.R1, CRS, '2026-11-29', 1],
    ])
    expect(due.items[1]).toMatchObject({ serviceCode: 'BIRTH_CERT', customerName: 'Customer A' })
    expect(due.items[1]?.shelfSlot).toMatch(/^\d\dW\d\d-BC$/)
    const onlyDci = await ok(f.t.core, MANAGER_KEY, 'returns.due', { agency: DCI })
    expect(onlyDci.items.map((i) => i.trackingNumber)).toEqual([tn.R3])
    expect(rowCounts(f.db)).toEqual({
      ...before,
      audit_log: before.audit_log! + 2,
      audit_tracking: before.audit_tracking! + 3,
    })
    const [audit] = await ok(f.t.core, MANAGER_KEY, 'audit.list', { limit: 1 })
    expect(audit).toMatchObject({
      action: 'returns.listViewed',
      detail: { agency: DCI, shown: 1, trackingNumbers: [tn.R3] },
    })
  })

  it('the headline total is the count of what the agency filter lists, not the whole shelf', async () => {
    for (const [i, days] of [130, 140].entries()) {
      await f.place({
        serviceCode: 'BIRTH_CERT',
        customerName: `Extra ${'FG'[i]}`,
        phone: `071100020${i}`,
        idNumber: String(22_100_000 + i),
        language: 'en',
        smsConsent: true,
        daysOnShelf: days,
      })
    }
    const all = await ok(f.t.core, MANAGER_KEY, 'returns.due', {})
    expect(all).toMatchObject({ total: 4, agency: null })
    expect(all.items).toHaveLength(4)
    const dci = await ok(f.t.core, MANAGER_KEY, 'returns.due', { agency: DCI })
    expect(dci).toMatchObject({ total: 1, agency: DCI })
    expect(dci.items.map((i) => i.trackingNumber)).toEqual([tn.R3])
    const crs = await ok(f.t.core, MANAGER_KEY, 'returns.due', { agency: CRS })
    expect(crs).toMatchObject({ total: 3, agency: CRS })
    expect(crs.items).toHaveLength(3)
    // The agency picker still offers every agency with its own count.
    expect(crs.byAgency).toEqual([
      { agency: CRS, count: 3 },
      { agency: DCI, count: 1 },
    ])
    // A page smaller than the agency's list: the total is still the agency's, not the page's.
    const page = await ok(f.t.core, MANAGER_KEY, 'returns.due', { agency: CRS, limit: 2 })
    expect(page.total).toBe(3)
    expect(page.items).toHaveLength(2)
  })

  it('a reminded document waits out the week its reminder promised before it can go back', async () => {
    await ok(f.t.core, ADMIN_KEY, 'settings.update', {
      reminderQuietStart: '00:00',
      reminderQuietEnd: '00:00',
    })
    const sent = await ok(f.t.core, MANAGER_KEY, 'campaign.send', {
      minDaysOnShelf: 100,
      serviceCodes: ['BIRTH_CERT'],
      lastReminderOlderThanDays: 30,
    })
    // R1 (past retention) and R2 (not yet): both reminded.
    expect(sent).toMatchObject({ recipients: 2, sent: 2 })
    const due = await ok(f.t.core, MANAGER_KEY, 'returns.due', {})
    expect(due.items.map((i) => i.trackingNumber)).toEqual([tn.R3])
    expect(due.byAgency).toEqual([{ agency: DCI, count: 1 }])
    const refused = await f.t.core.dispatch(MANAGER_KEY, 'returns.createManifest', {
      agency: CRS,
      trackingNumbers: [tn.R1],
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!refused.ok) expect(refused.error.message).toContain('promised 7 more days')

    // Eight days later the promise has run out (and R2 is past its retention period by then too).
    f.t.clock.advance(8 * DAY)
    await f.wake()
    const later = await ok(f.t.core, MANAGER_KEY, 'returns.due', { agency: CRS })
    expect(later.items.map((i) => i.trackingNumber)).toEqual([tn.R1, tn.R2])
  })

  it('manifest → confirm: status returned, slot cleared, one event per document, audited, in one transaction', async () => {
    const slot = (await ok(f.t.core, MANAGER_KEY, 'returns.due', { agency: CRS })).items[0]?.shelfSlot
    const m = await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', {
      agency: CRS,
      trackingNumbers: [tn.R1],
    })
    expect(m).toMatchObject({
      agency: CRS,
      status: 'open',
      documents: 1,
      createdBy: f.manager.staffNumber,
      centreName: 'Huduma Centre GPO',
      centreNumber: '042',
      confirmedAt: null,
    })
    expect(m.items).toEqual([
      expect.objectContaining({ trackingNumber: tn.R1, shelfSlot: slot, outcome: null, daysOverdue: 1 }),
    ])
    // On an open manifest: no longer in the return list, and not on a second manifest.
    expect((await ok(f.t.core, MANAGER_KEY, 'returns.due', {})).total).toBe(1)
    const twice = await call(f.t.core, MANAGER_KEY, 'returns.createManifest', {
      agency: CRS,
      trackingNumbers: [tn.R1],
    })
    expect(twice.ok).toBe(false)

    const before = rowCounts(f.db)
    const confirmed = await ok(f.t.core, MANAGER_KEY, 'returns.confirm', { manifestId: m.id })
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      confirmedAt: NOW,
      confirmedBy: f.manager.staffNumber,
    })
    expect(confirmed.items[0]).toMatchObject({ outcome: 'returned', skipReason: null })
    expect(rowCounts(f.db)).toEqual({
      ...before,
      events: before.events! + 1,
      outbox: before.outbox! + 1,
      audit_log: before.audit_log! + 1,
      audit_tracking: before.audit_tracking! + 1,
    })
    const app = f.db
      .prepare<
        [string],
        { status: string; shelf_slot: string | null; returned_at: number; return_manifest_id: number }
      >(
        'SELECT status, shelf_slot, returned_at, return_manifest_id FROM applications WHERE tracking_number = ?',
      )
      .get(tn.R1!)
    expect(app).toEqual({ status: 'returned', shelf_slot: null, returned_at: NOW, return_manifest_id: m.id })
    const ev = f.db
      .prepare<[string], { type: string; staff_number: string; payload: string }>(
        "SELECT type, staff_number, payload FROM events WHERE type = 'application.returned' AND tracking_number = ?",
      )
      .all(tn.R1!)
    expect(ev.map((e) => [e.type, e.staff_number, JSON.parse(e.payload)])).toEqual([
      ['application.returned', f.manager.staffNumber, { manifestId: m.id, agency: CRS, slot }],
    ])
    const [audit] = await ok(f.t.core, MANAGER_KEY, 'audit.list', { limit: 1, trackingNumber: tn.R1 })
    expect(audit).toMatchObject({
      action: 'returns.confirmed',
      detail: { manifestId: m.id, trackingNumbers: [tn.R1] },
    })

    const again = await call(f.t.core, MANAGER_KEY, 'returns.confirm', { manifestId: m.id })
    expect(again.ok).toBe(false)
    if (!again.ok)
      expect(again.error).toMatchObject({
        code: 'CONFLICT',
        message: `Manifest ${m.id} is already confirmed.`,
      })
    // A returned document is no longer handed over.
    const lookup = await ok(f.t.core, DESK_KEY, 'collection.lookup', { code: tn.R1 })
    expect(lookup.ready).toEqual([])
  })

  it('a document collected after the manifest was printed is skipped at confirmation, with the reason', async () => {
    const m = await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', {
      agency: DCI,
      trackingNumbers: [tn.R3],
    })
    await ok(f.t.core, DESK_KEY, 'collection.handOver', {
      trackingNumbers: [tn.R3],
      collector: { kind: 'owner', idNumber: '22000002' },
    })
    const before = rowCounts(f.db)
    const c = await ok(f.t.core, MANAGER_KEY, 'returns.confirm', { manifestId: m.id })
    expect(c.items[0]).toMatchObject({ outcome: 'skipped', skipReason: 'no longer on the shelf (collected)' })
    expect(rowCounts(f.db).events).toBe(before.events)
  })

  it('cancel keeps the documents on the shelf and back in the list', async () => {
    const m = await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', {
      agency: CRS,
      trackingNumbers: [tn.R1],
    })
    const c = await ok(f.t.core, MANAGER_KEY, 'returns.cancelManifest', { manifestId: m.id })
    expect(c.status).toBe('cancelled')
    expect((await ok(f.t.core, MANAGER_KEY, 'returns.due', {})).total).toBe(2)
    const list = await ok(f.t.core, MANAGER_KEY, 'returns.listManifests', {})
    expect(list.map((x) => [x.id, x.status, x.documents])).toEqual([[m.id, 'cancelled', 1]])
  })

  it('the central simulator accepts the application.returned event', async () => {
    const sim = await startCentralSim({ enrolmentCodes: { '042': ['DEMO-042'] } })
    try {
      await ok(f.t.core, ADMIN_KEY, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'DEMO-042' })
      const m = await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', {
        agency: CRS,
        trackingNumbers: [tn.R1],
      })
      await ok(f.t.core, MANAGER_KEY, 'returns.confirm', { manifestId: m.id })
      expect(await ok(f.t.core, MANAGER_KEY, 'sync.now', {})).toMatchObject({ queueDepth: 0, deadLetters: 0 })
      const returned = f.db
        .prepare<[string], { id: string }>(
          "SELECT id FROM events WHERE type = 'application.returned' AND tracking_number = ?",
        )
        .get(tn.R1!)
      expect(sim.eventIds()).toContain(returned?.id)
    } finally {
      await sim.close()
    }
  })

  it('refuses what may not go back, writing nothing', async () => {
    const before = rowCounts(f.db)
    const cases: [Record<string, unknown>, string, string][] = [
      [{ agency: CRS, trackingNumbers: [tn.R2] }, 'CONFLICT', 'can still be collected until 2026-11-30'],
      [{ agency: CRS, trackingNumbers: [tn.R3] }, 'CONFLICT', `belongs to ${DCI}`],
      [
        { agency: 'National Registration Bureau (NRB)', trackingNumbers: [tn.R4] },
        'CONFLICT',
        'marked missing',
      ],
      [{ agency: CRS, trackingNumbers: [tn.R5] }, 'CONFLICT', 'not on the shelf (collected)'],
      [{ agency: CRS, trackingNumbers: [tn.R1, tn.R2] }, 'CONFLICT', 'can still be collected'],
      [{ agency: CRS, trackingNumbers: [] }, 'INVALID_INPUT', 'Choose at least one document to return'],
      [{ agency: CRS, trackingNumbers: ['042012003661'] }, 'INVALID_INPUT', 'a digit may be wrong'],
    ]
    for (const [input, code, message] of cases) {
      const r = await call(f.t.core, MANAGER_KEY, 'returns.createManifest', input)
      expect(r.ok, message).toBe(false)
      if (!r.ok) {
        expect(r.error.code, message).toBe(code)
        expect(r.error.message.toLowerCase()).toContain(message.toLowerCase())
      }
    }
    const missing = await call(f.t.core, MANAGER_KEY, 'returns.confirm', { manifestId: 99 })
    expect(missing.ok).toBe(false)
    const clerk = await call(f.t.core, CLERK_KEY, 'returns.due', {})
    expect(clerk.ok).toBe(false)
    if (!clerk.ok) expect(clerk.error.code).toBe('FORBIDDEN')
    expect(rowCounts(f.db)).toEqual(before)
  })

  it('the return queries use their indexes (EXPLAIN QUERY PLAN)', () => {
    const sql = f.t.core.store.returns.sql
    const cases: [string, string, unknown[]][] = [
      ['due', sql.due, [{ todayMidnight: NOW, latest: NOW, agency: null, limit: 10 }]],
      ['dueByAgency', sql.dueByAgency, [{ todayMidnight: NOW }]],
      ['onOpenManifests', sql.onOpenManifests, [{ todayMidnight: NOW }]],
      ['dueForAgency', sql.dueForAgency, [{ todayMidnight: NOW, agency: CRS, limit: 10 }]],
      ['items', sql.items, [1]],
      ['one', sql.one, ['042012003660']],
    ]
    for (const [name, text, params] of cases) {
      const plan = f.db
        .prepare(`EXPLAIN QUERY PLAN ${text}`)
        .all(...params)
        .map((r) => (r as { detail: string }).detail)
      const joined = plan.join(' | ')
      // Every read of applications (a), manifest items (i) and manifests (m) goes through an index; only the
      // service catalogue (a dozen rows) may be scanned.
      for (const d of plan.filter((x) => /^(SCAN|SEARCH) [aim]\b/.test(x)))
        expect(d, `${name}: ${joined}`).toMatch(/USING (COVERING )?INDEX|PRIMARY KEY/)
      if (name === 'due')
        expect(joined, name).toMatch(/applications_arrived_at \(status=\? AND arrived_at<\?\)/)
      // Counted per service within its overdue range, from the index alone.
      if (name === 'dueByAgency')
        expect(joined, name).toMatch(
          /COVERING INDEX applications_shelf_service_age \(status=\? AND service_code=\? AND arrived_at<\?\)/,
        )
    }
  })
})
