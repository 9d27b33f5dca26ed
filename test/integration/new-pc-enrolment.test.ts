import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CatchUpInfo, SyncStatusInfo } from '../../common/contract'
import { DEFAULT_CENTRAL_CATALOGUE } from '../peers/central-sim/defaults'
import { openSimStore } from '../peers/central-sim/store'
import { startCentralSim, type CentralSim } from '../peers/central-sim'
import { seedCentreHistory, type CentreHistory } from '../helpers/centre-history'
import { ADMIN, testCore } from '../helpers/core'
import { rowCounts } from '../helpers/db-counts'
import { tempDir } from '../helpers/temp-dir'

/**
 * A new or replacement PC joining a centre that already has a history in the central API: enrolment brings the
 * catalogue and every application down, with a progress that only moves forward, and a slot another device holds
 * is refused with what to do about it.
 */

const START = Date.UTC(2027, 0, 4, 6, 0, 0)
const APPLICATIONS = 1_000
const CATALOGUE = {
  ...DEFAULT_CENTRAL_CATALOGUE,
  version: '2027.1',
  services: [
    ...DEFAULT_CENTRAL_CATALOGUE.services,
    {
      code: 'LAND_SEARCH',
      nameEn: 'Land search',
      nameSw: 'Upekuzi wa ardhi',
      agency: 'Ministry of Lands',
      turnaroundDays: 5,
      idRequired: true,
      agencyRefPattern: null,
      agencyRefHint: null,
      agencyRefExample: null,
      retentionDays: 90,
      active: true,
      isDefault: false,
    },
  ],
}

describe('enrolling a new PC into a centre with history', () => {
  let tmp: ReturnType<typeof tempDir>
  let sim: CentralSim
  let history: CentreHistory
  let pc: ReturnType<typeof testCore>

  beforeEach(async () => {
    tmp = tempDir()
    const file = path.join(tmp.dir, 'central.sqlite')
    const store = openSimStore(file)
    history = seedCentreHistory(store, {
      centre: '042',
      applications: APPLICATIONS,
      slots: ['01', '02'],
      start: START,
    })
    store.close()
    pc = testCore()
    pc.clock.set(START + 400 * 24 * 3600_000)
    sim = await startCentralSim({
      dbFile: file,
      catalogue: CATALOGUE,
      now: () => pc.clock.now(),
      enrolmentCodes: { '042': ['NEW-PC-042', 'SECOND-042'] },
    })
  })
  afterEach(async () => {
    pc.close()
    await sim.close()
    tmp.cleanup()
  })

  async function setUp(slot: string): Promise<string> {
    const r = await pc.core.dispatch('admin', 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: slot,
      admin: ADMIN,
    })
    if (!r.ok) throw new Error(r.error.message)
    return 'admin'
  }

  it('ends with every application of the centre and the central catalogue, its progress rising to 100%', async () => {
    const admin = await setUp('05')
    const seen: CatchUpInfo[] = []
    pc.core.hub.subscribe('watcher', (event, data) => {
      if (event !== 'status.changed') return
      const c = (data as { status: { catchUp: CatchUpInfo | null } }).status.catchUp
      if (c) seen.push(c)
    })
    const before = await pc.core.dispatch(admin, 'status.get', {})
    expect(before).toMatchObject({ ok: true, value: { slotConfirmed: false, catchUp: null } })

    const r = await pc.core.dispatch(admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'NEW-PC-042' })
    expect(r.ok, r.ok ? '' : r.error.message).toBe(true)
    const info = (r as { value: SyncStatusInfo }).value
    expect(info.slotConfirmed).toBe(true)
    expect(info.catchUp).toMatchObject({ state: 'ready', percent: 100, error: null, eventsRemaining: 0 })
    expect(info.catchUp?.eventsRead).toBe(history.events)

    const apps = pc.core.store.db
      .prepare('SELECT tracking_number FROM applications ORDER BY rowid')
      .pluck()
      .all()
    expect(new Set(apps)).toEqual(new Set(history.trackingNumbers))
    const collected = pc.core.store.db
      .prepare("SELECT count(*) FROM applications WHERE status = 'collected'")
      .pluck()
      .get() as number
    expect(collected).toBeGreaterThan(0)
    expect(pc.core.store.projection.issueCount()).toBe(0)

    const services = await pc.core.dispatch(admin, 'catalogue.list', {})
    const list = (services as { value: { code: string }[] }).value
    expect(list.find((s) => s.code === 'LAND_SEARCH')).toMatchObject({
      nameEn: 'Land search',
      isDefault: false,
    })

    const percents = seen.map((c) => c.percent)
    expect(percents.length).toBeGreaterThanOrEqual(4)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
    expect(percents.at(-1)).toBe(100)
    expect(percents.filter((p) => p > 0 && p < 100).length).toBeGreaterThanOrEqual(2)
    expect(seen.at(-1)?.state).toBe('ready')
    expect(seen.slice(0, -1).every((c) => c.state === 'running')).toBe(true)
  })

  it('refuses a slot another device holds, says what to do, and writes nothing', async () => {
    const admin = await setUp(history.devices[0]!.slot)
    const before = rowCounts(pc.core.store.db)
    const r = await pc.core.dispatch(admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'NEW-PC-042' })
    expect(r.ok).toBe(false)
    const message = r.ok ? '' : r.error.message
    expect(message).toContain('Workstation slot 01 is already held by another PC of this centre')
    expect(message).toContain('set this PC up again with a slot no other PC uses')
    expect(message).toContain('ask the IT officer to release the old PC’s slot')
    expect(rowCounts(pc.core.store.db)).toEqual(before)
    expect(pc.core.store.sync.getState('endpoint')).toBeUndefined()
    expect(pc.core.store.sync.getState('enrolment')).toBeUndefined()
    const status = await pc.core.dispatch(admin, 'status.get', {})
    expect(status).toMatchObject({ ok: true, value: { slotConfirmed: false } })
    // The code was not spent on the refusal: a PC in a free slot can still use it.
    const other = testCore()
    try {
      await other.core.dispatch('a', 'setup.createCentre', {
        centreNumber: '042',
        centreName: 'Huduma Centre GPO',
        workstationSlot: '06',
        admin: ADMIN,
      })
      const ok = await other.core.dispatch('a', 'sync.enrol', {
        apiUrl: sim.url,
        enrolmentCode: 'NEW-PC-042',
      })
      expect(ok.ok, ok.ok ? '' : ok.error.message).toBe(true)
    } finally {
      other.close()
    }
  })
})
