import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PAGE_CACHE_KIB } from '../../main/db/open'
import { silentLogger } from '../../main/infra/logger'
import { createProjector, type Projector } from '../../main/services/projection/projector'
import { CENTRE_EVENTS_CURSOR_KEY, createCentreFeed } from '../../main/sync/centre-feed'
import { startCentralSim, type CentralSim } from '../peers/central-sim'
import { openSimStore } from '../peers/central-sim/store'
import { seedCentreHistory, type CentreHistory } from '../helpers/centre-history'
import { setUpCentre, testCore } from '../helpers/core'
import { sliceCount } from '../helpers/loop-turns'
import { tempDir } from '../helpers/temp-dir'

/**
 * The centre feed in catch-up (`bulk`) mode, as a new PC's enrolment runs it, against the simulator: pages of 1,000
 * stored in slices that give the event loop back, WAL checkpoints on a worker with SQLite's own put back after,
 * and a run that stops part-way (between pages or inside one) resumed by the next with every event stored once.
 */

const START = Date.UTC(2027, 0, 4, 6, 0, 0)
const DEVICE = '01936b2e-0000-7000-8000-0000000000aa'

let tmp: ReturnType<typeof tempDir>
let sim: CentralSim
let history: CentreHistory
let t: ReturnType<typeof testCore>
let token: string

beforeEach(async () => {
  tmp = tempDir()
  const file = path.join(tmp.dir, 'central.sqlite')
  const store = openSimStore(file)
  // ~2,500 events: three pages of the catch-up, the last one short.
  history = seedCentreHistory(store, {
    centre: '042',
    applications: 1_000,
    slots: ['01', '02'],
    start: START,
  })
  store.close()
  t = testCore()
  await setUpCentre(t.core)
  sim = await startCentralSim({ dbFile: file })
  token = sim.issueToken('042', DEVICE, '07')
})
afterEach(async () => {
  t.close()
  await sim.close()
  tmp.cleanup()
})

const feedWith = (projector: Projector, onPage?: () => void) =>
  createCentreFeed({
    db: t.core.store.db,
    sync: t.core.store.sync,
    projector,
    projection: t.core.store.projection,
    clock: t.clock,
    logger: silentLogger,
    endpoint: () => ({ baseUrl: sim.url, token }),
    centreNumber: () => '042',
    bulk: () => true,
    onPage,
  })
const projector = () => createProjector({ store: t.core.store, clock: t.clock, logger: silentLogger })
const count = (sql: string) => t.core.store.db.prepare(sql).pluck().get() as number
const replicated = () =>
  count(`SELECT count(*) FROM events WHERE device_id <> '${t.core.store.centre.get()!.device_id}'`)

describe('the catch-up (bulk) feed', () => {
  it('stores every event in slices that give the loop back, and puts SQLite’s checkpoints and page cache back after', async () => {
    const { value, slices, turns } = await sliceCount(() => feedWith(projector()).pullCentreEvents())
    expect(value).toBe(history.events)
    expect(replicated()).toBe(history.events)
    expect(count('SELECT count(*) FROM applications')).toBe(1_000)
    // Three pages, each cut into slices starting at 100 events: more slices than pages, and the loop ran between.
    expect(slices).toBeGreaterThan(3)
    expect(turns).toBeGreaterThanOrEqual(slices - 1)
    expect(t.core.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    expect(t.core.store.db.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(t.core.store.db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB)
  })

  it('a run stopped between pages is resumed from its cursor; every event stored once', async () => {
    let pages = 0
    const stopping = feedWith(projector(), () => {
      if (++pages === 2) throw new Error('power cut')
    })
    await expect(stopping.pullCentreEvents()).rejects.toThrow('power cut')
    expect(replicated()).toBe(2_000)
    expect(t.core.store.sync.getState(CENTRE_EVENTS_CURSOR_KEY)).toBeDefined()
    expect(await feedWith(projector()).pullCentreEvents()).toBe(history.events - 2_000)
    expect(replicated()).toBe(history.events)
    expect(count('SELECT count(DISTINCT id) FROM events')).toBe(count('SELECT count(*) FROM events'))
    expect(count('SELECT count(*) FROM applications')).toBe(1_000)
  })

  // Slices at most double, from 100: the first page of 1,000 has at least four, and the third fails.
  it('a run stopped inside a page keeps the slices before, repeats the page, and stores each event once', async () => {
    const real = projector()
    let calls = 0
    const failing: Projector = {
      ...real,
      storeReplicated(events) {
        if (++calls === 3) throw new Error('disk I/O error')
        return real.storeReplicated(events)
      },
    }
    const r = await feedWith(failing).pullCentreEvents()
    expect(r).toEqual({ error: expect.stringContaining('disk I/O error') })
    const kept = replicated()
    expect(kept).toBeGreaterThan(0)
    expect(kept).toBeLessThan(history.events)
    expect(await feedWith(projector()).pullCentreEvents()).toBe(history.events - kept)
    expect(replicated()).toBe(history.events)
    expect(count('SELECT count(DISTINCT id) FROM events')).toBe(count('SELECT count(*) FROM events'))
    expect(count('SELECT count(*) FROM applications')).toBe(1_000)
    expect(t.core.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
  })
})
