import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { assignSlot } from '../../common/shelf-slot'
import { formatTrackingNumber } from '../../common/tracking-number'
import { ADMIN, CLERK, DESK, session, signInAsDesk, type ApiCall } from './fixtures/desk'
import { startHost, type RunningHost } from './fixtures/host'

/**
 * A passport's agency reference (a service with no reference pattern) registered at the counter and scanned at
 * arrivals: the document goes to its arrival-week slot, whose label carries the ISO week-year. Two applications
 * sharing a reference make the desk choose, at arrivals and at hand-over. Keyboard scans only (no serial scanner
 * needed).
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) })

let host: RunningHost
let clerkCall: ApiCall
test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(SHOTS, { recursive: true })
  host = await startHost()
  const admin = await session(browser, host.url)
  await admin.call('setup.createCentre', {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: ADMIN,
  })
  await admin.call('staff.create', { ...CLERK, role: 'clerk' })
  await admin.call('staff.create', { ...DESK, role: 'desk' })
  await admin.context.close()
  const clerk = await session(browser, host.url)
  await clerk.call('auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
  clerkCall = clerk.call
})

test.afterAll(async () => {
  await host?.stop()
})

/** The week slot the desk must give a document of `serviceCode` that arrived at `arrivedAt` (Nairobi date). */
const slotFor = (arrivedAt: number, serviceCode: string): string => {
  const arrivedOn = new Date(arrivedAt + 3 * 3_600_000).toISOString().slice(0, 10)
  const r = assignSlot({ kind: 'week-service' }, { arrivedOn, serviceCode, occupancy: {} })
  if (!r.ok) throw new Error(r.message)
  return r.slot
}

async function openBatch(page: Page, agency: string): Promise<void> {
  await page.getByLabel('From agency').fill(agency)
  await page.getByRole('button', { name: 'Open batch and start scanning' }).click()
  await expect(page.getByRole('heading', { name: new RegExp(`^Batch \\d+: ${agency}$`) })).toBeVisible()
}

async function scanByKeyboard(page: Page, code: string): Promise<void> {
  const field = page.getByLabel('Scan a document')
  await field.fill(code)
  await field.press('Enter')
}

test('a passport registered at the counter with reference AK1234567 arrives by that reference onto a year-carrying slot', async ({
  page,
  browser,
}) => {
  // The counter: the clerk types the agency's reference into the form.
  await page.goto(host.url)
  await page.getByLabel('Staff number').fill(CLERK.staffNumber)
  await page.getByLabel(/^PIN/).fill(CLERK.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'New application' })).toBeVisible()
  await page.getByPlaceholder('Type to find a service').click()
  await page.getByRole('option', { name: 'Passport' }).click()
  await page.getByLabel('Customer name').fill('Otieno Ochieng')
  await page.getByLabel('Phone (for SMS)').fill('0722 000 111')
  await page.getByLabel(/^ID number/).fill('30111222')
  await page.getByLabel(/^Agency reference/).fill('AK1234567')
  await page.getByLabel('Customer name').press('Control+Enter')
  const tnText = page.getByTestId('last-tracking-number')
  await expect(tnText).toBeVisible()
  const tn = (await tnText.textContent())?.replace(/\s/g, '') ?? ''
  expect(tn).toMatch(/^\d{12}$/)

  // The desk, in another browser: the passport comes back from Immigration and its reference is scanned.
  const desk = await browser.newPage()
  await signInAsDesk(desk, host.url)
  await openBatch(desk, 'Immigration')
  await scanByKeyboard(desk, 'AK1234567')
  const feedback = desk.getByTestId('scan-feedback')
  await expect(feedback).toHaveAttribute('data-outcome', 'arrived')
  const headline = desk.getByTestId('scan-headline')
  await expect(headline).toHaveText(/^\d{2}W\d{2}-PP$/)
  const app = await clerkCall<{ arrivedAt: number | null; shelfSlot: string | null }>('application.get', {
    trackingNumber: tn,
  })
  expect(app.arrivedAt).not.toBeNull()
  await expect(headline).toHaveText(slotFor(app.arrivedAt ?? 0, 'PASSPORT'))
  expect(app.shelfSlot).toBe(await headline.textContent())
  await expect(feedback).toContainText(formatTrackingNumber(tn))
  await shot(desk, 'arrivals-agency-ref')
  await desk.close()
})

test('a reference two applications share: the desk is shown both and picks one', async ({ page }) => {
  const register = async (
    serviceCode: string,
    customerName: string,
    phone: string,
    idNumber: string,
  ): Promise<string> =>
    (
      await clerkCall<{ application: { trackingNumber: string } }>('application.register', {
        serviceCode,
        customerName,
        phone,
        idNumber,
        agencyRef: 'AK2000001',
        language: 'en',
        smsConsent: true,
      })
    ).application.trackingNumber
  const passport = await register('PASSPORT', 'Wanjiku Kamau', '0712 345 678', '23456789')
  const birth = await register('MARRIAGE_CERT', 'Achieng Odhiambo', '0723 456 789', '31234567')

  await signInAsDesk(page, host.url)
  await openBatch(page, 'Immigration')
  await scanByKeyboard(page, 'AK2000001')
  await expect(page.getByTestId('scan-headline')).toHaveText('Choose the application')
  const choice = page.getByRole('group', { name: 'Choose the application for AK2000001' })
  await expect(choice).toContainText('2 applications have reference AK2000001: which one is this?')
  await expect(choice).toContainText(formatTrackingNumber(passport))
  await expect(choice).toContainText('Passport · Wa••• Ka•••')
  await expect(choice).toContainText(formatTrackingNumber(birth))
  await expect(choice).toContainText('Od•••')
  // Nothing was put on the shelf for the desk.
  await expect(page.getByTestId('arrived-count')).toHaveText('0')
  await shot(page, 'arrivals-choose-application')

  await choice.getByRole('button', { name: `This one: ${formatTrackingNumber(passport)}` }).click()
  await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-outcome', 'arrived')
  await expect(page.getByTestId('scan-headline')).toHaveText(/^\d{2}W\d{2}-PP$/)
  await expect(page.getByTestId('arrived-count')).toHaveText('1')
  await expect(choice).toHaveCount(0)
  await shot(page, 'arrivals-chosen')

  // At hand-over the same reference lists nothing until the desk picks whose document it is.
  await page.getByRole('navigation', { name: 'Desks' }).getByText('Collection', { exact: true }).click()
  const find = page.getByLabel('Find documents to hand over')
  await find.fill('AK2000001')
  await find.press('Enter')
  const handoverChoice = page.getByRole('group', { name: 'Choose the application for AK2000001' })
  await expect(handoverChoice).toContainText('Passport · Wa••• Ka•••')
  await expect(page.getByTestId('handover-slot')).toHaveCount(0)
  await shot(page, 'collection-choose-application')
  await handoverChoice.getByRole('button', { name: `This one: ${formatTrackingNumber(passport)}` }).click()
  await expect(page.getByTestId('handover-slot')).toHaveText([/^\d{2}W\d{2}-PP$/])
  await expect(page.getByText('Wanjiku Kamau · Passport')).toBeVisible()
})
