/**
 * The audit log viewer's filters (staff, action, Nairobi date range, tracking number) and the rule that looking at
 * a customer's personal data is itself audited: the application drawer, the hand-over look-up, the return list and
 * manifest, and the campaign preview each write a row. Real core, real SQLite, manual clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rowCounts } from '../helpers/db-counts'
import {
  ADMIN_KEY,
  call,
  CLERK_KEY,
  DAY,
  DESK_KEY,
  MANAGER_KEY,
  NOW,
  ok,
  shelfFixture,
} from '../helpers/shelf-fixture'
import { ADMIN } from '../helpers/core'

type Fixture = Awaited<ReturnType<typeof shelfFixture>>

describe('audit log viewer', () => {
  let f: Fixture
  let a: string
  let b: string

  beforeEach(async () => {
    f = await shelfFixture()
    a = await f.place({
      serviceCode: 'BIRTH_CERT',
      customerName: 'Wanjiku Kamau',
      phone: '0711000201',
      idNumber: '23000001',
      language: 'en',
      smsConsent: true,
      daysOnShelf: 130,
    })
    b = await f.place({
      serviceCode: 'BIRTH_CERT',
      customerName: 'Achieng Odhiambo',
      phone: '0711000202',
      idNumber: '23000002',
      language: 'sw',
      smsConsent: true,
      daysOnShelf: 10,
    })
  })

  afterEach(() => f.t.close())

  const actions = async (input: Record<string, unknown>) =>
    (await ok(f.t.core, MANAGER_KEY, 'audit.list', { limit: 500, ...input })).map((e) => e.action)

  it('viewing personal data writes an audit row: drawer, hand-over look-up, return list and manifest, campaign preview', async () => {
    const viewed = async (key: string, method: string, input: Record<string, unknown>, action: string) => {
      const before = rowCounts(f.db).audit_log!
      const r = await f.t.core.dispatch(key, method as 'application.get', input as never)
      expect(r.ok, `${method}: ${r.ok ? '' : r.error.message}`).toBe(true)
      expect(rowCounts(f.db).audit_log, method).toBe(before + 1)
      const [last] = await ok(f.t.core, ADMIN_KEY, 'audit.list', { limit: 1 })
      expect(last?.action, method).toBe(action)
      return last
    }
    const drawer = await viewed(CLERK_KEY, 'application.get', { trackingNumber: a }, 'application.viewed')
    expect(drawer).toMatchObject({ staffNumber: f.clerk.staffNumber, detail: { trackingNumber: a } })
    const lookup = await viewed(DESK_KEY, 'collection.lookup', { code: a }, 'collection.lookedUp')
    expect(lookup).toMatchObject({ staffNumber: f.desk.staffNumber, detail: { trackingNumbers: [a] } })
    await viewed(MANAGER_KEY, 'returns.due', {}, 'returns.listViewed')
    const m = await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', {
      agency: 'Civil Registration Services (CRS)',
      trackingNumbers: [a],
    })
    await viewed(MANAGER_KEY, 'returns.manifest', { manifestId: m.id }, 'returns.manifestViewed')
    await viewed(
      MANAGER_KEY,
      'campaign.preview',
      { minDaysOnShelf: 7, serviceCodes: [], lastReminderOlderThanDays: 14 },
      'campaign.previewed',
    )
  })

  it('filters by tracking number (rows naming it, alone or in a list), staff, action and Nairobi dates', async () => {
    await ok(f.t.core, CLERK_KEY, 'application.get', { trackingNumber: a })
    await ok(f.t.core, DESK_KEY, 'collection.lookup', { code: b })
    await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', {
      agency: 'Civil Registration Services (CRS)',
      trackingNumbers: [a],
    })
    expect(await actions({ trackingNumber: a })).toEqual(['returns.manifestCreated', 'application.viewed'])
    expect(await actions({ trackingNumber: b })).toEqual(['collection.lookedUp'])
    // Spaces as printed on the receipt are fine.
    const spaced = `${a.slice(0, 4)} ${a.slice(4, 8)} ${a.slice(8)}`
    expect(await actions({ trackingNumber: spaced })).toEqual([
      'returns.manifestCreated',
      'application.viewed',
    ])

    expect(await actions({ staffNumber: f.clerk.staffNumber, trackingNumber: a })).toEqual([
      'application.viewed',
    ])
    expect(await actions({ action: 'collection.lookedUp' })).toEqual(['collection.lookedUp'])

    // Everything so far happened on Mon 30 Nov (Nairobi). Tomorrow, one more sign-in.
    f.t.clock.set(NOW + DAY)
    await call(f.t.core, 'later-window', 'auth.signIn', { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin })
    await f.wake()
    const today = await actions({ from: '2026-11-30', to: '2026-11-30' })
    expect(today.length).toBeGreaterThan(5)
    const tomorrow = await ok(f.t.core, MANAGER_KEY, 'audit.list', { from: '2026-12-01', limit: 500 })
    expect(tomorrow.every((e) => e.at >= NOW + DAY - 10 * 3_600_000)).toBe(true)
    expect(tomorrow.map((e) => e.action)).toContain('auth.signIn')
    // The clerk, desk and manager signed in on the 30th; the admin's sign-in was the 1st.
    expect(await actions({ from: '2026-11-30', to: '2026-11-30', action: 'auth.signIn' })).toHaveLength(3)
    expect(await actions({ to: '2026-11-29' })).toEqual([])
    // Midnight in Nairobi is 21:00 UTC: an entry at 23:30 UTC on the 30th is on 1 December.
    f.t.clock.set(Date.UTC(2026, 10, 30, 20, 59, 0))
    f.t.core.store.audit.write({ at: f.t.clock.now(), staffNumber: null, action: 'test.before-midnight' })
    f.t.core.store.audit.write({
      at: f.t.clock.now() + 2 * 60_000,
      staffNumber: null,
      action: 'test.after-midnight',
    })
    expect(
      await actions({ from: '2026-12-01', to: '2026-12-01', action: 'test.after-midnight' }),
    ).toHaveLength(1)
    expect(await actions({ from: '2026-12-01', action: 'test.before-midnight' })).toHaveLength(0)
  })

  it('bad filters are refused with a sentence and write nothing', async () => {
    const before = rowCounts(f.db)
    for (const input of [
      { from: '2026-13-01' },
      { from: '2026-12-02', to: '2026-12-01' },
      { trackingNumber: '042012003661' },
      { limit: 0 },
    ]) {
      const r = await call(f.t.core, MANAGER_KEY, 'audit.list', input)
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT')
        expect(r.error.message).not.toMatch(/^Invalid input/)
      }
    }
    expect(rowCounts(f.db)).toEqual(before)
  })

  it('each filter combination uses an index (EXPLAIN QUERY PLAN)', () => {
    const audit = f.t.core.store.audit
    const combos = [
      { limit: 10 },
      { limit: 10, staffNumber: 'ADM001' },
      { limit: 10, action: 'auth.signIn' },
      { limit: 10, fromAt: NOW, toAt: NOW + DAY },
      { limit: 10, trackingNumber: a },
      { limit: 10, trackingNumber: a, staffNumber: 'ADM001', fromAt: NOW },
      { limit: 10, action: 'auth.signIn', fromAt: NOW, toAt: NOW + DAY },
    ]
    for (const c of combos) {
      const params: Record<string, unknown> = { ...c }
      const plan = f.db
        .prepare(`EXPLAIN QUERY PLAN ${audit.listSql(c)}`)
        .all(params)
        .map((r) => (r as { detail: string }).detail)
      const joined = plan.join(' | ')
      // With no filter, newest first is a walk down the rowid that stops at the limit ('SCAN a').
      const unfiltered = Object.keys(c).length === 1
      for (const d of plan.filter((x) => /^(SCAN|SEARCH)/.test(x))) {
        if (unfiltered && d === 'SCAN a') continue
        expect(d, `${JSON.stringify(c)}: ${joined}`).toMatch(
          /USING (COVERING )?INDEX|INTEGER PRIMARY KEY|PRIMARY KEY/,
        )
      }
    }
  })
})
