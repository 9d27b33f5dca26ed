/**
 * Arrival batches are local to the PC that opened them, but what their manifests missed is the centre's: two
 * workstations of centre 042, each with its own SQLite file, sync through the central API simulator over HTTP.
 * A batch closed against a manifest on either PC is counted by `agency.batches` on both; a report signed off on
 * one shows as signed off on the other; the replicated arrivals keep the other PC's lateness rollups equal to a
 * rebuild.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import type { Core } from '../../main/core/create-core'
import { REBUILD_AGENCY_ROLLUPS_SQL } from '../../main/db/migrations/0220-agency-turnaround'
import { ADMIN, testCore } from '../helpers/core'
import { startCentralSim, type CentralSim } from '../peers/central-sim'

type Station = ReturnType<typeof testCore>
const KEY = 'admin-window'
const CRS = 'Civil Registration Services (CRS)'
const DCI = 'Directorate of Criminal Investigations (DCI)'

async function ok<K extends MethodName>(
  core: Core,
  method: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  const r = await core.dispatch(KEY, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as MethodOutput<K>
}

describe('agency turnaround across the PCs of a centre', () => {
  let sim: CentralSim
  let stations: Station[] = []

  async function station(slot: string, code: string): Promise<Station> {
    const t = testCore()
    t.clock.advance(Number(slot) * 10)
    await ok(t.core, 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: slot,
      admin: ADMIN,
    })
    await ok(t.core, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: code })
    stations.push(t)
    return t
  }
  const sync = (s: Station) => ok(s.core, 'sync.now', {})

  let n = 0
  const register = async (s: Station, serviceCode: string) =>
    (
      await ok(s.core, 'application.register', {
        serviceCode,
        customerName: `Achieng Customer ${'ABCDEFGH'[n]}`,
        phone: `07330001${String(n).padStart(2, '0')}`,
        idNumber: String(32_000_000 + n++),
        language: 'en',
        smsConsent: false,
        confirmDuplicate: true,
      })
    ).application.trackingNumber

  /** Opens a batch against a manifest, scans `scanned`, closes it. */
  async function batch(s: Station, agency: string, expected: string[], scanned: string[]) {
    const b = await ok(s.core, 'arrivals.openBatch', { agency, expected })
    for (const code of scanned) await ok(s.core, 'arrivals.scan', { batchId: b.id, code })
    return ok(s.core, 'arrivals.closeBatch', { batchId: b.id })
  }

  beforeEach(async () => {
    stations = []
    n = 0
    sim = await startCentralSim({ enrolmentCodes: { '042': ['CODE-WS-A', 'CODE-WS-B'] } })
  })
  afterEach(async () => {
    for (const s of stations) s.close()
    await sim.close()
  })

  it('batch discrepancies closed on either PC sum the same on both; a sign-off on A shows on B', async () => {
    const a = await station('01', 'CODE-WS-A')
    const b = await station('02', 'CODE-WS-B')
    const a1 = await register(a, 'BIRTH_CERT')
    const a2 = await register(a, 'BIRTH_CERT')
    const a3 = await register(a, 'DEATH_CERT')
    const b1 = await register(b, 'GOOD_CONDUCT')
    // A: manifest of a1, a2 and a code that never came; a1 and a3 scanned.
    await batch(a, CRS, [a1, a2, 'CRS-0001'], [a1, a3])
    // B: a manifest of one, which came; and a batch without a manifest, which counts for nothing.
    await batch(b, DCI, [b1], [b1])
    await batch(b, CRS, [], [])

    const today = { from: '2026-01-01', to: '2026-12-31' }
    const onA = await ok(a.core, 'agency.batches', today)
    expect(onA.agencies).toEqual([
      { agency: CRS, batches: 1, expected: 3, received: 1, missing: 2, unannounced: 1 },
    ])
    await sync(a)
    await sync(b)
    await sync(a)
    const want = [
      { agency: CRS, batches: 1, expected: 3, received: 1, missing: 2, unannounced: 1 },
      { agency: DCI, batches: 1, expected: 1, received: 1, missing: 0, unannounced: 0 },
    ]
    expect((await ok(a.core, 'agency.batches', today)).agencies).toEqual(want)
    expect((await ok(b.core, 'agency.batches', today)).agencies).toEqual(want)
    // A's arrivals came to B through the feed: B counts them, and its rollups are what a rebuild makes.
    const tb = await ok(b.core, 'agency.turnaround', today)
    expect(tb.total.arrived).toBe(3)
    const rows = (s: Station) =>
      ['agency_late_day', 'agency_late_week', 'agency_late_month'].map((t) =>
        s.core.store.db.prepare(`SELECT * FROM ${t} WHERE n <> 0 ORDER BY 1, 2, 3`).all(),
      )
    const kept = rows(b)
    b.core.store.db.exec(REBUILD_AGENCY_ROLLUPS_SQL)
    expect(rows(b)).toEqual(kept)
    expect(rows(b)).toEqual(rows(a))

    const period = { agency: CRS, ...today }
    const signed = await ok(a.core, 'agency.signOff', { ...period, pin: ADMIN.pin })
    expect(signed.signedOff).toMatchObject({ staffNumber: ADMIN.staffNumber, name: ADMIN.name })
    expect((await ok(b.core, 'agency.report', period)).signedOff).toBeNull()
    await sync(a)
    await sync(b)
    expect((await ok(b.core, 'agency.report', period)).signedOff).toEqual(signed.signedOff)
    // Signed off once for the centre: B refuses to sign the same report again.
    const again = await b.core.dispatch(KEY, 'agency.signOff', { ...period, pin: ADMIN.pin })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // The central API holds the sign-off event (which is what makes it reach B).
    const id = a.core.store.db
      .prepare<[], { id: string }>(`SELECT id FROM events WHERE type = 'report.agencySignedOff'`)
      .get()!.id
    expect(sim.eventIds()).toContain(id)
  })
})
