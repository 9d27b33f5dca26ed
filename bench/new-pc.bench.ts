import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { SyncStatusInfo } from '../common/contract'
import { createCore, type Core } from '../main/core/create-core'
import { clockFrom } from '../main/infra/clock'
import { silentLogger } from '../main/infra/logger'
import { seedCentreHistory } from '../test/helpers/centre-history'
import { ADMIN, TEST_PIN_COST } from '../test/helpers/core'
import { tempDir } from '../test/helpers/temp-dir'
import { startCentralSim } from '../test/peers/central-sim'
import { openSimStore } from '../test/peers/central-sim/store'
import { sliceStats } from '../main/infra/slices'
import { catchUpStats } from '../main/sync/catch-up-projection'
import { report } from './report'
import { startSimProcess, type SimProcess } from './sim-process'

/**
 * A new or replacement PC joining a centre whose central API holds 1,000,000 events (brief: ready to work within
 * 60 s). The simulator's store is seeded directly (the HTTP path would take hours); the PC is a real core on an
 * encrypted SQLite file, enrolled through the contract, and "ready" is the enrolment's answer: the catch-up
 * (catalogue, every event of the centre from the start, SMS outcomes) has finished.
 */
const EVENTS = Number(process.env.TMS_BENCH_NEWPC_EVENTS ?? 1_000_000)
// About 2.5 events an application in centre-history.ts: 400,000 applications give about a million events.
const APPLICATIONS = Math.round(EVENTS / 2.5)
const START = Date.UTC(2025, 0, 6, 6, 0, 0)

let tmp: ReturnType<typeof tempDir>
let sim: SimProcess
/**
 * The simulator runs in a process of its own (a real central API is another machine): in this process its reads
 * and JSON of every page took turns on the core's event loop. TMS_BENCH_SIM_IN_PROCESS=1 puts it back here.
 */
const SIM_IN_PROCESS = process.env.TMS_BENCH_SIM_IN_PROCESS === '1'
let core: Core | null = null
let seeded = 0

beforeAll(async () => {
  tmp = tempDir('tms-bench-newpc-')
  const file = path.join(tmp.dir, 'central.sqlite')
  const store = openSimStore(file)
  const t0 = performance.now()
  seeded = seedCentreHistory(store, {
    centre: '042',
    applications: APPLICATIONS,
    slots: ['01', '02', '03', '04'],
    start: START,
  }).events
  store.close()
  process.stdout.write(`seeded ${seeded} events in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
  const simOptions = { dbFile: file, enrolmentCodes: { '042': ['NEW-PC-042'] } }
  sim = SIM_IN_PROCESS ? await startCentralSim(simOptions) : await startSimProcess(simOptions)
})
afterAll(async () => {
  core?.close()
  await sim?.close()
  tmp?.cleanup()
})

it('a fresh PC enrols into a centre with 1,000,000 events and catches up', async () => {
  core = createCore({
    dataDir: path.join(tmp.dir, 'pc'),
    logger: silentLogger,
    version: 'bench',
    clock: clockFrom(Date.UTC(2027, 2, 2, 7, 0, 0), Date.now()),
    tickMs: 0,
    pinCost: TEST_PIN_COST,
  })
  const setup = await core.dispatch('admin', 'setup.createCentre', {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '05',
    admin: ADMIN,
  })
  expect(setup.ok).toBe(true)
  // The longest the core's event loop was held in one go during the catch-up: the delay of a 1 ms timer (which
  // also counts the simulator's own turns, in this process), and the longest slice of sliced work.
  const delay = monitorEventLoopDelay({ resolution: 1 })
  sliceStats.longestMs = 0
  sliceStats.overCeiling = 0
  const stepsBefore = sliceStats.steps
  const cpu0 = process.cpuUsage()
  const mainCpu0 = process.threadCpuUsage()
  delay.enable()
  const t0 = performance.now()
  const r = await core.dispatch('admin', 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'NEW-PC-042' })
  const seconds = (performance.now() - t0) / 1000
  delay.disable()
  const cpu = process.cpuUsage(cpu0)
  const mainCpu = process.threadCpuUsage(mainCpu0)
  expect(r.ok, r.ok ? '' : r.error.message).toBe(true)
  const info = (r as { value: SyncStatusInfo }).value
  expect(info.catchUp).toMatchObject({ state: 'ready', percent: 100, eventsRead: seeded })
  const apps = core.store.db.prepare('SELECT count(*) FROM applications').pluck().get()
  expect(apps).toBe(APPLICATIONS)
  report(`new PC: enrol + catch-up on ${seeded} events`, seconds, 's', '< 60')
  report('new PC: catch-up rate', seeded / seconds, 'events/s', '≥ 16,667')
  report('new PC: CPU time of the process (both threads)', (cpu.user + cpu.system) / 1e6, 's', '-')
  report('new PC: CPU time of the core’s thread', (mainCpu.user + mainCpu.system) / 1e6, 's', '-')
  report('new PC: longest event-loop turn (timer delay)', delay.max / 1e6, 'ms', '≤ 50')
  report('new PC: event-loop turn p99 (timer delay)', delay.percentile(99) / 1e6, 'ms', '≤ 50')
  report('new PC: longest catch-up slice', sliceStats.longestMs, 'ms', '≤ 50')
  report('new PC: slices', sliceStats.steps - stepsBefore, 'slices', '-')
  report('new PC: slices over 50 ms', sliceStats.overCeiling, 'slices', '0')
  // Where the time went: the core's own slices of each pass, and the worker's index build (the loop runs meanwhile).
  report('new PC: storing the events (slices)', catchUpStats.storingMs / 1000, 's', '-')
  report('new PC: making the applications (slices)', catchUpStats.applicationsMs / 1000, 's', '-')
  report('new PC: SMS and calls (slices)', catchUpStats.followUpsMs / 1000, 's', '-')
  report('new PC: building the indexes (worker)', catchUpStats.indexesMs / 1000, 's', '-')
  const step = catchUpStats.longestIndexStep
  report(`new PC: longest index step (a write may wait): ${step.label}`, step.ms, 'ms', '-')
})
