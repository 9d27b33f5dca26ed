/**
 * The manager's shelf backlog and the overdue-at-agency queue on small hand-made data with hand-counted answers.
 * Documents go through their lives with the same INSERT/UPDATEs the services make (test/helpers/manager-fixtures),
 * so the SMS-outcome triggers of migration 0080 run as in the app; one test drives the real counter → arrival → SMS
 * → hand-over path through the API. Time: the manual clock, Mon 2 Nov 2026 10:00 Nairobi.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import type { ApiResult } from '../../common/errors'
import { setUpCentre, signedIn, testCore } from '../helpers/core'
import { rebuildManagerRollups } from '../../main/services/manager/rebuild-rollups'
import { rowCounts } from '../helpers/db-counts'
import { daysAgo, putDocument, smsOutcome, smsSent, tn } from '../helpers/manager-fixtures'

const ADMIN_KEY = 'admin-window'
const MANAGER_KEY = 'manager-window'
const HOUR = 3_600_000

let t: ReturnType<typeof testCore>
let manager: { staffNumber: string; pin: string }

async function call<K extends MethodName>(
  method: K,
  input: MethodInput<K> | Record<string, unknown>,
  key = MANAGER_KEY,
): Promise<MethodOutput<K>> {
  const r = (await t.core.dispatch(key, method, input)) as ApiResult<MethodOutput<K>>
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
  return r.value
}

const lastAudit = () =>
  t.core.store.db
    .prepare<[], { action: string; staff_number: string; detail: string }>(
      'SELECT action, staff_number, detail FROM audit_log ORDER BY id DESC LIMIT 1',
    )
    .get()!

beforeEach(async () => {
  t = testCore()
  await setUpCentre(t.core, ADMIN_KEY)
  manager = await signedIn(t.core, ADMIN_KEY, MANAGER_KEY, 'manager')
})
afterEach(() => t.close())

describe('shelf backlog', () => {
  /** Thirteen documents on the shelf, one collected, one still at the agency. */
  function shelf(): void {
    const db = t.core.store.db
    const now = t.clock.now()
    const put = (n: number, service: string, age: number, slot: string) =>
      putDocument(db, {
        n,
        service,
        registeredAt: daysAgo(now, age + 20),
        arrivedAt: daysAgo(now, age, 9),
        slot,
      })
    const sent = (n: number, age: number) => smsSent(db, tn(n), daysAgo(now, age, 10))
    const out = (n: number, o: 'delivered' | 'failed' | 'invalid-number', age: number, hour = 11) =>
      smsOutcome(db, tn(n), o, daysAgo(now, age, hour))
    put(1, 'ID_NEW', 0, 'W45-ID')
    sent(1, 0)
    out(1, 'delivered', 0)
    put(2, 'ID_NEW', 3, 'W45-ID')
    sent(2, 3)
    put(3, 'PASSPORT', 7, 'W45-PP')
    sent(3, 7)
    out(3, 'failed', 7)
    put(4, 'PASSPORT', 8, 'W44-PP')
    sent(4, 8)
    out(4, 'invalid-number', 8)
    put(5, 'BIRTH_CERT', 14, 'W43-BC')
    put(6, 'BIRTH_CERT', 15, 'W43-BC')
    sent(6, 15)
    out(6, 'failed', 15, 11)
    out(6, 'delivered', 15, 12)
    put(7, 'ID_NEW', 30, 'W40-ID')
    sent(7, 30)
    out(7, 'delivered', 30, 11)
    out(7, 'failed', 20, 11)
    put(8, 'ID_NEW', 31, 'W40-ID')
    put(9, 'PASSPORT', 60, 'W36-PP')
    sent(9, 60)
    out(9, 'delivered', 60)
    put(10, 'PASSPORT', 61, 'W35-PP')
    sent(10, 61)
    out(10, 'delivered', 61)
    put(11, 'ID_NEW', 90, 'W32-ID')
    sent(11, 90)
    out(11, 'invalid-number', 90)
    put(12, 'ID_NEW', 91, 'W32-ID')
    sent(12, 91)
    out(12, 'failed', 91)
    put(13, 'BIRTH_CERT', 400, 'W20-BC')
    putDocument(db, {
      n: 20,
      registeredAt: daysAgo(now, 40),
      arrivedAt: daysAgo(now, 20),
      collectedAt: daysAgo(now, 2),
      slot: 'W43-ID',
    })
    smsSent(db, tn(20), daysAgo(now, 20))
    smsOutcome(db, tn(20), 'failed', daysAgo(now, 20, 12))
    putDocument(db, { n: 21, registeredAt: daysAgo(now, 3), expectedReady: '2026-11-20' })
  }
  const docs = (...ns: number[]) => ns.map(tn)

  it('counts the shelf by age, service, slot and SMS outcome', async () => {
    shelf()
    const s = await call('backlog.summary', {})
    expect(s.today).toBe('2026-11-02')
    expect(s.total).toBe(13)
    expect(s.byAge.map((b) => [b.label, b.count])).toEqual([
      ['0–7 days', 3],
      ['8–14 days', 2],
      ['15–30 days', 2],
      ['31–60 days', 2],
      ['61–90 days', 2],
      ['Over 90 days', 2],
    ])
    const now = t.clock.now()
    expect(s.byService).toEqual([
      {
        serviceCode: 'ID_NEW',
        serviceName: expect.any(String),
        count: 6,
        oldestArrivedAt: daysAgo(now, 91, 9),
      },
      {
        serviceCode: 'PASSPORT',
        serviceName: expect.any(String),
        count: 4,
        oldestArrivedAt: daysAgo(now, 61, 9),
      },
      {
        serviceCode: 'BIRTH_CERT',
        serviceName: expect.any(String),
        count: 3,
        oldestArrivedAt: daysAgo(now, 400, 9),
      },
    ])
    expect(s.bySlot.map((x) => [x.slot, x.count])).toEqual([
      ['W20-BC', 1],
      ['W32-ID', 2],
      ['W35-PP', 1],
      ['W36-PP', 1],
      ['W40-ID', 2],
      ['W43-BC', 2],
      ['W44-PP', 1],
      ['W45-PP', 1],
      ['W45-ID', 2],
    ])
    // The latest report wins: no. 6 failed then was delivered; no. 7 was delivered, then a later SMS failed.
    expect(Object.fromEntries(s.bySms.map((x) => [x.outcome, x.count]))).toEqual({
      delivered: 4,
      pending: 1,
      failed: 3,
      'invalid-number': 2,
      'never-sent': 3,
    })
    // What the triggers kept equals a recount from notifications and delivery outcomes.
    rebuildManagerRollups(t.core.store)
    expect((await call('backlog.summary', {})).bySms).toEqual(s.bySms)
  })

  it('opens the list behind each figure, filtered and sorted', async () => {
    shelf()
    const list = async (input: MethodInput<'backlog.list'>) =>
      (await call('backlog.list', input)).rows.map((r) => r.trackingNumber)
    expect(await list({ age: 'd8_14' })).toEqual(docs(5, 4))
    expect(await list({ age: 'd0_7', sort: 'newest' })).toEqual(docs(1, 2, 3))
    expect(await list({ age: 'd90plus' })).toEqual(docs(13, 12))
    expect(await list({ serviceCode: 'PASSPORT', sort: 'newest' })).toEqual(docs(3, 4, 9, 10))
    expect(await list({ slot: 'W32-ID' })).toEqual(docs(12, 11))
    expect(await list({ sms: 'never-sent' })).toEqual(docs(13, 8, 5))
    expect(await list({ sms: 'pending' })).toEqual(docs(2))
    expect(await list({ age: 'd31_60', serviceCode: 'ID_NEW' })).toEqual(docs(8))
    expect(await list({ sort: 'slot' })).toEqual(docs(13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 2, 1, 3))

    const page = await call('backlog.list', { serviceCode: 'ID_NEW', limit: 2 })
    expect(page.total).toBe(6)
    const first = page.rows[0]!
    expect(first).toMatchObject({ trackingNumber: tn(12), slot: 'W32-ID', ageDays: 91, sms: 'failed' })
    expect(first.customerName).toBe('Customer 12')
  })

  it('pages through a list with cursors, each row once, in order', async () => {
    shelf()
    for (const sort of ['oldest', 'newest', 'slot'] as const) {
      const seen: string[] = []
      let cursor: string | undefined
      let pages = 0
      do {
        const p = await call('backlog.list', { sort, limit: 4, ...(cursor ? { cursor } : {}) })
        expect(p.total).toBe(13)
        seen.push(...p.rows.map((r) => r.trackingNumber))
        cursor = p.nextCursor ?? undefined
        pages++
      } while (cursor)
      expect(pages, sort).toBe(4)
      const all = (await call('backlog.list', { sort, limit: 100 })).rows.map((r) => r.trackingNumber)
      expect(seen, sort).toEqual(all)
      expect(new Set(seen).size).toBe(13)
    }
    const bad = await t.core.dispatch(MANAGER_KEY, 'backlog.list', { cursor: 'bm90LWEtY3Vyc29y' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.message).toContain('page cursor')
  })

  it('audits every list view with the tracking numbers shown', async () => {
    shelf()
    const p = await call('backlog.list', { slot: 'W32-ID' })
    const a = lastAudit()
    expect(a.action).toBe('backlog.listViewed')
    expect(a.staff_number).toBe(manager.staffNumber)
    expect(JSON.parse(a.detail)).toMatchObject({
      list: 'shelf',
      filter: { slot: 'W32-ID', sort: 'oldest' },
      rows: 2,
      trackingNumbers: p.rows.map((r) => r.trackingNumber),
    })
    // The audit viewer finds it by tracking number.
    const byTn = t.core.store.db
      .prepare('SELECT count(*) AS n FROM audit_tracking WHERE tracking_number = ?')
      .get(tn(12)) as { n: number }
    expect(byTn.n).toBe(1)
  })

  it('keeps the list to managers and administrators', async () => {
    shelf()
    await signedIn(t.core, ADMIN_KEY, 'desk-window', 'desk')
    const r = await t.core.dispatch('desk-window', 'backlog.list', {})
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN')
    expect((await call('backlog.summary', {}, ADMIN_KEY)).total).toBe(13)
  })

  it('lists failed deliveries to call, and records each call with its event and audit entry', async () => {
    shelf()
    const list = await call('backlog.callList', {})
    expect(list.total).toBe(5)
    expect(list.rows.map((r) => [r.trackingNumber, r.sms])).toEqual([
      [tn(12), 'failed'],
      [tn(11), 'invalid-number'],
      [tn(7), 'failed'],
      [tn(4), 'invalid-number'],
      [tn(3), 'failed'],
    ])
    expect(list.rows.every((r) => r.calls === 0 && r.lastCall === null)).toBe(true)
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ list: 'calls', rows: 5 })

    const before = rowCounts(t.core.store.db)
    const entry = await call('backlog.logCall', {
      trackingNumber: tn(12),
      outcome: 'no-answer',
      note: 'Rang at 10:00',
    })
    expect(entry).toMatchObject({
      trackingNumber: tn(12),
      outcome: 'no-answer',
      note: 'Rang at 10:00',
      staffNumber: manager.staffNumber,
    })
    const after = rowCounts(t.core.store.db)
    expect(after.call_log).toBe(before.call_log! + 1)
    expect(after.events).toBe(before.events! + 1)
    expect(after.outbox).toBe(before.outbox! + 1)
    const ev = t.core.store.db
      .prepare<[], { type: string; tracking_number: string; payload: string; staff_number: string }>(
        'SELECT type, tracking_number, payload, staff_number FROM events ORDER BY seq DESC LIMIT 1',
      )
      .get()!
    expect(ev).toMatchObject({
      type: 'application.callLogged',
      tracking_number: tn(12),
      staff_number: manager.staffNumber,
    })
    expect(JSON.parse(ev.payload)).toEqual({ outcome: 'no-answer', note: 'Rang at 10:00' })
    expect(lastAudit().action).toBe('application.callLogged')

    await call('backlog.logCall', { trackingNumber: tn(12), outcome: 'reached' })
    const again = await call('backlog.callList', {})
    expect(again.rows[0]).toMatchObject({
      trackingNumber: tn(12),
      calls: 2,
      lastCall: { outcome: 'reached', note: null },
    })
    const notCalled = await call('backlog.callList', { notCalled: true })
    expect(notCalled.total).toBe(4)
    expect(notCalled.rows.map((r) => r.trackingNumber)).toEqual(docs(11, 7, 4, 3))
  })

  it('refuses a call on a document that is no longer on the shelf, writing nothing', async () => {
    shelf()
    const before = rowCounts(t.core.store.db)
    const r = await t.core.dispatch(MANAGER_KEY, 'backlog.logCall', {
      trackingNumber: tn(20),
      outcome: 'reached',
    })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT')
      expect(r.error.message).toContain('no longer on the shelf')
    }
    expect(rowCounts(t.core.store.db)).toEqual(before)
  })

  it('follows a real document from the counter to the shelf, the SMS and the hand-over', async () => {
    const CLERK = 'clerk-window'
    const DESK = 'desk-window'
    await signedIn(t.core, ADMIN_KEY, CLERK, 'clerk')
    const desk = await signedIn(t.core, ADMIN_KEY, DESK, 'desk')
    const reg = await call(
      'application.register',
      {
        serviceCode: 'PASSPORT',
        customerName: 'Wanjiku Kamau',
        phone: '0712345678',
        idNumber: '23456789',
        language: 'en',
        smsConsent: true,
      },
      CLERK,
    )
    const number = reg.application.trackingNumber
    t.clock.advance(HOUR / 60)
    const batch = await call(
      'arrivals.openBatch',
      { agency: 'Department of Immigration Services', expected: [] },
      DESK,
    )
    await call('arrivals.scan', { batchId: batch.id, code: number }, DESK)
    let s = await call('backlog.summary', {})
    expect(s.total).toBe(1)
    expect(s.bySms.find((x) => x.outcome === 'never-sent')?.count).toBe(1)
    // Half an hour's grace, then the sender's tick; the idle windows lock meanwhile, so both sign back in.
    t.clock.advance(31 * 60_000)
    t.core.tick()
    await call('auth.unlock', { pin: manager.pin })
    await call('auth.unlock', { pin: desk.pin }, DESK)
    s = await call('backlog.summary', {})
    expect(s.bySms.find((x) => x.outcome === 'pending')?.count).toBe(1)
    expect(s.bySlot[0]?.slot).toMatch(/^\d\dW\d\d-PP$/)
    await call(
      'collection.handOver',
      { trackingNumbers: [number], collector: { kind: 'owner', idNumber: '23456789' } },
      DESK,
    )
    s = await call('backlog.summary', {})
    expect(s.total).toBe(0)
  })
})

describe('overdue at the agency', () => {
  function queue(): void {
    const db = t.core.store.db
    const now = t.clock.now()
    const at = (n: number, service: string, expectedReady: string) =>
      putDocument(db, { n, service, registeredAt: daysAgo(now, 30), expectedReady })
    at(1, 'ID_NEW', '2026-10-01') // 32 days overdue
    at(2, 'ID_REPLACEMENT', '2026-10-20') // same agency (NRB)
    at(3, 'PASSPORT', '2026-11-01') // yesterday: 1 day overdue
    at(4, 'PASSPORT', '2026-11-02') // due today: not overdue yet
    at(5, 'BIRTH_CERT', '2026-11-10')
    at(6, 'ID_NEW', '2026-10-25')
    putDocument(db, {
      n: 7,
      service: 'ID_NEW',
      registeredAt: daysAgo(now, 30),
      expectedReady: '2026-10-01',
      arrivedAt: daysAgo(now, 1),
    })
  }

  it('counts what is past its expected-ready date by agency and service', async () => {
    queue()
    const s = await call('overdue.summary', {})
    expect(s.total).toBe(4)
    expect(s.byAgency).toEqual([
      { agency: 'National Registration Bureau (NRB)', count: 3, oldestExpectedReady: '2026-10-01' },
      { agency: 'Department of Immigration Services', count: 1, oldestExpectedReady: '2026-11-01' },
    ])
    expect(s.byService.map((x) => [x.serviceCode, x.count, x.oldestExpectedReady])).toEqual([
      ['ID_NEW', 2, '2026-10-01'],
      ['ID_REPLACEMENT', 1, '2026-10-20'],
      ['PASSPORT', 1, '2026-11-01'],
    ])
  })

  it('lists them most overdue first, by agency or service, audited', async () => {
    queue()
    const all = await call('overdue.list', {})
    expect(all.rows.map((r) => [r.trackingNumber, r.daysOverdue])).toEqual([
      [tn(1), 32],
      [tn(2), 13],
      [tn(6), 8],
      [tn(3), 1],
    ])
    const nrb = await call('overdue.list', { agency: 'National Registration Bureau (NRB)' })
    expect(nrb.rows.map((r) => r.trackingNumber)).toEqual(docs(1, 2, 6))
    expect(nrb.total).toBe(3)
    const pp = await call('overdue.list', { serviceCode: 'PASSPORT' })
    expect(pp.rows.map((r) => r.trackingNumber)).toEqual(docs(3))
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ list: 'overdue', trackingNumbers: [tn(3)] })

    const p1 = await call('overdue.list', { limit: 3 })
    expect(p1.nextCursor).not.toBeNull()
    const p2 = await call('overdue.list', { limit: 3, cursor: p1.nextCursor! })
    expect([...p1.rows, ...p2.rows].map((r) => r.trackingNumber)).toEqual(docs(1, 2, 6, 3))
    expect(p2.nextCursor).toBeNull()
  })
  const docs = (...ns: number[]) => ns.map(tn)
})
