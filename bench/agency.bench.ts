import { afterAll, beforeAll, expect, it } from 'vitest'
import type { MethodInput, MethodName } from '../common/contract'
import { nairobiDate, nairobiDay } from '../common/nairobi-time'
import type { Core } from '../main/core/create-core'
import { REPORT_OVERDUE_MAX } from '../main/services/manager/agency-turnaround-service'
import { DEMO_STAFF } from '../scripts/demo-seed/seed-demo'
import { demoClock, openDemoCentre } from './demo-centre'
import { percentile, report } from './report'

/**
 * The agency turnaround (issue 15) on the five-year, 5,000,000-document demo centre: every figure of the report on
 * its own and every agency.* read through the dispatcher (target < 100 ms, p50 and p99), and the largest agency's
 * 12-month report and export (target < 1 s). The demo centre has no arrival batches, so for the batch figures
 * 7,500 closed-batch summaries (five years of them) are put in for the run and taken out again after it.
 */
const RUNS = 300
const REPORT_RUNS = 50
const KEY = 'bench-agency'
const FIGURE = 100
const REPORT = 1000

let core: Core
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

async function bench(name: string, targetMs: number, runs: number, fn: () => unknown): Promise<void> {
  await fn()
  await fn()
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    ms.push(performance.now() - t0)
  }
  report(`agency ${name} p50`, percentile(ms, 50), 'ms', `< ${targetMs} ms`)
  report(`agency ${name} p99`, percentile(ms, 99), 'ms', `< ${targetMs} ms`)
}

const today = () => nairobiDate(clock.now())
const daysBefore = (n: number) => nairobiDate(clock.now() - n * 86_400_000)

/** Five years of closed batches against manifests, spread over the agencies, inside a savepoint. */
function withBatches<T>(fn: () => Promise<T>): Promise<T> {
  const db = core.store.db
  const agencies = core.store.services.all().map((s) => s.agency)
  db.exec('SAVEPOINT bench_batches')
  const insert = db.prepare(
    `INSERT INTO closed_batch_summaries (event_id, day, agency, expected, received, missing, unannounced)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const last = nairobiDay(clock.now())
  for (let i = 0; i < 7500; i++) {
    const expected = 20 + (i % 60)
    const missing = i % 7
    insert.run(
      `bench-${String(i).padStart(31, '0')}`,
      last - Math.floor(i / 4),
      agencies[i % agencies.length],
      expected,
      expected - missing,
      missing,
      i % 5,
    )
  }
  return fn().finally(() => db.exec('ROLLBACK TO bench_batches; RELEASE bench_batches'))
}

it('agency turnaround figures', { timeout: 30 * 60_000 }, async () => {
  const out = core.store.db
    .prepare("SELECT count(*) AS n FROM applications WHERE status = 'registered'")
    .get() as { n: number }
  process.stdout.write(`at the agencies: ${out.n}\n`)
  const q = core.store.manager.agency
  const year = { from: daysBefore(364), to: today() }
  const t = (await call('agency.turnaround', year)) as { agencies: { agency: string; arrived: number }[] }
  const largest = [...t.agencies].sort((a, b) => b.arrived - a.arrived)[0]!.agency
  process.stdout.write(`largest agency over 12 months: ${largest}\n`)
  const codes = core.store.services
    .all()
    .filter((s) => s.agency === largest)
    .map((s) => s.code)

  // The report's figures one by one, as the service reads them.
  await bench('figure still out (all services)', FIGURE, RUNS, () => q.stillOut(today()))
  await bench('figure overdue list, largest agency', FIGURE, RUNS, () =>
    q.overdue(today(), codes, REPORT_OVERDUE_MAX + 1),
  )
  await bench('figure sign-off', FIGURE, RUNS, () => q.signOff(largest, year.from, year.to))
  await bench('turnaround 30 days', FIGURE, RUNS, () =>
    call('agency.turnaround', { from: daysBefore(29), to: today() }),
  )
  await bench('turnaround 12 months', FIGURE, RUNS, () => call('agency.turnaround', year))
  await bench('turnaround 5 years', FIGURE, RUNS, () =>
    call('agency.turnaround', { from: daysBefore(5 * 365), to: today() }),
  )
  await bench('trend weekly 12 months', FIGURE, RUNS, () =>
    call('agency.trend', { ...year, granularity: 'week' }),
  )
  await bench('trend weekly 12 months, largest agency', FIGURE, RUNS, () =>
    call('agency.trend', { ...year, granularity: 'week', agency: largest }),
  )
  await bench('trend monthly 5 years', FIGURE, RUNS, () =>
    call('agency.trend', { from: daysBefore(5 * 365), to: today(), granularity: 'month' }),
  )
  await withBatches(async () => {
    const b = (await call('agency.batches', year)) as { agencies: unknown[] }
    expect(b.agencies.length).toBeGreaterThan(0)
    await bench('batches 12 months (7,500 batches in 5 years)', FIGURE, RUNS, () =>
      call('agency.batches', year),
    )
    await bench('batches 5 years', FIGURE, RUNS, () =>
      call('agency.batches', { from: daysBefore(5 * 365), to: today() }),
    )
  })
})

it('the largest agency’s 12-month report', { timeout: 30 * 60_000 }, async () => {
  const year = { from: daysBefore(364), to: today() }
  const t = (await call('agency.turnaround', year)) as { agencies: { agency: string; arrived: number }[] }
  const largest = [...t.agencies].sort((a, b) => b.arrived - a.arrived)[0]!.agency
  const r = (await call('agency.report', { agency: largest, ...year })) as {
    figures: { arrived: number; stillOutOverdue: number }
    overdue: unknown[]
  }
  process.stdout.write(
    `report: ${r.figures.arrived} arrived, ${r.figures.stillOutOverdue} overdue (${r.overdue.length} listed)\n`,
  )
  await bench('report, largest agency, 12 months', REPORT, REPORT_RUNS, () =>
    call('agency.report', { agency: largest, ...year }),
  )
  await bench('export (page + CSV), largest agency, 12 months', REPORT, REPORT_RUNS, () =>
    call('agency.exportReport', { agency: largest, ...year }),
  )
})
