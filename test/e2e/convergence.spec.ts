import { expect, test, type Page } from '@playwright/test'
import path from 'node:path'
import { formatTrackingNumber } from '../../common/tracking-number'
import { startCentralSim, type CentralSim } from '../peers/central-sim'
import { ADMIN, apiCaller, type ApiCall } from './fixtures/desk'
import { startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * One centre, three workstations, one central API: counter A and counter B (two browser hosts, two data dirs) and
 * the collection desk (a third). A customer registers at counter A; the desk, which has never seen the number,
 * scans the finished document onto the shelf, the "ready" SMS goes out and is reported delivered, the customer
 * collects it; afterwards all three PCs hold the same application, and the desk showed the SMS outcome.
 */

const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const CLERK = { staffNumber: 'CLK001', name: 'Brian Otieno', pin: '5937' }
const DESK = { staffNumber: 'DSK001', name: 'Faith Chebet', pin: '7391' }

interface Station {
  host: RunningHost
  call: ApiCall
}

let sim: CentralSim
const stations: Record<'a' | 'b' | 'desk', Station> = {} as never

test.beforeAll(async ({ browser }) => {
  // The three PCs and the central API on one clock, as a centre's machines are (near enough).
  const clock = timeline()
  sim = await startCentralSim({
    enrolmentCodes: { '042': ['CTR-A-042', 'CTR-B-042', 'DESK-042'] },
    now: () => clock.now(),
  })
  const plan = [
    ['a', '01', 'CTR-A-042'],
    ['b', '02', 'CTR-B-042'],
    ['desk', '03', 'DESK-042'],
  ] as const
  for (const [name, slot, code] of plan) {
    const host = await startHost({ timeline: clock })
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(host.url)
    const call = apiCaller(page.request, host.url)
    await call('setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: slot,
      admin: ADMIN,
    })
    await call('staff.create', { ...CLERK, role: 'clerk' })
    await call('staff.create', { ...DESK, role: 'desk' })
    // The ready SMS leaves as soon as the document is shelved, so the test need not wait half an hour.
    await call('settings.update', { readyGraceMinutes: 0 })
    await call('sync.enrol', { apiUrl: sim.url, enrolmentCode: code })
    stations[name] = { host, call }
  }
})
test.afterAll(async () => {
  await sim?.close()
  for (const s of Object.values(stations)) await s.host.stop()
})

async function signIn(page: Page, url: string, who: { staffNumber: string; pin: string }): Promise<void> {
  await page.goto(url)
  await page.getByLabel('Staff number').fill(who.staffNumber)
  await page.getByLabel(/^PIN/).fill(who.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

const syncAll = async (): Promise<void> => {
  for (let pass = 0; pass < 2; pass++) for (const s of Object.values(stations)) await s.call('sync.now', {})
}

test('registered on counter A, shelved and handed over at the desk: all three workstations agree', async ({
  browser,
}) => {
  // Counter A: the clerk registers the customer.
  const counter = await (await browser.newContext()).newPage()
  await counter.setViewportSize({ width: 1366, height: 768 })
  await signIn(counter, stations.a.host.url, CLERK)
  await expect(counter.getByRole('heading', { name: 'New application' })).toBeVisible()
  await counter.getByPlaceholder('Type to find a service').click()
  await counter.getByRole('option', { name: 'Birth certificate' }).click()
  await counter.getByLabel('Customer name').fill('Wanjiku Kamau')
  await counter.getByLabel('Phone (for SMS)').fill('0712 345 678')
  await counter.getByLabel(/^ID number/).fill('23456789')
  await counter.getByLabel('Customer name').press('Control+Enter')
  const shown = counter.getByTestId('last-tracking-number')
  await expect(shown).toBeVisible()
  const tn = ((await shown.textContent()) ?? '').replace(/\s/g, '')
  expect(tn).toMatch(/^042\d{9}$/)
  // Counter A pushes within seconds of the commit, without anyone pressing "Sync now".
  await expect
    .poll(async () => (await stations.a.call<{ queueDepth: number }>('sync.status', {})).queueDepth, {
      timeout: 10_000,
    })
    .toBe(0)

  // The desk: the document arrives from the agency and is scanned by keyboard.
  const desk = await (await browser.newContext()).newPage()
  await desk.setViewportSize({ width: 1366, height: 768 })
  await signIn(desk, stations.desk.host.url, DESK)
  await desk.getByRole('navigation', { name: 'Desks' }).getByText('Arrivals', { exact: true }).click()
  await desk.getByLabel('From agency').fill('Civil Registration Services')
  await desk.getByRole('button', { name: 'Open batch and start scanning' }).click()
  const field = desk.getByLabel('Scan a document')
  await field.fill(formatTrackingNumber(tn))
  await field.press('Enter')
  const row = desk.getByRole('table', { name: 'Scans in this batch' }).getByRole('row').first()
  await expect(row).toContainText(formatTrackingNumber(tn))
  await expect(row).toContainText('Wanjiku Kamau')
  await desk.screenshot({ path: path.join(SHOTS, 'convergence-desk-arrival.png') })

  // The ready SMS leaves the desk, the gateway delivers it, and the outcome comes back to every PC.
  const smsAtDesk = async (): Promise<string | undefined> => {
    sim.deliver()
    await syncAll()
    const found = await stations.desk.call<{ ready: { sms: { state: string } }[] }>('collection.lookup', {
      code: tn,
    })
    return found.ready[0]?.sms.state
  }
  await expect.poll(smsAtDesk, { timeout: 20_000 }).toBe('delivered')

  await desk.getByRole('navigation', { name: 'Desks' }).getByText('Collection', { exact: true }).click()
  const find = desk.getByLabel('Find documents to hand over')
  await find.fill(tn)
  await find.press('Enter')
  await expect(desk.getByTestId('sms-status')).toHaveText('SMS delivered')
  await desk.getByText('The owner', { exact: true }).click()
  await desk.getByLabel("Owner's ID number (from the ID card)").fill('23456789')
  await desk.screenshot({ path: path.join(SHOTS, 'convergence-desk-handover.png') })
  await desk.getByRole('button', { name: /^Hand over 1 document/ }).click()
  await expect(desk.getByText('1 document marked collected.')).toBeVisible()
  await syncAll()

  // Every workstation: the same application, collected, from the same shelf slot, with the same events.
  const views = await Promise.all(
    Object.values(stations).map((s) =>
      s.call<{
        status: string
        customerName: string
        arrivedAt: number
        collectedAt: number
        timeline: unknown[]
      }>('application.get', { trackingNumber: tn }),
    ),
  ).catch((err: unknown) => {
    throw new Error(`application.get as admin failed: ${String(err)}`)
  })
  for (const v of views) {
    expect(v).toMatchObject({ status: 'collected', customerName: 'Wanjiku Kamau' })
    expect(v.arrivedAt).toBe(views[0]?.arrivedAt)
    expect(v.collectedAt).toBe(views[0]?.collectedAt)
    expect(v.timeline.length).toBe(views[0]?.timeline.length)
  }
  // And the central API holds each event exactly once.
  expect(new Set(sim.eventIds()).size).toBe(sim.eventIds().length)

  // Counter A's clerk sees the collection in the application drawer.
  await counter.getByLabel('Find an application').fill(tn)
  await counter.getByLabel('Find an application').press('Enter')
  const drawer = counter.getByRole('dialog')
  await expect(drawer.getByText('Collected', { exact: true }).first()).toBeVisible()
  await expect(drawer).toContainText('SMS delivered')
  await counter.screenshot({ path: path.join(SHOTS, 'convergence-counter-a.png') })
})
