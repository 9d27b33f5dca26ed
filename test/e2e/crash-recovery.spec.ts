import { expect, request, test, type APIRequestContext } from '@playwright/test'
import fs from 'node:fs'
import { startCentralSim, type CentralSim } from '../peers/central-sim'
import { startHost, type RunningHost } from './fixtures/host'
import { openDataDirDb } from '../../main/db/data-dir'

/**
 * Nothing acknowledged is lost: kill -9 the browser host while its outbox is being sent, start it again on the same
 * data, and every registered application is there and is accepted by the central API exactly once. Delivery is at
 * least once: the batch that was out when the process died was never answered, so the restart sends it again and
 * the API answers duplicate; the simulator counts every send, so a second send is seen, not hidden by its store.
 */
let sim: CentralSim
let host: RunningHost | null = null
let dataDir = ''

test.beforeAll(async () => {
  sim = await startCentralSim({ enrolmentCodes: { '042': ['DEMO-042'] } })
})
test.afterAll(async () => {
  await host?.stop()
  await sim?.close()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Customer names have letters only: 0 → 'Customer Aa', 27 → 'Customer Bb', … */
const nameFor = (i: number): string =>
  `Customer ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`

async function session(
  url: string,
): Promise<APIRequestContext & { call: (m: string, d: unknown) => Promise<unknown> }> {
  const ctx = await request.newContext({ baseURL: url, extraHTTPHeaders: { Origin: url } })
  await ctx.get('/')
  return Object.assign(ctx, {
    call: async (method: string, data: unknown) => {
      const res = await ctx.post(`/api/${method}`, { data })
      const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
      if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
      return body.value
    },
  })
}

test('kill -9 during the outbox drain loses nothing; each event is accepted once, only the unanswered batch is sent again', async () => {
  test.setTimeout(120_000)
  host = await startHost()
  dataDir = host.dataDir
  const admin = await session(host.url)
  await admin.call('setup.createCentre', {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: { staffNumber: 'ADM001', name: 'Amina Wanjiru', pin: '482619' },
  })
  await admin.call('staff.create', {
    staffNumber: 'CLK001',
    name: 'Brian Otieno',
    role: 'clerk',
    pin: '5937',
  })
  const clerk = await session(host.url)
  await clerk.call('auth.signIn', { staffNumber: 'CLK001', pin: '5937' })
  await admin.call('sync.enrol', { apiUrl: sim.url, enrolmentCode: 'DEMO-042' })
  await expect
    .poll(async () => ((await admin.call('sync.status', {})) as { queueDepth: number }).queueDepth, {
      timeout: 10_000,
    })
    .toBe(0)

  // From now on the central API is slow to answer, so batches are in flight (maybe stored, never acknowledged)
  // while the clerk keeps registering; the process is then killed in the middle of that.
  sim.setFaults({ latencyMs: 1200 })
  const registered: string[] = []
  for (let i = 0; i < 120; i++) {
    const r = (await clerk.call('application.register', {
      serviceCode: 'DEATH_CERT',
      customerName: nameFor(i),
      phone: '0712345678',
      idNumber: String(30_000_000 + i),
      language: 'en',
      smsConsent: false,
    })) as { application: { trackingNumber: string } }
    registered.push(r.application.trackingNumber)
  }
  await host.kill9()
  await admin.dispose()
  await clerk.dispose()
  const beforeRestart = sim.eventCount('042')

  sim.setFaults({ latencyMs: 0 })
  host = await startHost({ dataDir })
  const after = await session(host.url)
  await after.call('auth.signIn', { staffNumber: 'ADM001', pin: '482619' })
  await expect
    .poll(async () => ((await after.call('sync.status', {})) as { queueDepth: number }).queueDepth, {
      timeout: 30_000,
    })
    .toBe(0)
  await after.dispose()

  // Compare with what the killed-and-restarted workstation itself holds.
  const db = openDataDirDb(dataDir, { readonly: true })
  const local = (db.prepare('SELECT id FROM events ORDER BY seq').all() as { id: string }[]).map((r) => r.id)
  const apps = (
    db.prepare('SELECT tracking_number FROM applications').all() as { tracking_number: string }[]
  ).map((r) => r.tracking_number)
  db.close()
  await host.stop()
  host = null
  dataDir = ''
  expect(apps.sort()).toEqual([...registered].sort())
  // Some events had reached the API before the kill and the rest after the restart.
  expect(beforeRestart).toBeGreaterThan(0)
  expect(beforeRestart).toBeLessThan(local.length)
  expect(sim.eventIds()).toEqual(local)
  expect(new Set(sim.eventIds()).size).toBe(local.length)

  // How often each event was sent: once, or twice for the one batch in flight at the kill (one batch is out at a
  // time, and it is the head of the queue, so the twice-sent events are consecutive in seq order).
  const sends = sim.eventSends()
  const counts = local.map((id) => sends.get(id) ?? 0)
  expect(
    counts.every((n) => n === 1 || n === 2),
    counts.join(' '),
  ).toBe(true)
  const twice = counts.flatMap((n, i) => (n === 2 ? [i] : []))
  if (twice.length > 0) expect(twice.at(-1)! - twice[0]!).toBe(twice.length - 1)
  // Every send was answered: the first accepted, a repeat duplicate; nothing else reached the API's event store.
  const stats = sim.stats()
  expect(stats.accepted).toBe(local.length)
  expect(stats.duplicates).toBe(twice.length)
  expect(stats.rejected).toBe(0)
  expect([...sends.keys()].sort()).toEqual([...local].sort())
})
