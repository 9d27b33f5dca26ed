/**
 * The agency turnaround on a seeded centre (the demo seeder: 4,000 documents over a year, fixed seed and `now`),
 * each figure checked against an independent count: the rows of `applications` selected with plain SQL, days late
 * computed here from the arrival instant and the stored expected-ready date (which the seeder made from working
 * days and the holidays in force), median and 90th percentile by nearest rank over a sorted list. Several periods
 * (a day, part months, whole months, a year), trends by week and by month, the first-half/second-half changes, the
 * report's overdue list. Today is Friday 27 Nov 2026, 10:00 in Nairobi.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LatenessStats, MethodInput, MethodName, MethodOutput, StillOut } from '../../common/contract'
import type { ApiResult } from '../../common/errors'
import { DAY_MS, nairobiDate, nairobiDay, nairobiMidnight, toDayNumber } from '../../common/nairobi-time'
import { createCore, type Core } from '../../main/core/create-core'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { addWorkingDays, NO_HOLIDAYS } from '../../main/services/calendar/working-days'
import { DEFAULT_CATALOGUE } from '../../main/services/catalogue/default-catalogue'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { tempDir } from '../helpers/temp-dir'

const NOW = Date.UTC(2026, 10, 27, 7, 0, 0)
const TODAY = nairobiDate(NOW)
const dir = tempDir()
let core: Core
const KEY = 'manager'

async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const r = (await core.dispatch(KEY, method, input)) as ApiResult<MethodOutput<K>>
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
  return r.value
}

beforeAll(async () => {
  await seedDemo({ dataDir: dir.dir, documents: 4000, seed: 15, now: NOW, years: 1 })
  core = createCore({
    dataDir: dir.dir,
    logger: silentLogger,
    version: 'test',
    clock: manualClock(NOW),
    tickMs: 0,
  })
  const m = DEMO_STAFF.manager
  const r = await core.dispatch(KEY, 'auth.signIn', { staffNumber: m.staffNumber, pin: m.pin })
  if (!r.ok) throw new Error(r.error.message)
}, 120_000)
afterAll(() => {
  core?.close()
  dir.cleanup()
})

const agencyOf = new Map(DEFAULT_CATALOGUE.map((s) => [s.code, s.agency]))

interface Arrival {
  service: string
  agency: string
  day: number
  late: number
}

/** Every arrival between two dates, with its days late counted here (not by the rollups' SQL). */
function arrivals(from: string, to: string): Arrival[] {
  return core.store.db
    .prepare<[number, number], { service_code: string; arrived_at: number; expected_ready: string }>(
      `SELECT service_code, arrived_at, expected_ready FROM applications
       WHERE arrived_at >= ? AND arrived_at < ?`,
    )
    .all(nairobiMidnight(toDayNumber(from)), nairobiMidnight(toDayNumber(to) + 1))
    .map((r) => ({
      service: r.service_code,
      agency: agencyOf.get(r.service_code) ?? '?',
      day: nairobiDay(r.arrived_at),
      late: (Date.parse(nairobiDate(r.arrived_at)) - Date.parse(r.expected_ready)) / DAY_MS,
    }))
}

/** The figures of a list of arrivals, by nearest rank over the late ones sorted. */
function expected(list: Arrival[]): LatenessStats {
  const late = list
    .filter((a) => a.late > 0)
    .map((a) => a.late)
    .sort((a, b) => a - b)
  const rank = (p: number) =>
    late.length ? late[Math.max(1, Math.ceil((p / 100) * late.length)) - 1]! : null
  const onTime = list.length - late.length
  return {
    arrived: list.length,
    onTime,
    onTimeRate: list.length ? onTime / list.length : null,
    late: late.length,
    medianDaysLate: rank(50),
    p90DaysLate: rank(90),
    worstDaysLate: late.length ? late[late.length - 1]! : null,
  }
}

function stillOut(codes?: string[]): StillOut {
  const rows = core.store.db
    .prepare<[], { service_code: string; expected_ready: string }>(
      `SELECT service_code, expected_ready FROM applications WHERE status = 'registered'`,
    )
    .all()
    .filter((r) => !codes || codes.includes(r.service_code))
  return { stillOut: rows.length, stillOutOverdue: rows.filter((r) => r.expected_ready < TODAY).length }
}

const codesOf = (agency: string) => DEFAULT_CATALOGUE.filter((s) => s.agency === agency).map((s) => s.code)

const PERIODS: [string, string][] = [
  ['2026-11-03', '2026-11-03'], // one day
  ['2026-10-14', '2026-11-19'], // part months on both sides, a whole week inside
  ['2026-09-01', '2026-10-31'], // two whole months
  ['2026-03-29', '2026-08-13'], // whole months, whole weeks and days at both ends
  ['2025-11-27', '2026-11-27'], // the whole year, up to today
]

describe('the seeded centre has what the figures must handle', () => {
  it('late, on-time and early arrivals, documents out past expected-ready, and holidays in expected-ready', () => {
    const all = arrivals('2025-11-01', TODAY)
    expect(all.filter((a) => a.late > 0).length).toBeGreaterThan(100)
    expect(all.filter((a) => a.late === 0).length).toBeGreaterThan(10)
    expect(all.filter((a) => a.late < 0).length).toBeGreaterThan(100)
    expect(stillOut().stillOutOverdue).toBeGreaterThan(10)
    expect(stillOut().stillOut).toBeGreaterThan(stillOut().stillOutOverdue)
    // Some receipts promised a later day than weekends alone would give: a public holiday fell in between.
    const regs = core.store.db
      .prepare<[], { service_code: string; registered_at: number; expected_ready: string }>(
        'SELECT service_code, registered_at, expected_ready FROM applications',
      )
      .all()
    const turnaround = new Map(DEFAULT_CATALOGUE.map((s) => [s.code, s.turnaroundDays]))
    const shifted = regs.filter(
      (r) =>
        addWorkingDays(nairobiDate(r.registered_at), turnaround.get(r.service_code)!, NO_HOLIDAYS) <
        r.expected_ready,
    )
    expect(shifted.length).toBeGreaterThan(100)
  })

  it('the bulk-loaded lateness rollups hold exactly what the triggers take away row by row', () => {
    const db = core.store.db
    const nonZero = () =>
      ['agency_late_day', 'agency_late_week', 'agency_late_month'].map(
        (t) => (db.prepare(`SELECT count(*) AS n FROM ${t} WHERE n <> 0`).get() as { n: number }).n,
      )
    expect(nonZero()[0]).toBeGreaterThan(1000)
    // Deleting every application (in a savepoint, undone after) subtracts each row's contribution: all that the
    // seeder's one-pass rebuild put in, no more and no less.
    db.exec('SAVEPOINT gone; PRAGMA defer_foreign_keys = ON; DELETE FROM applications')
    try {
      expect(nonZero()).toEqual([0, 0, 0])
    } finally {
      db.exec('ROLLBACK TO gone; RELEASE gone')
    }
    expect(nonZero()[0]).toBeGreaterThan(1000)
  })
})

describe('agency.turnaround equals an independent count', () => {
  it.each(PERIODS)('%s to %s', async (from, to) => {
    const r = await call('agency.turnaround', { from, to })
    const list = arrivals(from, to)
    expect(r.total).toEqual({ ...expected(list), ...stillOut() })
    const agencies = new Set([
      ...list.map((a) => a.agency),
      ...[...agencyOf].filter(([c]) => stillOut([c]).stillOut > 0).map(([, a]) => a),
    ])
    expect(r.agencies.map((a) => a.agency).sort()).toEqual([...agencies].sort())
    for (const a of r.agencies) {
      const { services, agency, ...figures } = a
      expect(figures, agency).toEqual({
        ...expected(list.filter((x) => x.agency === agency)),
        ...stillOut(codesOf(agency)),
      })
      for (const s of services) {
        const { serviceCode, serviceName: _n, ...sf } = s
        expect(sf, serviceCode).toEqual({
          ...expected(list.filter((x) => x.service === serviceCode)),
          ...stillOut([serviceCode]),
        })
      }
    }
    // Worst on-time rate first; agencies with nothing arrived (no rate) last.
    const rates = r.agencies.map((a) => a.onTimeRate)
    const known = rates.filter((x): x is number => x !== null)
    expect(known).toEqual([...known].sort((x, y) => x - y))
    expect(rates.slice(known.length).every((x) => x === null)).toBe(true)
  })
})

describe('agency.trend equals an independent count per week and per month', () => {
  const nextMonth = (d: string) => {
    const [y, m] = d.split('-').map(Number) as [number, number]
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  }
  const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * DAY_MS).toISOString().slice(0, 10)
  const cases: [string, string, 'week' | 'month', string | undefined][] = [
    ['2026-10-12', '2026-11-17', 'week', undefined],
    ['2026-03-29', '2026-08-13', 'week', 'National Registration Bureau (NRB)'],
    ['2026-03-29', '2026-08-13', 'month', undefined],
    ['2025-11-27', '2026-11-27', 'month', 'Civil Registration Services (CRS)'],
  ]
  it.each(cases)('%s to %s by %s, agency %s', async (from, to, granularity, agency) => {
    const r = await call('agency.trend', { from, to, granularity, ...(agency ? { agency } : {}) })
    expect(r).toMatchObject({ from, to, granularity, agency: agency ?? null })
    let start =
      granularity === 'week'
        ? addDays(from, -((new Date(Date.parse(from)).getUTCDay() + 6) % 7))
        : `${from.slice(0, 7)}-01`
    const want = []
    while (start <= to) {
      const end = granularity === 'week' ? addDays(start, 7) : nextMonth(start)
      const list = arrivals(start < from ? from : start, addDays(end, -1) > to ? to : addDays(end, -1))
      want.push({ start, ...expected(agency ? list.filter((a) => a.agency === agency) : list) })
      start = end
    }
    expect(r.points).toEqual(want)
    if (granularity === 'week') expect(new Date(Date.parse(r.points[0]!.start)).getUTCDay()).toBe(1)

    // Halves: the first takes the middle day of an odd length.
    const len = toDayNumber(to) - toDayNumber(from) + 1
    const mid = addDays(from, Math.ceil(len / 2) - 1)
    const first = arrivals(from, mid)
    const second = arrivals(addDays(mid, 1), to)
    for (const c of r.changes) {
      const before = expected(first.filter((a) => a.agency === c.agency)).onTimeRate
      const after = expected(second.filter((a) => a.agency === c.agency)).onTimeRate
      expect(c, c.agency).toEqual({
        agency: c.agency,
        before,
        after,
        change: before !== null && after !== null ? after - before : null,
      })
    }
    expect(r.changes.length).toBe(new Set([...first, ...second].map((a) => a.agency)).size)
    const changes = r.changes.map((c) => c.change).filter((x): x is number => x !== null)
    expect(changes).toEqual([...changes].sort((x, y) => x - y))
  })
})

describe('agency.report', () => {
  it('has the agency figures, worst services, and every overdue document oldest first, without customer data', async () => {
    const agency = 'National Registration Bureau (NRB)'
    const from = '2026-06-01'
    const to = '2026-11-27'
    const r = await call('agency.report', { agency, from, to })
    const t = (await call('agency.turnaround', { from, to })).agencies.find((a) => a.agency === agency)!
    const { services, agency: _a, ...figures } = t
    expect(r).toMatchObject({ centreNumber: '042', agency, from, to, figures, signedOff: null })
    expect(r.worstServices).toEqual(services.slice(0, 10))
    const codes = codesOf(agency)
    const want = core.store.db
      .prepare<
        [],
        { tracking_number: string; expected_ready: string; registered_at: number; service_code: string }
      >(
        `SELECT tracking_number, expected_ready, registered_at, service_code FROM applications
         WHERE status = 'registered' ORDER BY expected_ready, registered_at, tracking_number`,
      )
      .all()
      .filter((x) => codes.includes(x.service_code) && x.expected_ready < TODAY)
    expect(want.length).toBeGreaterThan(5)
    expect(r.overdue.map((o) => o.trackingNumber)).toEqual(want.map((w) => w.tracking_number))
    expect(r.overdue.length).toBe(figures.stillOutOverdue)
    expect(r.overdueTruncated).toBe(false)
    for (const o of r.overdue) {
      expect(o.daysLate).toBe((Date.parse(TODAY) - Date.parse(o.expectedReady)) / DAY_MS)
      expect(o.daysLate).toBeGreaterThan(0)
      expect(Object.keys(o).sort()).toEqual(
        [
          'agencyRef',
          'daysLate',
          'expectedReady',
          'registeredAt',
          'serviceCode',
          'serviceName',
          'trackingNumber',
        ].sort(),
      )
    }
    expect(r.overdue.some((o) => o.agencyRef !== null)).toBe(true)
  })

  it('refuses an agency the catalogue does not have, and a period that ends before it starts', async () => {
    const unknown = await core.dispatch(KEY, 'agency.report', {
      agency: 'Nobody',
      from: '2026-01-01',
      to: '2026-02-01',
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'agency' } })
    const backwards = await core.dispatch(KEY, 'agency.turnaround', { from: '2026-02-01', to: '2026-01-01' })
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'to' } })
    const badTrend = await core.dispatch(KEY, 'agency.trend', {
      from: '2026-01-01',
      to: '2026-02-01',
      agency: 'Nobody',
    })
    expect(badTrend).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
