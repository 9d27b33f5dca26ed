import { expect, test } from '@playwright/test'
import path from 'node:path'
import { startCentralSim, type CentralSim } from '../peers/central-sim'
import { startHost, type RunningHost } from './fixtures/host'

/** An administrator enrols the workstation with the central API in the UI; waiting events then reach it once. */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')

let host: RunningHost
let sim: CentralSim
test.beforeAll(async () => {
  host = await startHost()
  sim = await startCentralSim({ enrolmentCodes: { '042': ['DEMO-042'] } })
})
test.afterAll(async () => {
  await sim?.close()
  await host?.stop()
})

test('enrolling sends everything that waited in the outbox, and the status bar says online', async ({
  page,
}) => {
  await page.goto(host.url)
  const res = await page.request.post(`${host.url}/api/setup.createCentre`, {
    data: {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: '01',
      admin: { staffNumber: 'ADM001', name: 'Amina Wanjiru', pin: '482619' },
    },
    headers: { Origin: host.url },
  })
  expect(res.ok()).toBe(true)
  await page.reload()
  const status = page.getByRole('status', { name: 'Device and sync status' })
  await expect(status).toContainText('Sync: not set up')
  await page.getByRole('navigation', { name: 'Desks' }).getByText('Settings', { exact: true }).click()
  await page.getByRole('tab', { name: 'Sync' }).click()
  await expect(page.getByText('Not enrolled')).toBeVisible()

  await page.getByLabel('Central API address').fill(sim.url)
  await page.getByLabel('One-time enrolment code').fill('WRONG-1')
  await page.getByRole('button', { name: 'Enrol' }).click()
  await expect(page.getByRole('alert')).toContainText('The enrolment code was refused')

  await page.getByLabel('One-time enrolment code').fill('DEMO-042')
  await page.getByRole('button', { name: 'Enrol' }).click()
  await expect(page.getByText('This workstation is enrolled.')).toBeVisible()
  await expect(status).toContainText('Sync: ready', { timeout: 10_000 })
  await expect(status).toContainText('0 events waiting to send')
  // Setup wrote two events (workstation enrolled, first administrator): both arrive, once.
  expect(sim.eventCount('042')).toBe(2)
  await page.screenshot({ path: path.join(SHOTS, 'settings-sync.png') })
})
