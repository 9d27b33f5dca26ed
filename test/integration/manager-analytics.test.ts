/**
 * Turnaround analytics on a hand-made centre with hand-counted answers: agency processing (registered → arrived,
 * counted on the arrival day), customer delay (arrived → collected, counted on the collection day), median and 90th
 * percentile by nearest rank in whole Nairobi days, the 30-day collection rate of arrival cohorts, and daily and
 * weekly trends. The rollups behind them are kept by triggers: a test rewrites stage times the way replication
 * would and checks they still equal a rebuild from `applications`. Today is Mon 2 Nov 2026 (manual clock).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import type { ApiResult } from '../../common/errors'
import { rebuildManagerRollups } from '../../main/services/manager/rebuild-rollups'
import { setUpCentre, signedIn, testCore } from '../helpers/core'
import { putDocument, tn } from '../helpers/manager-fixtures'

const ADMIN_KEY = 'admin-window'
const KEY = 'manager-window'
let t: ReturnType<typeof testCore>

async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const r = (await t.core.dispatch(KEY, method, input)) as ApiResult<MethodOutput<K>>
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`)
  return r.value
}

/** An instant on the Nairobi wall clock. */
const nb = (date: string, hour: number) => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+03:00`)

function centre(): void {
  const db = t.core.store.db
  const doc = (n: number, service: string, reg: string, arr?: string, col?: string) =>
    putDocument(db, {
      n,
      service,
      registeredAt: nb(reg, 9),
      ...(arr ? { arrivedAt: nb(arr, 11) } : {}),
      ...(col ? { collectedAt: nb(col, 15) } : {}),
    })
  doc(1, 'ID_NEW', '2026-09-01', '2026-09-26', '2026-10-31') // agency 25, customer 35
  doc(2, 'ID_NEW', '2026-10-01', '2026-10-11', '2026-10-13') // 10, 2
  doc(3, 'ID_NEW', '2026-10-05', '2026-10-20', '2026-10-20') // 15, 0 (same day)
  doc(4, 'ID_NEW', '2026-10-10', '2026-10-30', '2026-11-01') // 20, 2
  doc(5, 'ID_NEW', '2026-10-20', '2026-11-01') // 12, still on the shelf
  doc(6, 'ID_NEW', '2026-09-01', '2026-09-20', '2026-09-24') // 19, 4: both before the period
  doc(7, 'ID_NEW', '2026-10-20', '2026-11-02') // arrived today: after the period
  doc(8, 'ID_NEW', '2026-09-10', '2026-09-28', '2026-10-28') // 18, 30 (collected on the 30th day)
  doc(11, 'PASSPORT', '2026-10-01', '2026-10-08', '2026-10-28') // 7, 20
  doc(12, 'PASSPORT', '2026-10-01', '2026-10-09') // 8
  doc(21, 'BIRTH_CERT', '2026-09-20', '2026-10-02') // 12, never collected
  doc(22, 'BIRTH_CERT', '2026-10-25') // still at the agency
}

beforeEach(async () => {
  t = testCore()
  await setUpCentre(t.core, ADMIN_KEY)
  await signedIn(t.core, ADMIN_KEY, KEY, 'manager')
})
afterEach(() => t.close())

describe('turnaround by stage', () => {
  it('over a period of part months and a whole month (25 Sep – 1 Nov)', async () => {
    centre()
    const r = await call('analytics.turnaround', { from: '2026-09-25', to: '2026-11-01' })
    const by = Object.fromEntries(r.services.map((s) => [s.serviceCode, s]))
    expect(Object.keys(by).sort()).toEqual(['BIRTH_CERT', 'ID_NEW', 'PASSPORT'])
    // ID_NEW agency days: 10 12 15 18 20 25 → median (3rd of 6) 15, p90 (6th) 25.
    expect(by.ID_NEW!.agency).toEqual({ count: 6, medianDays: 15, p90Days: 25 })
    // ID_NEW customer days: 0 2 2 30 35 → median (3rd of 5) 2, p90 (5th) 35.
    expect(by.ID_NEW!.customer).toEqual({ count: 5, medianDays: 2, p90Days: 35 })
    expect(by.PASSPORT!.agency).toEqual({ count: 2, medianDays: 7, p90Days: 8 })
    expect(by.PASSPORT!.customer).toEqual({ count: 1, medianDays: 20, p90Days: 20 })
    expect(by.BIRTH_CERT!.agency).toEqual({ count: 1, medianDays: 12, p90Days: 12 })
    expect(by.BIRTH_CERT!.customer).toEqual({ count: 0, medianDays: null, p90Days: null })
    // All: 7 8 10 12 12 15 18 20 25 → 5th = 12, 9th = 25; customers 0 2 2 20 30 35 → 3rd = 2, 6th = 35.
    expect(r.total.agency).toEqual({ count: 9, medianDays: 12, p90Days: 25 })
    expect(r.total.customer).toEqual({ count: 6, medianDays: 2, p90Days: 35 })
  })

  it('collection rate within 30 days counts only arrivals that have had their 30 days', async () => {
    centre()
    const r = await call('analytics.turnaround', { from: '2026-09-25', to: '2026-11-01' })
    // Not 3 Oct: a document that arrived then could still be collected today, on its 30th day.
    expect(r.cohortTo).toBe('2026-10-02')
    const by = Object.fromEntries(r.services.map((s) => [s.serviceCode, s]))
    // Arrived 25 Sep – 2 Oct: no. 1 (collected after 35 days), no. 8 (after 30), no. 21 (never).
    expect(by.ID_NEW).toMatchObject({ cohortArrived: 2, collectedWithin30: 1, collectionRate: 0.5 })
    expect(by.BIRTH_CERT).toMatchObject({ cohortArrived: 1, collectedWithin30: 0, collectionRate: 0 })
    expect(by.PASSPORT).toMatchObject({ cohortArrived: 0, collectedWithin30: 0, collectionRate: null })
    expect(r.total.collectionRate).toBeCloseTo(1 / 3, 10)
  })

  it('inside one month, and exactly one whole month', async () => {
    centre()
    const part = await call('analytics.turnaround', { from: '2026-10-05', to: '2026-10-15' })
    // Arrivals 8, 9, 11 Oct: 7, 8, 10 days.
    expect(part.total.agency).toEqual({ count: 3, medianDays: 8, p90Days: 10 })
    const october = await call('analytics.turnaround', { from: '2026-10-01', to: '2026-10-31' })
    // Arrivals in October: 7 8 10 12 15 20.
    expect(october.total.agency).toEqual({ count: 6, medianDays: 10, p90Days: 20 })
    // Collections in October: 2 0 35 30 20.
    expect(october.total.customer).toEqual({ count: 5, medianDays: 20, p90Days: 35 })
  })

  it('refuses a period that ends before it starts', async () => {
    const r = await t.core.dispatch(KEY, 'analytics.turnaround', { from: '2026-10-10', to: '2026-10-01' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toBe('The period must end on or after the day it starts')
  })

  it('refuses a day that does not exist rather than rolling it over (31 February is not 3 March)', async () => {
    const r = await t.core.dispatch(KEY, 'analytics.turnaround', { from: '2026-02-01', to: '2026-02-31' })
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'That date does not exist' },
    })
  })
})

describe('trends', () => {
  it('per day', async () => {
    centre()
    const r = await call('analytics.trends', { from: '2026-10-08', to: '2026-10-13', granularity: 'day' })
    expect(r.points).toEqual([
      { start: '2026-10-08', arrived: 1, collected: 0, agencyAvgDays: 7, customerAvgDays: null },
      { start: '2026-10-09', arrived: 1, collected: 0, agencyAvgDays: 8, customerAvgDays: null },
      { start: '2026-10-10', arrived: 0, collected: 0, agencyAvgDays: null, customerAvgDays: null },
      { start: '2026-10-11', arrived: 1, collected: 0, agencyAvgDays: 10, customerAvgDays: null },
      { start: '2026-10-12', arrived: 0, collected: 0, agencyAvgDays: null, customerAvgDays: null },
      { start: '2026-10-13', arrived: 0, collected: 1, agencyAvgDays: null, customerAvgDays: 2 },
    ])
  })

  it('per week, weeks starting on Monday', async () => {
    centre()
    const r = await call('analytics.trends', { from: '2026-09-28', to: '2026-10-11', granularity: 'week' })
    expect(r.points).toEqual([
      // Arrivals 28 Sep (18 days) and 2 Oct (12 days).
      { start: '2026-09-28', arrived: 2, collected: 0, agencyAvgDays: 15, customerAvgDays: null },
      // Arrivals 8, 9, 11 Oct: (7 + 8 + 10) / 3.
      { start: '2026-10-05', arrived: 3, collected: 0, agencyAvgDays: 8.3, customerAvgDays: null },
    ])
  })
})

describe('rollups', () => {
  const snapshot = () => {
    const db = t.core.store.db
    const rows = (sql: string) => db.prepare(sql).all()
    return {
      day: rows('SELECT * FROM turnaround_day WHERE n <> 0 ORDER BY 1, 2, 3, 4'),
      month: rows('SELECT * FROM turnaround_month WHERE n <> 0 ORDER BY 1, 2, 3, 4'),
      stage: rows('SELECT * FROM stage_day WHERE n <> 0 ORDER BY 1, 2'),
      cohort: rows('SELECT * FROM arrival_cohort WHERE arrived <> 0 ORDER BY 1, 2'),
    }
  }

  it('stay equal to a rebuild from applications when replication rewrites stage times', () => {
    centre()
    const db = t.core.store.db
    // Another PC's earlier scan wins; a collection is undone; a service is corrected; a finished document arrives from another PC.
    db.prepare('UPDATE applications SET arrived_at = ? WHERE tracking_number = ?').run(
      nb('2026-10-21', 10),
      tn(2),
    )
    db.prepare(
      `UPDATE applications SET status = 'arrived', collected_at = NULL WHERE tracking_number = ?`,
    ).run(tn(4))
    db.prepare(`UPDATE applications SET service_code = 'PASSPORT' WHERE tracking_number = ?`).run(tn(3))
    db.prepare('UPDATE applications SET registered_at = ? WHERE tracking_number = ?').run(
      nb('2026-08-01', 9),
      tn(8),
    )
    db.prepare(
      `INSERT INTO applications (tracking_number, service_code, customer_name, phone, language, sms_consent, status,
         registered_at, registered_by, expected_ready, arrived_at, collected_at, updated_at)
       VALUES (?, 'ID_NEW', 'Replicated', '+254700000001', 'en', 1, 'collected', ?, 'CLK002', '2026-10-01', ?, ?, ?)`,
    ).run(tn(30), nb('2026-09-01', 9), nb('2026-09-30', 11), nb('2026-10-02', 15), nb('2026-10-02', 15))
    const sms = () => db.prepare('SELECT tracking_number, sms_outcome FROM applications ORDER BY 1').all()
    const kept = snapshot()
    const keptSms = sms()
    rebuildManagerRollups(t.core.store)
    expect(snapshot()).toEqual(kept)
    expect(sms()).toEqual(keptSms)
    expect(kept.day.length).toBeGreaterThan(10)
  })
})
