import { afterEach, beforeEach, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import { ERASED_TEXT } from '../../common/erased-personal-data'
import { DAY_MS, nairobiDate } from '../../common/nairobi-time'
import { silentLogger } from '../../main/infra/logger'
import { createEventWriter } from '../../main/services/event-writer'
import { createRetentionService } from '../../main/services/privacy/retention-service'
import { createProjector } from '../../main/services/projection/projector'
import { createSettingsService } from '../../main/services/settings-service'
import { ADMIN, setUpCentre, signedIn, testCore } from '../helpers/core'

/**
 * Retention on a centre built through the API (so every row is the fold of real events): what is past the period
 * and finished is erased, nothing on the shelf or waiting is, and every backlog and analytics figure the manager
 * sees is the same before and after.
 */

let t: ReturnType<typeof testCore>
let admin: string
beforeEach(async () => {
  t = testCore()
  admin = await setUpCentre(t.core)
})
afterEach(() => t.close())

async function ok<K extends MethodName>(
  key: string,
  method: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  const r = await t.core.dispatch(key, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as MethodOutput<K>
}

function retention() {
  const { store } = t.core
  const projector = createProjector({ store, clock: t.clock, logger: silentLogger })
  const writeEvent = createEventWriter(store, t.clock, (tn) => projector.project(tn))
  const settings = createSettingsService(store)
  return createRetentionService({ store, clock: t.clock, settings, writeEvent, logger: silentLogger })
}

/** A centre's history: 40 documents 455 days ago (collected, returned, on the shelf, never arrived), 10 recent. */
async function centre(): Promise<{ old: string[]; recent: string[] }> {
  const people = {
    clerk: await signedIn(t.core, admin, 'clerk', 'clerk'),
    desk: await signedIn(t.core, admin, 'desk', 'desk'),
    manager: await signedIn(t.core, admin, 'manager', 'manager'),
    [admin]: { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin },
  }
  // Days pass between steps: each one signs in again, as after a night.
  const later = async (ms: number) => {
    t.clock.advance(ms)
    for (const [key, who] of Object.entries(people)) await ok(key, 'auth.signIn', who)
  }
  const register = async (i: number) =>
    (
      await ok('clerk', 'application.register', {
        serviceCode: i % 2 ? 'BIRTH_CERT' : 'ID_NEW',
        customerName: `Wekesa ${String.fromCharCode(65 + (i % 26), 97 + Math.floor(i / 26))}`,
        phone: `0712${String(100000 + i)}`,
        idNumber: `3${String(1000000 + i)}`,
        language: 'en',
        smsConsent: true,
        confirmDuplicate: true,
      })
    ).application.trackingNumber
  const life = async (from: number, n: number): Promise<string[]> => {
    const tns: string[] = []
    for (let i = from; i < from + n; i++) tns.push(await register(i))
    await later(3 * DAY_MS)
    const batch = await ok('desk', 'arrivals.openBatch', { agency: 'NRB', expected: [] })
    for (const tn of tns.slice(0, n - 4)) await ok('desk', 'arrivals.scan', { batchId: batch.id, code: tn })
    await ok('desk', 'arrivals.closeBatch', { batchId: batch.id })
    await later(2 * DAY_MS)
    for (const tn of tns.slice(0, n / 2))
      await ok('desk', 'collection.handOver', {
        trackingNumbers: [tn],
        collector: {
          kind: 'proxy',
          name: 'Proxy Person',
          idNumber: '22334455',
          relationship: 'son',
          authorisationRef: 'L-1',
        },
      })
    return tns
  }
  const old = await life(0, 40)
  // Some of the old ones go back to the agency (past the service's shelf retention).
  await later(250 * DAY_MS)
  const agency = t.core.store.services.byCode('ID_NEW')!.agency
  const back = old.slice(20, 36).filter((_, i) => i % 2 === 0)
  const manifest = await ok('manager', 'returns.createManifest', { agency, trackingNumbers: back })
  await ok('manager', 'returns.confirm', { manifestId: manifest.id })
  await later(200 * DAY_MS)
  const recent = await life(100, 10)
  // Everything acknowledged by the central API but one old collected document.
  t.core.store.db
    .prepare('DELETE FROM outbox WHERE event_seq NOT IN (SELECT seq FROM events WHERE tracking_number = ?)')
    .run(old[1])
  return { old, recent }
}

async function figures() {
  const to = nairobiDate(t.clock.now())
  const from = nairobiDate(t.clock.now() - 700 * DAY_MS)
  return {
    backlog: await ok('manager', 'backlog.summary', {}),
    overdue: await ok('manager', 'overdue.summary', {}),
    turnaround: await ok('manager', 'analytics.turnaround', { from, to }),
    days: await ok('manager', 'analytics.trends', { from, to, granularity: 'day' }),
    weeks: await ok('manager', 'analytics.trends', { from, to, granularity: 'week' }),
  }
}

const rows = () =>
  t.core.store.db
    .prepare('SELECT tracking_number, status, customer_name FROM applications ORDER BY tracking_number')
    .all() as { tracking_number: string; status: string; customer_name: string }[]

it(
  'erases what is finished and past 180 days, nothing else, and every manager figure stays',
  { timeout: 60_000 },
  async () => {
    const { old } = await centre()
    const before = await figures()
    const rowsBefore = rows()
    const run = await retention().run()

    const after = rows()
    const erased = after.filter((r) => r.customer_name === ERASED_TEXT)
    const finishedOld = rowsBefore.filter(
      (r) => old.includes(r.tracking_number) && ['collected', 'returned'].includes(r.status),
    )
    expect(finishedOld.length).toBe(28) // 20 collected, 8 returned
    expect(run).toEqual({ erased: 27, waitingForSync: 1 })
    expect(erased.map((r) => r.tracking_number).sort()).toEqual(
      finishedOld
        .map((r) => r.tracking_number)
        .filter((tn) => tn !== old[1])
        .sort(),
    )
    // Nothing on the shelf or not yet arrived, however old.
    expect(erased.filter((r) => r.status === 'arrived' || r.status === 'registered')).toEqual([])
    expect(
      after.filter((r) => r.status === 'arrived' && old.includes(r.tracking_number)).length,
    ).toBeGreaterThan(0)
    expect(await figures()).toEqual(before)
    // A second run finds nothing new.
    expect(await retention().run()).toEqual({ erased: 0, waitingForSync: 1 })
  },
)

it(
  'follows the setting: with 365 days only what was collected 455 days ago is erased',
  { timeout: 60_000 },
  async () => {
    await centre()
    await ok(admin, 'settings.update', { personalDataRetentionDays: 365 })
    // The returns (205 days ago) stay; of the 20 collected, the one still waiting for the central API stays too.
    expect(await retention().run()).toEqual({ erased: 19, waitingForSync: 1 })
    expect(rows().filter((r) => r.customer_name === ERASED_TEXT && r.status !== 'collected')).toEqual([])
  },
)

it.each([
  [0, /at least 30 days/],
  [-5, /at least 30 days/],
  [29, /at least 30 days/],
  [100_000, /at most 3,650 days/],
  [90.5, /whole days/],
])('a retention of %s days is refused with a clear message and nothing is written', async (days, message) => {
  const audits = () => t.core.store.db.prepare('SELECT count(*) AS n FROM audit_log').get()
  const was = audits()
  const r = await t.core.dispatch(admin, 'settings.update', { personalDataRetentionDays: days })
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'personalDataRetentionDays' } })
  if (!r.ok) expect(r.error.message).toMatch(message)
  expect(audits()).toEqual(was)
  expect(createSettingsService(t.core.store).get().personalDataRetentionDays).toBe(180)
})
