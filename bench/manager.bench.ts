import { afterAll, beforeAll, expect, it } from 'vitest'
import type { MethodInput, MethodName } from '../common/contract'
import type { Core } from '../main/core/create-core'
import { createManagerService } from '../main/services/manager'
import { nairobiDate } from '../common/nairobi-time'
import { DEMO_STAFF } from '../scripts/demo-seed/seed-demo'
import { demoClock, openDemoCentre } from './demo-centre'
import { percentile, report } from './report'

/**
 * The manager's backlog page on a five-year, 5,000,000-document centre: every dashboard figure (target < 100 ms) and
 * every list page (target < 50 ms), p50 and p99 over repeated calls through the dispatcher, as the UI makes them
 * (list pages include their audit-log write). The centre comes from the demo seeder (see `demo-centre.ts`).
 */
// Enough calls for a p99 that is not simply the slowest one: the 10th slowest of 1,000.
const RUNS = 1000
const KEY = 'bench-manager'

let core: Core
/** The centre's clock (from the instant it was seeded up to), for the periods asked for and the services below. */
const clock = demoClock()

beforeAll(async () => {
  core = await openDemoCentre(clock)
  const { staffNumber, pin } = DEMO_STAFF.manager
  const signed = await core.dispatch(KEY, 'auth.signIn', { staffNumber, pin })
  if (!signed.ok) throw new Error(signed.error.message)
}, 60 * 60_000)

afterAll(() => core?.close())

async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<unknown> {
  const r = await core.dispatch(KEY, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value
}

/** Times `fn` RUNS times after two warm-up calls and prints p50 and p99 (nearest rank). */
async function bench(name: string, targetMs: number, fn: () => Promise<unknown>): Promise<void> {
  await fn()
  await fn()
  const ms: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    await fn()
    ms.push(performance.now() - t0)
  }
  report(`manager ${name} p50`, percentile(ms, 50), 'ms', `< ${targetMs} ms`)
  report(`manager ${name} p99`, percentile(ms, 99), 'ms', `< ${targetMs} ms`)
}

const FIGURE = 100
const PAGE = 50
const today = () => nairobiDate(clock.now())
const daysBefore = (n: number) => nairobiDate(clock.now() - n * 86_400_000)

it('dashboard figures', { timeout: 30 * 60_000 }, async () => {
  const shelf = core.store.db
    .prepare("SELECT count(*) AS n FROM applications WHERE status = 'arrived'")
    .get() as {
    n: number
  }
  process.stdout.write(`on the shelf: ${shelf.n}\n`)
  // Each figure on its own, through the same service the API uses (reads only: no event writer needed).
  const m = createManagerService({
    store: core.store,
    clock,
    writeEvent: () => {
      throw new Error('the dashboard figures write nothing')
    },
  })
  await bench('figure shelf by age', FIGURE, async () => m.backlog.byAge())
  await bench('figure shelf by service', FIGURE, async () => m.backlog.byService())
  await bench('figure shelf by slot', FIGURE, async () => m.backlog.bySlot())
  await bench('figure shelf by SMS outcome', FIGURE, async () => m.backlog.bySms())
  await bench('backlog.summary (all four figures)', FIGURE, () => call('backlog.summary', {}))
  await bench('overdue.summary', FIGURE, () => call('overdue.summary', {}))
  await bench('turnaround 30 days', FIGURE, () =>
    call('analytics.turnaround', { from: daysBefore(29), to: today() }),
  )
  await bench('turnaround 12 months', FIGURE, () =>
    call('analytics.turnaround', { from: daysBefore(364), to: today() }),
  )
  await bench('turnaround 5 years', FIGURE, () =>
    call('analytics.turnaround', { from: daysBefore(5 * 365), to: today() }),
  )
  await bench('trends daily 90 days', FIGURE, () =>
    call('analytics.trends', { from: daysBefore(89), to: today(), granularity: 'day' }),
  )
  await bench('trends weekly 5 years', FIGURE, () =>
    call('analytics.trends', { from: daysBefore(5 * 365), to: today(), granularity: 'week' }),
  )
})

it('list pages', { timeout: 30 * 60_000 }, async () => {
  const summary = (await call('backlog.summary', {})) as {
    byService: { serviceCode: string }[]
    bySlot: { slot: string }[]
  }
  const service = summary.byService[0]!.serviceCode
  const slot = summary.bySlot[0]!.slot
  await bench('shelf list, oldest first', PAGE, () => call('backlog.list', { limit: 50 }))
  await bench('shelf list, newest first', PAGE, () => call('backlog.list', { sort: 'newest', limit: 50 }))
  await bench('shelf list, by slot', PAGE, () => call('backlog.list', { sort: 'slot', limit: 50 }))
  for (const age of ['d0_7', 'd31_60', 'd90plus'] as const) {
    await bench(`shelf list, age ${age}`, PAGE, () => call('backlog.list', { age, limit: 50 }))
  }
  await bench('shelf list, one service', PAGE, () =>
    call('backlog.list', { serviceCode: service, limit: 50 }),
  )
  await bench('shelf list, oldest slot', PAGE, () => call('backlog.list', { slot, limit: 50 }))
  await bench('shelf list, SMS failed', PAGE, () => call('backlog.list', { sms: 'failed', limit: 50 }))
  await bench('shelf list, never sent', PAGE, () => call('backlog.list', { sms: 'never-sent', limit: 50 }))
  await bench('shelf list, service + SMS + age', PAGE, () =>
    call('backlog.list', { serviceCode: service, sms: 'delivered', age: 'd90plus', limit: 50 }),
  )
  // Page 21: the cursor of page 20, so the timing is of the 21st page alone.
  let cursor: string | undefined
  for (let i = 0; i < 20; i++) {
    const p = (await call('backlog.list', { limit: 50, ...(cursor ? { cursor } : {}) })) as {
      nextCursor: string | null
    }
    cursor = p.nextCursor ?? undefined
  }
  expect(cursor).toBeDefined()
  await bench('shelf list, page 21', PAGE, () => call('backlog.list', { limit: 50, cursor: cursor! }))
  await bench('call list', PAGE, () => call('backlog.callList', { limit: 50 }))
  await bench('call list, not yet called', PAGE, () =>
    call('backlog.callList', { notCalled: true, limit: 50 }),
  )
  await bench('overdue list', PAGE, () => call('overdue.list', { limit: 50 }))
  await bench('overdue list, one agency', PAGE, () =>
    call('overdue.list', { agency: 'National Registration Bureau (NRB)', limit: 50 }),
  )
})
