/**
 * The agency turnaround through dispatch on a real SQLite file (Mon 30 Nov 2026, 10:00 Nairobi): documents
 * registered, arrived late and early in a batch closed against a manifest, collected, returned and cancelled; the
 * lateness rollups then equal a rebuild from `applications`, the batch counts are the manifest's; the manager signs
 * the report off (a wrong PIN refused, nothing recorded), and the exported files hold no customer name or phone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from 'better-sqlite3-multiple-ciphers'
import { rebuildManagerRollups } from '../../main/services/manager/rebuild-rollups'
import { rowCounts } from '../helpers/db-counts'
import { call, CLERK_KEY, DAY, DESK_KEY, MANAGER_KEY, ok, shelfFixture } from '../helpers/shelf-fixture'

type Fixture = Awaited<ReturnType<typeof shelfFixture>>
const CRS = 'Civil Registration Services (CRS)'
const NRB = 'National Registration Bureau (NRB)'

/** Rows of every table the agency turnaround keeps (rollups, batch summaries, sign-offs). */
const agencyTables = (db: Database) =>
  Object.fromEntries(
    [
      'agency_late_day',
      'agency_late_week',
      'agency_late_month',
      'closed_batch_summaries',
      'agency_signoffs',
    ].map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()]),
  )
const rollups = (db: Database) =>
  ['agency_late_day', 'agency_late_week', 'agency_late_month'].map((t) =>
    db.prepare(`SELECT * FROM ${t} WHERE n <> 0 ORDER BY 1, 2, 3`).all(),
  )

describe('the agency turnaround through the API', () => {
  let f: Fixture
  const tn: Record<string, string> = {}
  let n = 0

  /** Registers a document `daysAgo` days before now (clock set back, as the shelf fixture does). */
  async function register(key: string, serviceCode: string, daysAgo: number): Promise<string> {
    const back = f.t.clock.now()
    f.t.clock.set(back - daysAgo * DAY)
    await f.wake()
    const r = await ok(f.t.core, CLERK_KEY, 'application.register', {
      serviceCode,
      customerName: `Zawadi Customer${'ABCDEFGHIJ'[n]}`,
      phone: `07220001${String(n).padStart(2, '0')}`,
      ...(serviceCode === 'ID_NEW' ? {} : { idNumber: String(31_000_000 + n) }),
      language: 'en',
      smsConsent: true,
      confirmDuplicate: true,
    })
    n++
    f.t.clock.set(back)
    await f.wake()
    tn[key] = r.application.trackingNumber
    return r.application.trackingNumber
  }

  beforeEach(async () => {
    f = await shelfFixture()
    n = 0
    // BIRTH_CERT promises 10 working days: registered 30 days ago it is late, 3 days ago early.
    await register('late', 'BIRTH_CERT', 30)
    await register('early', 'BIRTH_CERT', 3)
    await register('unannounced', 'DEATH_CERT', 40)
    await register('out', 'BIRTH_CERT', 60) // never arrives: still out, overdue
    await register('cancel', 'BIRTH_CERT', 50)
    await register('collect', 'ID_NEW', 45)
    const batch = await ok(f.t.core, DESK_KEY, 'arrivals.openBatch', {
      agency: CRS,
      manifestRef: 'CRS-118',
      expected: [tn.late!, tn.early!, '042019999999', 'REF-NOT-HERE'],
    })
    f.t.clock.set(f.t.clock.now() - 2 * DAY)
    await f.wake()
    for (const k of ['late', 'early', 'unannounced', 'collect'])
      await ok(f.t.core, DESK_KEY, 'arrivals.scan', { batchId: batch.id, code: tn[k]! })
    await ok(f.t.core, DESK_KEY, 'arrivals.closeBatch', { batchId: batch.id })
    f.t.clock.set(f.t.clock.now() + 2 * DAY)
    await f.wake()
    await ok(f.t.core, DESK_KEY, 'collection.handOver', {
      trackingNumbers: [tn.collect!],
      collector: { kind: 'owner' },
    })
    // A return needs a document past its retention (BIRTH_CERT keeps 120 days).
    tn.returned = await f.place({
      serviceCode: 'BIRTH_CERT',
      customerName: 'Zawadi Returned',
      phone: '0722000199',
      idNumber: '31000099',
      language: 'en',
      smsConsent: true,
      daysOnShelf: 130,
    })
    const m = await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', {
      agency: CRS,
      trackingNumbers: [tn.returned],
    })
    await ok(f.t.core, MANAGER_KEY, 'returns.confirm', { manifestId: m.id })
    // The central service's cancellation, as replication leaves the row (this app only applies it).
    f.db.prepare(`UPDATE applications SET status = 'cancelled' WHERE tracking_number = ?`).run(tn.cancel)
  })
  afterEach(() => f.t.close())

  it('after a mixed flow the lateness rollups equal a rebuild, and count each arrival once', async () => {
    const statuses = f.db
      .prepare('SELECT status, count(*) AS n FROM applications GROUP BY status ORDER BY status')
      .all()
    expect(statuses).toEqual([
      { status: 'arrived', n: 3 },
      { status: 'cancelled', n: 1 },
      { status: 'collected', n: 1 },
      { status: 'registered', n: 1 },
      { status: 'returned', n: 1 },
    ])
    const kept = rollups(f.db)
    rebuildManagerRollups(f.t.core.store)
    expect(rollups(f.db)).toEqual(kept)
    // Five arrivals (late, early, unannounced, collect, returned), each once in each rollup.
    for (const r of kept) expect((r as { n: number }[]).reduce((s, x) => s + x.n, 0)).toBe(5)

    const r = await ok(f.t.core, MANAGER_KEY, 'agency.turnaround', { from: '2026-07-01', to: '2026-11-30' })
    const crs = r.agencies.find((a) => a.agency === CRS)!
    // late (30 days ago, 10 working days) is late; early, unannounced (DEATH_CERT, 40 days ago: late) and the
    // returned one (registered 10 minutes before it arrived) — so CRS: 4 arrived, 2 on time, 2 late.
    expect(crs).toMatchObject({ arrived: 4, onTime: 2, late: 2, stillOut: 1, stillOutOverdue: 1 })
    expect(r.agencies.find((a) => a.agency === NRB)).toMatchObject({ arrived: 1, stillOut: 0 })
  })

  it('the closed batch counts what its manifest missed and what came unannounced', async () => {
    const b = await ok(f.t.core, MANAGER_KEY, 'agency.batches', { from: '2026-11-01', to: '2026-11-30' })
    // On the manifest: late, early and two codes that never came; unannounced: DEATH_CERT and the ID.
    expect(b.agencies).toEqual([
      { agency: CRS, batches: 1, expected: 4, received: 2, missing: 2, unannounced: 2 },
    ])
    const none = await ok(f.t.core, MANAGER_KEY, 'agency.batches', { from: '2026-10-01', to: '2026-10-31' })
    expect(none.agencies).toEqual([])
    // The shelf fixture's batch had no manifest: it is not counted (and is still open).
    const event = f.db
      .prepare(`SELECT payload FROM events WHERE type = 'batch.closed'`)
      .all()
      .map((e) => JSON.parse((e as { payload: string }).payload) as { manifest?: unknown })
    expect(event.map((e) => e.manifest)).toEqual([{ expected: 4, received: 2, missing: 2, unannounced: 2 }])
  })

  it('signOff: a wrong PIN is refused and records nothing; the right one records an event and the report shows it', async () => {
    const period = { agency: CRS, from: '2026-07-01', to: '2026-11-30' }
    const before = { ...rowCounts(f.db), ...agencyTables(f.db) }
    const wrong = await call(f.t.core, MANAGER_KEY, 'agency.signOff', { ...period, pin: '000000' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
    const after = { ...rowCounts(f.db), ...agencyTables(f.db) }
    // Only the failed attempt is audited (as any wrong PIN is).
    expect(after).toEqual({ ...before, audit_log: (before.audit_log as number) + 1 })
    expect(f.db.prepare(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`).get()).toEqual({
      action: 'agency.signOff.failed',
    })
    expect((await ok(f.t.core, MANAGER_KEY, 'agency.report', period)).signedOff).toBeNull()

    const signed = await ok(f.t.core, MANAGER_KEY, 'agency.signOff', { ...period, pin: f.manager.pin })
    expect(signed.signedOff).toEqual({
      staffNumber: f.manager.staffNumber,
      name: expect.any(String),
      at: f.t.clock.now(),
    })
    expect(await ok(f.t.core, MANAGER_KEY, 'agency.report', period)).toEqual(signed)
    // Another period of the same agency is not signed off.
    expect(
      (await ok(f.t.core, MANAGER_KEY, 'agency.report', { ...period, from: '2026-08-01' })).signedOff,
    ).toBeNull()
    const ev = f.db
      .prepare(
        `SELECT e.type, e.tracking_number, e.payload, o.event_seq IS NOT NULL AS queued
         FROM events e LEFT JOIN outbox o ON o.event_seq = e.seq WHERE e.type = 'report.agencySignedOff'`,
      )
      .all() as { type: string; tracking_number: string | null; payload: string; queued: number }[]
    expect(ev).toHaveLength(1)
    expect(ev[0]).toMatchObject({ tracking_number: null, queued: 1 })
    const payload = JSON.parse(ev[0]!.payload) as Record<string, unknown>
    expect(payload).toMatchObject({
      agency: CRS,
      from: period.from,
      to: period.to,
      figures: { arrived: 4, onTime: 2, late: 2, stillOut: 1, stillOutOverdue: 1 },
      batches: { batches: 1, expected: 4, received: 2, missing: 2, unannounced: 2 },
    })
    expect(ev[0]!.payload).not.toMatch(/Zawadi|0722|\+2547/)
    expect(f.db.prepare(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`).get()).toEqual({
      action: 'agency.signedOff',
    })
    const again = await call(f.t.core, MANAGER_KEY, 'agency.signOff', { ...period, pin: f.manager.pin })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('the exported page and CSV hold the report and no customer name or phone', async () => {
    const period = { agency: CRS, from: '2026-07-01', to: '2026-11-30' }
    const r = await ok(f.t.core, MANAGER_KEY, 'agency.exportReport', period)
    expect(r.files.map((x) => [x.name, x.mime])).toEqual([
      [
        'turnaround-042-civil-registration-services-crs-2026-07-01-to-2026-11-30.html',
        'text/html;charset=utf-8',
      ],
      [
        'turnaround-042-civil-registration-services-crs-2026-07-01-to-2026-11-30.csv',
        'text/csv;charset=utf-8',
      ],
    ])
    expect(r.report.overdue.map((o) => o.trackingNumber)).toEqual([tn.out])
    const people = f.db.prepare('SELECT customer_name, phone FROM applications').all() as {
      customer_name: string
      phone: string
    }[]
    for (const file of r.files) {
      expect(file.content).toContain('Civil Registration Services (CRS)')
      expect(file.content).toContain('Birth certificate')
      // The overdue document is listed by its tracking number (4-4-4), never by who it belongs to.
      expect(file.content).toContain(tn.out!.replace(/(\d{4})(\d{4})(\d{4})/, '$1 $2 $3'))
      expect(file.content).not.toMatch(/Zawadi/)
      for (const p of people) {
        expect(file.content).not.toContain(p.customer_name)
        expect(file.content).not.toContain(p.phone)
        expect(file.content).not.toContain(p.phone.replace('+254', '0'))
      }
    }
  })

  it('a manager working in Kiswahili saves the page and the CSV in Kiswahili', async () => {
    const period = { agency: CRS, from: '2026-07-01', to: '2026-11-30' }
    await ok(f.t.core, MANAGER_KEY, 'auth.setLanguage', { language: 'sw' })
    try {
      const r = await ok(f.t.core, MANAGER_KEY, 'agency.exportReport', period)
      const [html, csv] = r.files
      expect(html!.content).toContain('<html lang="sw">')
      expect(html!.content).toContain(
        '<h1>Ripoti ya muda wa kushughulikia: Civil Registration Services (CRS)</h1>',
      )
      expect(csv!.content.split('\r\n')[0]).toMatch(/^Sehemu,Jina,Zilifika,Kwa wakati,/)
      // The services by the catalogue's Kiswahili names, on the page and in the CSV; the method's own report keeps
      // the English name every summary carries, with the code the window names it by.
      for (const file of [html!, csv!]) {
        expect(file.content).toContain('Cheti cha Kuzaliwa')
        expect(file.content).not.toContain('Birth certificate')
      }
      expect(r.report.overdue.map((o) => [o.serviceCode, o.serviceName])).toEqual([
        ['BIRTH_CERT', 'Birth certificate'],
      ])
    } finally {
      await ok(f.t.core, MANAGER_KEY, 'auth.setLanguage', { language: 'en' })
    }
  })

  it('bad input is refused with nothing written', async () => {
    const before = { ...rowCounts(f.db), ...agencyTables(f.db) }
    const refusals = [
      await call(f.t.core, MANAGER_KEY, 'agency.report', {
        agency: CRS,
        from: '2026-11-30',
        to: '2026-11-01',
      }),
      await call(f.t.core, MANAGER_KEY, 'agency.exportReport', {
        agency: 'X',
        from: '2026-11-01',
        to: '2026-11-30',
      }),
      await call(f.t.core, MANAGER_KEY, 'agency.trend', {
        from: '2026-11-01',
        to: '2026-11-30',
        granularity: 'day' as 'week',
      }),
      await call(f.t.core, MANAGER_KEY, 'agency.signOff', {
        agency: CRS,
        from: '2026-02-30',
        to: '2026-11-30',
        pin: f.manager.pin,
      }),
      await call(f.t.core, MANAGER_KEY, 'agency.signOff', {
        agency: 'Nobody at all',
        from: '2026-11-01',
        to: '2026-11-30',
        pin: f.manager.pin,
      }),
      await call(f.t.core, CLERK_KEY, 'agency.turnaround', { from: '2026-11-01', to: '2026-11-30' }),
    ]
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'INVALID_INPUT',
      'NOT_FOUND',
      'FORBIDDEN',
    ])
    const after = { ...rowCounts(f.db), ...agencyTables(f.db) }
    // The sign-off of an unknown agency checked the PIN first (a success leaves no row) and then refused.
    expect(after).toEqual(before)
  })
})
