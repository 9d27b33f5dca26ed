import { expect, test, type Locator, type Page } from '@playwright/test'
import { en, sw } from '../../common/i18n'
import { ADMIN, CLERK, DESK, session, type ApiCall } from './fixtures/desk'
import { onTimeline, startHost, type RunningHost } from './fixtures/host'

/**
 * A busy counter's PC is a 1366×768 screen: the counter desk (the whole registration form and its Register
 * button: empty, with every field's error showing, and with a receipt beside it) and the collection desk (a
 * customer's two documents and the hand-over button, owner and proxy) fit it without the page scrolling, in
 * English and in Kiswahili, in normal type. The workstation slot is not confirmed here (no central
 * API), so the counter's standing slot warning is on screen too, as on a new PC.
 */
// Each language registers its own customer (one ID number would be an open application already).
const LANGUAGES = [
  {
    code: 'en',
    name: 'English',
    m: en,
    signIn: en.auth.signIn.submit,
    idNumber: '30111222',
    idReplacement: 'National ID card (replacement)',
  },
  {
    code: 'sw',
    name: 'Kiswahili',
    m: sw,
    signIn: sw.auth.signIn.submit,
    idNumber: '30111223',
    idReplacement: 'Kitambulisho cha Taifa (mbadala)',
  },
] as const
const VIEWPORT = { width: 1366, height: 768 }

let host: RunningHost
/** Wanjiku's two documents, on the shelf for the hand-over. */
const wanjiku = { customerName: 'Wanjiku Kamau', phone: '0712 345 678', idNumber: '23456789' }
let onShelf = ''

test.describe.configure({ mode: 'serial' })
test.use({ viewport: VIEWPORT })

test.beforeAll(async ({ browser }) => {
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
  const clerk = await session(browser, host.url)
  await clerk.call('auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
  const register = (serviceCode: string): Promise<{ application: { trackingNumber: string } }> =>
    clerk.call('application.register', { serviceCode, ...wanjiku, language: 'en', smsConsent: true })
  const tns = [
    (await register('BIRTH_CERT')).application.trackingNumber,
    (await register('GOOD_CONDUCT')).application.trackingNumber,
  ]
  const desk = await session(browser, host.url)
  await desk.call('auth.signIn', { staffNumber: DESK.staffNumber, pin: DESK.pin })
  await arrive(desk.call, tns)
  onShelf = tns[0] ?? ''
  await Promise.all([admin.context.close(), clerk.context.close(), desk.context.close()])
})

test.afterAll(async () => {
  await host?.stop()
})

async function arrive(call: ApiCall, codes: string[]): Promise<void> {
  const batch = await call<{ id: number }>('arrivals.openBatch', { agency: 'Civil Registration Services' })
  for (const code of codes) await call('arrivals.scan', { batchId: batch.id, code })
  await call('arrivals.closeBatch', { batchId: batch.id })
}

async function signIn(
  page: Page,
  lang: (typeof LANGUAGES)[number],
  who: { staffNumber: string; pin: string },
): Promise<void> {
  await onTimeline(page, host.timeline)
  await page.goto(host.url)
  await page.locator('label', { hasText: lang.name }).first().click()
  await page.getByLabel(lang.m.auth.signIn.staffNumber).fill(who.staffNumber)
  await page.getByLabel(/^PIN/).fill(who.pin)
  await page.getByRole('button', { name: lang.signIn }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', lang.code)
}

/** How tall the page is against the window, measured once fonts and layout have settled. */
async function heights(page: Page): Promise<{ scrollHeight: number; innerHeight: number }> {
  await page.evaluate(() => document.fonts.ready)
  return page.evaluate(() => ({
    scrollHeight: document.scrollingElement?.scrollHeight ?? Number.POSITIVE_INFINITY,
    innerHeight: window.innerHeight,
  }))
}

/** The page does not scroll, and `button` is wholly inside the window. */
async function fits(page: Page, button: Locator, name: string): Promise<void> {
  await expect(button).toBeVisible()
  const h = await heights(page)
  const box = await button.boundingBox()
  test.info().annotations.push({
    type: 'height',
    description: `${name}: page ${h.scrollHeight} of ${h.innerHeight}, button bottom ${Math.round((box?.y ?? 0) + (box?.height ?? 0))}`,
  })
  await page.screenshot({ path: `/tmp/counter768-${name}.png` })
  expect(h.innerHeight).toBe(VIEWPORT.height)
  expect.soft(h.scrollHeight, `${name}: page height against the window`).toBeLessThanOrEqual(h.innerHeight)
  expect(box, `${name}: the button has a box`).not.toBeNull()
  expect.soft(box?.y ?? -1, `${name}: the button's top`).toBeGreaterThanOrEqual(0)
  expect
    .soft((box?.y ?? 0) + (box?.height ?? 0), `${name}: the button's bottom`)
    .toBeLessThanOrEqual(h.innerHeight)
  expect
    .soft((box?.x ?? 0) + (box?.width ?? 0), `${name}: the button's right edge`)
    .toBeLessThanOrEqual(VIEWPORT.width)
}

for (const lang of LANGUAGES) {
  test(`${lang.name}: the counter desk fits 1366×768 with its Register button in view, before and after a registration`, async ({
    page,
  }) => {
    const m = lang.m.counter.register
    await signIn(page, lang, CLERK)
    await expect(page.getByRole('heading', { name: m.title })).toBeVisible()
    // The service picker has the focus with its list closed (test/e2e/keyboard-only.spec.ts opens it).
    await expect(page.getByPlaceholder(m.servicePlaceholder)).toBeFocused()
    await expect(page.getByRole('listbox')).toBeHidden()
    await expect(page.getByRole('note', { name: lang.m.counter.slot.label })).toBeVisible()
    const submit = page.getByRole('button', { name: m.submit })
    await fits(page, submit, `${lang.code}-counter`)

    // A replacement ID: its ID number is required and its agency reference label carries the waiting-card hint.
    // Register with nothing typed: every field's error shows, and the button stays in view.
    await page.getByPlaceholder(m.servicePlaceholder).click()
    await page.getByRole('option', { name: lang.idReplacement }).click()
    await submit.click()
    await expect(page.getByLabel(m.customerName)).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel(m.phone)).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel(new RegExp(`^${m.idNumber}`))).toHaveAttribute('aria-invalid', 'true')
    await fits(page, submit, `${lang.code}-counter-errors`)

    // The receipt panel beside the form, with its receipt image, keeps the page to the window too.
    await page.getByLabel(m.customerName).fill('Otieno Ochieng')
    await page.getByLabel(m.phone).fill('0722 000 111')
    await page.getByLabel(new RegExp(`^${m.idNumber}`)).fill(lang.idNumber)
    await page.getByLabel(new RegExp(`^${m.agencyRef}`)).fill('318204977')
    await submit.click()
    await expect(page.getByTestId('last-tracking-number')).toBeVisible()
    await expect(page.getByLabel(m.customerName)).toHaveValue('')
    await expect(page.getByRole('listbox')).toBeHidden()
    await fits(page, submit, `${lang.code}-counter-receipt`)
  })

  test(`${lang.name}: the collection desk fits 1366×768 with its hand-over button in view, owner and proxy`, async ({
    page,
  }) => {
    const m = lang.m.collection
    await signIn(page, lang, DESK)
    await page.getByRole('navigation').getByText(lang.m.shell.nav.collection.label).click()
    const scan = page.getByLabel(m.lookup.label)
    await expect(scan).toBeVisible()
    await fits(page, scan, `${lang.code}-collection`)

    await scan.fill(onShelf)
    await scan.press('Enter')
    const handOver = page.getByRole('button', {
      name: lang.m.collection.handover.submit_other.replace('{{count}}', '2'),
    })
    await fits(page, handOver, `${lang.code}-collection-owner`)
    await page.getByText(m.handover.proxy, { exact: true }).click()
    await expect(page.getByLabel(m.handover.proxyName)).toBeVisible()
    await fits(page, handOver, `${lang.code}-collection-proxy`)
  })
}
