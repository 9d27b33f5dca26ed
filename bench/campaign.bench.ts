import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Core } from '../main/core/create-core'
import { DEMO_STAFF } from '../scripts/demo-seed/seed-demo'
import { openDemoCentre } from './demo-centre'
import { percentile, report } from './report'

/**
 * Campaign preview on a five-year, 5,000,000-document centre (target: under 2 s over 100,000 recipients), and the
 * return list beside it. The centre comes from the demo seeder (see `demo-centre.ts`).
 */
const RUNS = 5

let core: Core
const KEY = 'bench-manager'

beforeAll(async () => {
  core = await openDemoCentre()
  const { staffNumber, pin } = DEMO_STAFF.manager
  const signed = await core.dispatch(KEY, 'auth.signIn', { staffNumber, pin })
  if (!signed.ok) throw new Error(signed.error.message)
  // A working day's bench should not lock the session between runs.
  const admin = await core.dispatch('bench-admin', 'auth.signIn', {
    staffNumber: DEMO_STAFF.admin.staffNumber,
    pin: DEMO_STAFF.admin.pin,
  })
  if (!admin.ok) throw new Error(admin.error.message)
  await core.dispatch('bench-admin', 'settings.update', { idleLockMinutes: 60 })
}, 60 * 60_000)

afterAll(() => core?.close())

/** Times `fn` RUNS times after one untimed warm-up call (statements prepared, pages of the database cached). */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  await fn()
  const ms: number[] = []
  let last: T | undefined
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    last = await fn()
    ms.push(performance.now() - t0)
  }
  return { ms, last: last as T }
}

it('campaign preview over the whole shelf', async () => {
  const { ms, last } = await timed(async () => {
    const r = await core.dispatch(KEY, 'campaign.preview', {
      minDaysOnShelf: 0,
      serviceCodes: [],
      lastReminderOlderThanDays: 0,
    })
    if (!r.ok) throw new Error(r.error.message)
    return r.value as { recipients: number; documents: number; segments: number }
  })
  process.stdout.write(
    `campaign preview: ${last.recipients} recipients, ${last.documents} documents, ${last.segments} SMS\n`,
  )
  expect(last.recipients).toBeGreaterThan(0)
  report(
    `campaign preview (${Math.round(last.recipients / 1000)}k recipients) median`,
    percentile(ms, 50),
    'ms',
    '< 2000 ms',
  )
  report('campaign preview max', Math.max(...ms), 'ms', '< 2000 ms')
})

it('campaign preview for two services', async () => {
  const { ms, last } = await timed(async () => {
    const r = await core.dispatch(KEY, 'campaign.preview', {
      minDaysOnShelf: 7,
      serviceCodes: ['ID_NEW', 'BIRTH_CERT'],
      lastReminderOlderThanDays: 14,
    })
    if (!r.ok) throw new Error(r.error.message)
    return r.value as { recipients: number }
  })
  report(
    `campaign preview, 2 services (${Math.round(last.recipients / 1000)}k)`,
    percentile(ms, 50),
    'ms',
    '< 2000 ms',
  )
})

it('return list (first page and counts by agency)', async () => {
  const { ms, last } = await timed(async () => {
    const r = await core.dispatch(KEY, 'returns.due', { limit: 100 })
    if (!r.ok) throw new Error(r.error.message)
    return r.value as { total: number }
  })
  process.stdout.write(`returns due: ${last.total}\n`)
  report('return list page (100) + counts by agency', percentile(ms, 50), 'ms', '< 50 ms')
})

it('return list for one agency (smallest and largest)', async () => {
  const all = await core.dispatch(KEY, 'returns.due', { limit: 1 })
  if (!all.ok) throw new Error(all.error.message)
  const byAgency = (all.value as { byAgency: { agency: string; count: number }[] }).byAgency
  const largest = byAgency[0]
  const smallest = byAgency.at(-1)
  for (const [label, a] of [
    ['smallest', smallest],
    ['largest', largest],
  ] as const) {
    if (!a) continue
    const { ms } = await timed(async () => {
      const r = await core.dispatch(KEY, 'returns.due', { agency: a.agency, limit: 100 })
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    })
    report(`return list page, ${label} agency (${a.count})`, percentile(ms, 50), 'ms', '< 50 ms')
  }
})
