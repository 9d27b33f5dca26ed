import { expect, test, type Page } from '@playwright/test'
import path from 'node:path'
import { newPinHint } from '../../common/contract/fields'
import { startHost, type RunningHost } from './fixtures/host'

/** First-run setup → sign-in → roles → lock → wrong-PIN lockout → idle lock, in Chromium against the browser host. */

const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) })

let host: RunningHost
test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  host = await startHost()
})
test.afterAll(async () => {
  await host?.stop()
})

async function signIn(page: Page, staffNumber: string, pin: string): Promise<void> {
  await page.getByLabel('Staff number').fill(staffNumber)
  await page.getByLabel(/^PIN/).fill(pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('first-run setup checks each field as it is typed, then signs the administrator in', async ({
  page,
}) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Set up this workstation' })).toBeVisible()
  await shot(page, 'setup')

  await page.getByLabel('Centre number').fill('42')
  await page.getByLabel('Workstation slot').click()
  await expect(page.getByText('Centre number is 3 digits, e.g. 042')).toBeVisible()
  await page.getByLabel('Centre number').fill('042')
  await page.getByLabel('Centre name').fill('Huduma Centre GPO')
  await page.getByLabel('Staff number').fill('adm001')
  await page.getByLabel('Full name').fill('Amina Wanjiru')
  await page.getByLabel(/^PIN/).fill('1234')
  await page.getByLabel('Repeat PIN').click()
  await expect(page.getByText('PIN is too easy to guess')).toBeVisible()
  await page.getByLabel(/^PIN/).fill('4826')
  await page.getByLabel('Repeat PIN').click()
  await expect(page.getByText("An administrator's PIN has at least 6 digits.")).toBeVisible()
  await page.getByLabel(/^PIN/).fill('482619')
  await page.getByLabel('Repeat PIN').fill('482691')
  await page.getByRole('button', { name: 'Create centre and sign in' }).click()
  await expect(page.getByText('The two PINs are not the same')).toBeVisible()
  await shot(page, 'setup-errors')
  await page.getByLabel('Repeat PIN').fill('482619')
  await page.getByRole('button', { name: 'Create centre and sign in' }).click()

  await expect(page.getByTestId('signed-in-name')).toHaveText('Amina Wanjiru')
  const desks = page.getByRole('navigation', { name: 'Desks' })
  for (const desk of ['Counter', 'Arrivals', 'Collection', 'Backlog', 'Settings']) {
    await expect(desks.getByText(desk, { exact: true })).toBeVisible()
  }
  await expect(page.getByRole('status', { name: 'Device and sync status' })).toContainText(
    'events waiting to send',
  )
  await shot(page, 'shell-admin')

  await desks.getByText('Settings', { exact: true }).click()
  await page.getByRole('button', { name: 'Add staff member' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add staff member' })
  await dialog.getByLabel('Staff number').fill('CLK001')
  await dialog.getByLabel('Full name').fill('Brian Otieno')
  await dialog.getByLabel(/^PIN/).fill('5937')
  await dialog.getByLabel('Repeat PIN').fill('5937')
  await dialog.getByRole('button', { name: 'Add staff member' }).click()
  await expect(page.getByText('Brian Otieno (CLK001) added.')).toBeVisible()
  await expect(dialog).toBeHidden()
  const staffTable = page.getByRole('table', { name: 'Staff' })
  await expect(staffTable.getByRole('row', { name: /CLK001/ })).toContainText('Counter clerk')
  await shot(page, 'settings-staff')

  await page.getByRole('tab', { name: 'Audit log' }).click()
  await expect(page.getByRole('table', { name: 'Audit log' })).toContainText('Staff member added')
  await shot(page, 'settings-audit')
})

test('a clerk sees only their desks, locks the screen and unlocks it with their PIN', async ({ page }) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Huduma Centre GPO' })).toBeVisible()
  await shot(page, 'sign-in')
  await signIn(page, 'CLK001', '5937')
  await expect(page.getByTestId('signed-in-name')).toHaveText('Brian Otieno')
  const desks = page.getByRole('navigation', { name: 'Desks' })
  await expect(desks.getByText('Counter', { exact: true })).toBeVisible()
  await expect(desks.getByText('Settings', { exact: true })).toBeVisible()
  await expect(desks.getByText('Backlog', { exact: true })).toHaveCount(0)
  await expect(desks.getByText('Arrivals', { exact: true })).toHaveCount(0)

  await page.keyboard.press('Control+L')
  await expect(page.getByRole('heading', { name: 'Workstation locked' })).toBeVisible()
  await page.getByLabel(/^PIN/).fill('0000')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('alert')).toContainText('Wrong staff number or PIN. 4 tries left')
  await shot(page, 'locked')
  await page.getByLabel(/^PIN/).fill('5937')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('heading', { name: 'Workstation locked' })).toHaveCount(0)
  await expect(page.getByTestId('signed-in-name')).toHaveText('Brian Otieno')
})

test('five wrong PINs lock the account for five minutes', async ({ page }) => {
  await page.goto(host.url)
  for (let i = 1; i <= 4; i++) {
    await signIn(page, 'CLK001', '1111')
    await expect(page.getByRole('alert')).toContainText(`${5 - i} ${5 - i === 1 ? 'try' : 'tries'} left`)
  }
  await signIn(page, 'CLK001', '1111')
  await expect(page.getByRole('alert')).toContainText('Account locked')
  await expect(page.getByRole('alert')).toContainText('5 wrong PINs: this account is locked until')
  // The right PIN does not get in while the account is locked.
  await signIn(page, 'CLK001', '5937')
  await expect(page.getByRole('alert')).toContainText('this account is locked until')
  await expect(page.getByTestId('signed-in-name')).toHaveCount(0)
  await shot(page, 'lockout')
})

test('an unattended window locks itself after the idle time', async ({ page }) => {
  await page.clock.install()
  await page.goto(host.url)
  await signIn(page, 'ADM001', '482619')
  await expect(page.getByTestId('signed-in-name')).toHaveText('Amina Wanjiru')
  await page.clock.fastForward('05:10')
  await expect(page.getByRole('heading', { name: 'Workstation locked' })).toBeVisible()
  await expect(page.getByText('Amina Wanjiru · Administrator (ADM001)')).toBeVisible()
})

test('setup at 1366×768 keeps every error and its button on screen; the favicon loads; the header shows the whole role badge', async ({
  page,
}) => {
  const fresh = await startHost()
  try {
    const icon = page.waitForResponse((r) => r.url().endsWith('/favicon.svg')).catch(() => null)
    await page.goto(fresh.url)
    await expect(page.getByRole('heading', { name: 'Set up this workstation' })).toBeVisible()

    // The favicon: linked, served, and allowed by the page's CSP (an image the CSP blocked would not load).
    const href = await page
      .locator('link[rel="icon"]')
      .evaluate((el) => (el instanceof HTMLLinkElement ? el.href : ''))
    expect(href).toBe(`${fresh.url}/favicon.svg`)
    const served = await page.request.get(href)
    expect(served.status()).toBe(200)
    expect(served.headers()['content-type']).toBe('image/svg+xml')
    const loads = await page.evaluate(
      (src) =>
        new Promise<boolean>((resolve) => {
          const img = new Image()
          img.onload = () => resolve(true)
          img.onerror = () => resolve(false)
          img.src = src
        }),
      href,
    )
    expect(loads).toBe(true)
    const browserAsked = await icon
    if (browserAsked) expect(browserAsked.status()).toBe(200)

    // Every field wrong at once: the card still fits, and the button is on screen.
    await page.getByLabel('Workstation slot').fill('')
    await page.getByRole('button', { name: 'Create centre and sign in' }).click()
    await expect(page.getByText('Centre number is 3 digits, e.g. 042')).toBeVisible()
    await expect(page.getByText(newPinHint('admin'))).toBeVisible()
    const errors = page.locator('.mantine-InputWrapper-error')
    await expect(errors).toHaveCount(6)
    await shot(page, 'setup-all-errors')
    const button = page.getByRole('button', { name: 'Create centre and sign in' })
    await expect(button).toBeInViewport({ ratio: 1 })
    const card = await page.locator('form').boundingBox()
    expect(card).not.toBeNull()
    expect((card?.y ?? 0) + (card?.height ?? 0)).toBeLessThanOrEqual(768)
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768)

    await page.getByLabel('Centre name').fill('Huduma Centre Nairobi GPO, Teleposta Towers, Kenyatta Avenue')
    await page.getByLabel('Centre number').fill('042')
    await page.getByLabel('Workstation slot').fill('01')
    await page.getByLabel('Staff number').fill('ADM001')
    await page.getByLabel('Full name').fill('Amina Wanjiru Mwangi-Otieno')
    await page.getByLabel(/^PIN/).fill('482619')
    await page.getByLabel('Repeat PIN').fill('482619')
    await button.click()
    await expect(page.getByTestId('signed-in-name')).toHaveText('Amina Wanjiru Mwangi-Otieno')

    const desks = page.getByRole('navigation', { name: 'Desks' })
    await desks.getByText('Settings', { exact: true }).click()
    await expect(page.getByText('1 staff member', { exact: true })).toBeVisible()
    const pins = { DSK001: '5937', MGR001: '593718' }
    for (const [staffNumber, role] of [
      ['DSK001', 'desk'],
      ['MGR001', 'manager'],
    ] as const) {
      const created = await page.request.post(`${fresh.url}/api/staff.create`, {
        data: { staffNumber, name: 'Wairimu Njeri Kamau-Odhiambo', role, pin: pins[staffNumber] },
        headers: { Origin: fresh.url },
      })
      expect(created.ok(), await created.text()).toBe(true)
    }
    await page.reload()
    await desks.getByText('Settings', { exact: true }).click()
    await expect(page.getByText('3 staff members', { exact: true })).toBeVisible()
    // Every field that sets a PIN says what the rule is.
    await page.getByRole('button', { name: 'Add staff member' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByText(newPinHint('clerk'))).toBeVisible()
    // The hint follows the role chosen: a manager's PIN is longer.
    await dialog.getByLabel('Role').click()
    await page.getByRole('option', { name: 'Centre manager' }).click()
    await expect(dialog.getByText(newPinHint('manager'))).toBeVisible()
    await shot(page, 'settings-add-staff-pin-hint')
    await page.keyboard.press('Escape')
    await page.getByRole('tab', { name: 'My PIN' }).click()
    await expect(page.getByText(newPinHint('admin'))).toBeVisible()
    await shot(page, 'settings-my-pin')

    // The whole role label shows beside the name, for each role, with a centre name of 60 characters.
    const badge = page.getByTestId('role-badge')
    const wholeBadge = async (label: string): Promise<void> => {
      await expect(badge).toHaveText(label)
      const fits = await badge.evaluate((el) => {
        const text = el.querySelector('.mantine-Badge-label') ?? el
        const b = el.getBoundingClientRect()
        return text.scrollWidth <= text.clientWidth && b.right <= window.innerWidth
      })
      expect(fits, `${label} is cut off`).toBe(true)
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 })
    }
    await wholeBadge('Administrator')
    await shot(page, 'shell-header-admin')
    for (const [staffNumber, label] of [
      ['DSK001', 'Collection desk'],
      ['MGR001', 'Centre manager'],
    ] as const) {
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.getByLabel('Staff number').fill(staffNumber)
      await page.getByLabel(/^PIN/).fill(pins[staffNumber])
      await page.getByRole('button', { name: 'Sign in' }).click()
      await wholeBadge(label)
      await shot(page, `shell-header-${staffNumber.toLowerCase()}`)
    }
  } finally {
    await fresh.stop()
  }
})
