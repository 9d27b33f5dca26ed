import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sw } from '../../common/i18n'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { apiCaller } from './fixtures/desk'
import { onTimeline, startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * #16's walk for a centre's IT officer, in Kiswahili, in the browser host: the previous PC saves its settings file;
 * the new PC is set up from scratch in Kiswahili and opens that file; then a shift runs on it in Kiswahili — a
 * clerk registers an application and gets its receipt, the desk officer shelves the document and hands it over to
 * its owner after checking the ID. (The installer itself cannot run here: see docs/RELEASE.md.) Every label comes
 * from the Kiswahili messages, so the test reads the screens as a Kiswahili speaker does.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `sw-shift-${name}.png`) })
const starts = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)

const ADMIN = { staffNumber: 'ADM002', name: 'Zawadi Achieng', pin: '583926' }
const CLERK = { staffNumber: 'CLK009', name: 'Baraka Mwangi', pin: '2846' }
const DESK = { staffNumber: 'DSK009', name: 'Neema Wambui', pin: '7391' }
const CUSTOMER = { name: 'Halima Abdi', phone: '0712 345 678', idNumber: '26543210' }
/** A grace time no default has, to show the file's settings arrived. */
const GRACE_MINUTES = 47

let previous: RunningHost
let fresh: RunningHost
test.describe.configure({ mode: 'serial' })
test.use({ actionTimeout: 15_000 })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-sw-prev-'))
  const clock = timeline()
  await seedDemo({ dataDir, documents: 200, seed: 5, now: clock.now() })
  previous = await startHost({ dataDir, timeline: clock })
  fresh = await startHost({ timeline: clock })
})
test.afterAll(async () => {
  await previous?.stop()
  await fresh?.stop()
})

async function signIn(page: Page, who: { staffNumber: string; pin: string }): Promise<void> {
  await page.locator('label', { hasText: 'Kiswahili' }).first().click()
  await page.getByLabel(starts(sw.auth.signIn.staffNumber)).fill(who.staffNumber)
  await page.getByLabel(starts(sw.auth.signIn.pin)).fill(who.pin)
  await page.getByRole('button', { name: sw.auth.signIn.submit }).click()
  await expect(page.getByTestId('signed-in-name')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sw')
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: sw.shell.header.signOut }).click()
  await expect(page.getByRole('button', { name: sw.auth.signIn.submit })).toBeVisible()
}

test('the new PC is set up from the previous PC’s settings file, and a shift runs on it in Kiswahili', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await onTimeline(page, previous.timeline)

  // The previous PC: its administrator saves the centre's settings to a file.
  await page.goto(previous.url)
  await signIn(page, DEMO_STAFF.admin)
  await apiCaller(page.request, previous.url)('settings.update', { readyGraceMinutes: GRACE_MINUTES })
  await page.keyboard.press('Alt+5')
  await page.getByRole('tab', { name: sw.settings.tabs.settingsFile }).click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: sw.settings.settingsFile.save }).click()
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-sw-file-')), 'centre-settings.json')
  await (await download).saveAs(file)
  await shot(page, 'previous-pc-export')

  // The new PC, first run, in Kiswahili: a centre of its own number, slot 02, and its administrator.
  await page.goto(fresh.url)
  await page.locator('label', { hasText: 'Kiswahili' }).first().click()
  await expect(page.getByRole('heading', { name: sw.setup.title })).toBeVisible()
  await page.getByLabel(starts(sw.setup.fields.centreNumber)).fill('042')
  await page.getByLabel(starts(sw.setup.create.centreName)).fill('Huduma Centre GPO')
  await page.getByLabel(starts(sw.setup.fields.workstationSlot)).fill('02')
  await page.getByLabel(starts(sw.setup.create.staffNumber)).fill(ADMIN.staffNumber)
  await page.getByLabel(starts(sw.setup.create.fullName)).fill(ADMIN.name)
  await page
    .getByLabel(new RegExp(`^${sw.setup.create.pin}\\b`))
    .first()
    .fill(ADMIN.pin)
  await page.getByLabel(starts(sw.setup.create.repeatPin)).fill(ADMIN.pin)
  await shot(page, 'setup')
  await page.getByRole('button', { name: sw.setup.create.submit }).click()
  await expect(page.getByTestId('signed-in-name')).toHaveText(ADMIN.name)
  await expect(page.locator('html')).toHaveAttribute('lang', 'sw')

  // It opens the previous PC's file: the centre's settings are now this PC's too.
  await page.keyboard.press('Alt+5')
  await page.getByRole('tab', { name: sw.settings.tabs.settingsFile }).click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: sw.settings.settingsFile.open }).click()
  await (await chooser).setFiles(file)
  await expect(page.getByText(starts('Mipangilio kutoka'))).toBeVisible()
  const api = apiCaller(page.request, fresh.url)
  expect(await api<{ readyGraceMinutes: number }>('settings.get', {})).toMatchObject({
    readyGraceMinutes: GRACE_MINUTES,
  })
  await shot(page, 'settings-imported')
  await api('staff.create', { ...CLERK, role: 'clerk' })
  await api('staff.create', { ...DESK, role: 'desk' })
  await signOut(page)

  // The clerk registers an application and gets its receipt, all in Kiswahili.
  await signIn(page, CLERK)
  await expect(page.getByRole('heading', { name: sw.counter.register.title })).toBeVisible()
  const service = page.getByPlaceholder(sw.counter.register.servicePlaceholder)
  await service.fill('Cheti cha Kuzaliwa')
  await service.press('Enter')
  await page.getByLabel(starts(sw.counter.register.customerName)).fill(CUSTOMER.name)
  await page.getByLabel(starts(sw.counter.register.phone)).fill(CUSTOMER.phone)
  await page.getByLabel(starts(sw.counter.register.idNumber)).fill(CUSTOMER.idNumber)
  await page.getByRole('button', { name: starts(sw.counter.register.submit) }).click()
  const receipt = page.getByRole('img', { name: /^Stakabadhi \d/ })
  await expect(receipt).toBeVisible()
  const trackingNumber = ((await receipt.getAttribute('alt')) ?? '').replace(/\D/g, '')
  expect(trackingNumber).toMatch(/^04202\d{7}$/)
  // The customer's language started as the clerk's: the SMS is in Kiswahili and the receipt prints it first.
  const registered = await apiCaller(page.request, fresh.url)<{ language: string }>('application.get', {
    trackingNumber,
  })
  expect(registered.language).toBe('sw')
  await shot(page, 'counter-receipt')
  await signOut(page)

  // The desk officer shelves the document when it arrives, then hands it over to its owner.
  await signIn(page, DESK)
  await page.keyboard.press('Alt+2')
  await page.getByLabel(starts(sw.arrivals.open.agency)).fill('Civil Registration Services')
  await page.getByRole('button', { name: sw.arrivals.open.submit }).click()
  const scan = page.getByLabel(sw.arrivals.batch.scanLabel)
  await scan.fill(trackingNumber)
  await scan.press('Enter')
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'arrived')
  await shot(page, 'arrival')

  await page.keyboard.press('Alt+3')
  const find = page.getByLabel(sw.collection.lookup.label)
  await find.fill(trackingNumber)
  await find.press('Enter')
  await page.getByText(sw.collection.handover.owner, { exact: true }).click()
  await page.getByLabel(starts(sw.collection.handover.ownerId)).fill(CUSTOMER.idNumber)
  await page.getByRole('button', { name: /^Kabidhi hati 1/ }).click()
  await expect(page.getByText(sw.collection.handover.doneTitle, { exact: true })).toBeVisible()
  await shot(page, 'handed-over')
  const app = await apiCaller(page.request, fresh.url)<{ status: string }>('application.get', {
    trackingNumber,
  })
  expect(app.status).toBe('collected')
})
