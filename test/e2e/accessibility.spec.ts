import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { en, sw } from '../../common/i18n'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { check } from './fixtures/axe'
import { onTimeline, startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * axe-core on every screen, in English and in Kiswahili (#16): no serious or critical violation of WCAG 2.1 A/AA
 * on the setup (both ways), sign-in and lock screens, each desk, every tab of the backlog and settings pages and
 * the staff dialog, on a seeded centre. Desks are reached by their Alt keys and tabs by position, so the tour is the same in both languages;
 * each screen is also saved as a 1366×768 screenshot.
 */
const LANGUAGES = [
  { code: 'en', name: 'English', signIn: 'Sign in' },
  { code: 'sw', name: 'Kiswahili', signIn: 'Ingia' },
] as const

let host: RunningHost
test.describe.configure({ mode: 'serial' })
test.use({ actionTimeout: 15_000 })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-a11y-'))
  const clock = timeline()
  await seedDemo({ dataDir, documents: 600, seed: 11, now: clock.now() })
  host = await startHost({ dataDir, timeline: clock })
})
test.afterAll(async () => {
  await host?.stop()
})

async function everyTab(page: Page, found: Record<string, string[]>, name: string): Promise<void> {
  const tabs = page.getByRole('tab')
  const count = await tabs.count()
  expect(count).toBeGreaterThan(2)
  for (let i = 0; i < count; i++) {
    await tabs.nth(i).click()
    await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true')
    await check(page, found, `${name}-${i + 1}`)
  }
}

for (const lang of LANGUAGES) {
  test(`every screen in ${lang.name} has no serious or critical axe violation`, async ({ page }) => {
    test.setTimeout(240_000)
    const found: Record<string, string[]> = {}
    await onTimeline(page, host.timeline)
    await page.goto(host.url)
    await page.locator('label', { hasText: lang.name }).first().click()
    await expect(page.getByRole('button', { name: lang.signIn })).toBeVisible()
    await check(page, found, `${lang.code}-sign-in`)

    await page.getByLabel(/^(Staff number|Nambari ya mfanyakazi)/).fill(DEMO_STAFF.admin.staffNumber)
    await page.getByLabel(/^PIN/).fill(DEMO_STAFF.admin.pin)
    await page.getByRole('button', { name: lang.signIn }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', lang.code)
    await expect(page.getByTestId('signed-in-name')).toHaveText(DEMO_STAFF.admin.name)

    for (const [key, desk] of [
      [1, 'counter'],
      [2, 'arrivals'],
      [3, 'collection'],
    ] as const) {
      await page.keyboard.press(`Alt+${key}`)
      await page.waitForTimeout(300)
      await check(page, found, `${lang.code}-${desk}`)
    }
    await page.keyboard.press('Alt+4')
    await everyTab(page, found, `${lang.code}-backlog`)
    await page.keyboard.press('Alt+5')
    await everyTab(page, found, `${lang.code}-settings`)

    // A dialog (the staff form, on the first tab) and the lock screen.
    const m = lang.code === 'en' ? en : sw
    await page.getByRole('tab').first().click()
    await page.getByRole('button', { name: m.settings.staff.add }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    // Measured once the dialog has finished fading in (colours mid-fade are not the dialog's).
    await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1')
    await expect(page.locator('.mantine-Modal-content')).toHaveCSS(
      'transform',
      /^(none|matrix\(1, 0, 0, 1, 0, 0\))$/,
    )
    await check(page, found, `${lang.code}-staff-form`)
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog')).toBeHidden()
    await page.keyboard.press('Control+L')
    await expect(page.getByRole('heading', { name: m.auth.lock.title })).toBeVisible()
    await check(page, found, `${lang.code}-lock`)

    expect(found).toEqual({})
  })

  test(`the first-run setup screen in ${lang.name} has no serious or critical axe violation`, async ({
    page,
  }) => {
    const fresh = await startHost()
    try {
      await page.goto(fresh.url)
      await page.locator('label', { hasText: lang.name }).first().click()
      const m = lang.code === 'en' ? en : sw
      await expect(page.getByRole('heading', { name: m.setup.title })).toBeVisible()
      const found: Record<string, string[]> = {}
      await check(page, found, `${lang.code}-setup`)
      await page.locator('label', { hasText: m.setup.joinCentre }).click()
      await check(page, found, `${lang.code}-setup-join`)
      expect(found).toEqual({})
    } finally {
      await fresh.stop()
    }
  })
}

test('large type makes the whole window bigger, stays on after signing in again, and passes axe', async ({
  page,
}) => {
  await onTimeline(page, host.timeline)
  await page.goto(host.url)
  await page.locator('label', { hasText: 'English' }).first().click()
  await page.getByLabel(/^Staff number/).fill(DEMO_STAFF.clerk.staffNumber)
  await page.getByLabel(/^PIN/).fill(DEMO_STAFF.clerk.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  const body = page.getByRole('heading', { name: 'New application' })
  await expect(body).toBeVisible()
  const before = await body.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  await page.getByRole('button', { name: 'Large text' }).click()
  await expect(page.getByRole('button', { name: 'Normal text' })).toHaveAttribute('aria-pressed', 'true')
  const after = await body.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))
  expect(after / before).toBeCloseTo(1.2, 1)
  const found: Record<string, string[]> = {}
  await check(page, found, 'en-counter-large')
  expect(found).toEqual({})

  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByLabel(/^Staff number/).fill(DEMO_STAFF.clerk.staffNumber)
  await page.getByLabel(/^PIN/).fill(DEMO_STAFF.clerk.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Normal text' })).toBeVisible()
  await page.getByRole('button', { name: 'Normal text' }).click()
  await expect(page.getByRole('button', { name: 'Large text' })).toHaveAttribute('aria-pressed', 'false')
})

test('the keyboard reaches the sign-in fields and button in order, and the focused control shows it', async ({
  page,
}) => {
  await page.goto(host.url)
  await expect(page.getByLabel(/^Staff number/)).toBeFocused()
  await page.keyboard.type(DEMO_STAFF.clerk.staffNumber)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel(/^PIN/)).toBeFocused()
  await page.keyboard.type(DEMO_STAFF.clerk.pin)
  // Past the PIN's show/hide toggle, to the button.
  const button = page.getByRole('button', { name: 'Sign in' })
  for (let i = 0; i < 3 && !(await button.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(button).toBeFocused()
  const outline = await button.evaluate((b) => {
    const s = getComputedStyle(b)
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) }
  })
  expect(outline.style).not.toBe('none')
  expect(outline.width).toBeGreaterThanOrEqual(2)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('signed-in-name')).toHaveText(DEMO_STAFF.clerk.name)
})

test('at the collection desk, typing after a click elsewhere goes into the scan field, first character included', async ({
  page,
}) => {
  await onTimeline(page, host.timeline)
  await page.goto(host.url)
  await page.getByLabel(/^Staff number/).fill(DEMO_STAFF.desk.staffNumber)
  await page.getByLabel(/^PIN/).fill(DEMO_STAFF.desk.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('signed-in-name')).toHaveText(DEMO_STAFF.desk.name)
  await page.keyboard.press('Alt+3')
  const scan = page.getByLabel('Find documents to hand over')
  await expect(scan).toBeFocused()
  // A click on the page takes the focus away, as a click on a list or a heading does at a busy desk.
  await page.getByTestId('signed-in-name').click()
  await expect(scan).not.toBeFocused()
  await page.keyboard.type('042001')
  await expect(scan).toBeFocused()
  await expect(scan).toHaveValue('042001')
})
