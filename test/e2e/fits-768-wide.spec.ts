import { expect, test, type Locator, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { en, sw } from '../../common/i18n'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { onTimeline, startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * At 1366×768, in English, in Kiswahili and in English large type (header A+), the wide screens — the counter's
 * search results, Settings → Staff, → Workstation and → Services, and Backlog → Shelf, Call list, Agencies and Analytics — do not
 * scroll the page sideways, show every status badge whole, and keep each row's action button inside the window.
 * The centre is the demo seed (as accessibility-dialogs.spec.ts), on the injected timeline clock. Screenshots are
 * saved as test-results/screens/wide-*.png.
 */
const MODES = [
  { code: 'en', name: 'English', m: en, large: false },
  { code: 'sw', name: 'Kiswahili', m: sw, large: false },
  { code: 'en-large', name: 'English large type', m: en, large: true },
] as const
const VIEWPORT = { width: 1366, height: 768 }
const SCREENS = path.join('test-results', 'screens')

let host: RunningHost
test.use({ viewport: VIEWPORT, actionTimeout: 15_000 })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-fits-wide-'))
  const clock = timeline()
  // As manager.spec.ts: enough documents that some SMS failed (call list rows) and agencies have figures.
  await seedDemo({ dataDir, documents: 3000, seed: 7, now: clock.now() })
  host = await startHost({ dataDir, timeline: clock })
  fs.mkdirSync(SCREENS, { recursive: true })
})
test.afterAll(async () => {
  await host?.stop()
})

async function signIn(page: Page, mode: (typeof MODES)[number]): Promise<void> {
  await onTimeline(page, host.timeline)
  await page.goto(host.url)
  await page
    .locator('label', { hasText: mode.m === sw ? 'Kiswahili' : 'English' })
    .first()
    .click()
  await page.getByLabel(mode.m.auth.signIn.staffNumber).fill(DEMO_STAFF.admin.staffNumber)
  await page.getByLabel(/^PIN/).fill(DEMO_STAFF.admin.pin)
  await page.getByRole('button', { name: mode.m.auth.signIn.submit }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', mode.m === sw ? 'sw' : 'en')
  await expect(page.getByTestId('signed-in-name')).toHaveText(DEMO_STAFF.admin.name)
  const largeOn = page.getByRole('button', { name: mode.m.common.largeType.on })
  const largeOff = page.getByRole('button', { name: mode.m.common.largeType.off })
  // The PC remembers large type: set it as this mode wants, whatever the previous test left.
  if (mode.large && (await largeOn.count()) > 0) await largeOn.click()
  if (!mode.large && (await largeOff.count()) > 0) await largeOff.click()
  await expect(mode.large ? largeOff : largeOn).toBeVisible()
}

/** Waits for fonts and a quiet layout, then measures the page width and every visible badge's label. */
async function measure(page: Page): Promise<{ scrollWidth: number; innerWidth: number; cut: string[] }> {
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(400)
  return page.evaluate(() => {
    const cut: string[] = []
    for (const badge of document.querySelectorAll<HTMLElement>('.mantine-Badge-root')) {
      if (badge.offsetParent === null) continue
      const label = badge.querySelector<HTMLElement>('.mantine-Badge-label') ?? badge
      if (label.scrollWidth > label.clientWidth)
        cut.push(`${label.textContent ?? ''} (${label.scrollWidth}>${label.clientWidth})`)
    }
    // A segmented control's option ("Nafasi za kudumu") is cut the same way when its control is squeezed.
    for (const label of document.querySelectorAll<HTMLElement>('.mantine-SegmentedControl-label')) {
      if (label.offsetParent === null) continue
      if (label.scrollWidth > label.clientWidth)
        cut.push(`${label.textContent ?? ''} (${label.scrollWidth}>${label.clientWidth})`)
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, cut }
  })
}

/** No sideways page scroll, no cut badge, and every one of `buttons` wholly inside the window. */
async function fitsWide(page: Page, name: string, buttons?: Locator): Promise<void> {
  const r = await measure(page)
  await page.screenshot({ path: path.join(SCREENS, `wide-${name}.png`) })
  test
    .info()
    .annotations.push({ type: 'width', description: `${name}: page ${r.scrollWidth} of ${r.innerWidth}` })
  expect(r.innerWidth).toBe(VIEWPORT.width)
  expect.soft(r.scrollWidth, `${name}: page width against the window`).toBeLessThanOrEqual(r.innerWidth)
  expect.soft(r.cut, `${name}: badges whose label is cut`).toEqual([])
  if (!buttons) return
  const count = await buttons.count()
  expect(count, `${name}: rows with an action button`).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    const box = await buttons.nth(i).boundingBox()
    expect(box, `${name}: button ${i} has a box`).not.toBeNull()
    expect
      .soft((box?.x ?? 0) + (box?.width ?? 0), `${name}: button ${i}'s right edge`)
      .toBeLessThanOrEqual(VIEWPORT.width)
    expect.soft(box?.x ?? -1, `${name}: button ${i}'s left edge`).toBeGreaterThanOrEqual(0)
  }
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click()
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true')
}

for (const mode of MODES) {
  const { m } = mode
  test(`${mode.name}: the counter's search results, Settings → Staff, Workstation and Services and the Backlog lists fit 1366 px wide with whole badges and their row buttons in view`, async ({
    page,
  }) => {
    test.setTimeout(180_000)
    await signIn(page, mode)

    // Counter: a common first name lists applications in several states.
    await page.getByRole('navigation').getByText(m.shell.nav.counter.label).click()
    const find = page.getByLabel(m.counter.search.label)
    await find.fill('Wanjiku')
    await find.press('Enter')
    const results = page.getByRole('table', { name: m.counter.search.results })
    await expect(results.locator('tbody tr').first()).toBeVisible()
    await fitsWide(page, `${mode.code}-counter-search`)
    await page.keyboard.press('Escape')
    await expect(results).toHaveCount(0)

    // Collection: the scan field's hint is whole (measured in the input's own font against its text box).
    await page.getByRole('navigation').getByText(m.shell.nav.collection.label).click()
    const scan = page.getByLabel(m.collection.lookup.label)
    await expect(scan).toBeVisible()
    await page.evaluate(() => document.fonts.ready)
    const hint = await scan.evaluate((el) => {
      const input = el as HTMLInputElement
      const css = getComputedStyle(input)
      const ctx = document.createElement('canvas').getContext('2d')
      if (!ctx) throw new Error('no canvas')
      ctx.font = css.font
      const room = input.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight)
      return { text: Math.ceil(ctx.measureText(input.placeholder).width), room: Math.floor(room) }
    })
    await fitsWide(page, `${mode.code}-collection`)
    expect
      .soft(hint.text, `the scan hint's width against its box (${hint.room})`)
      .toBeLessThanOrEqual(hint.room)

    await page.getByRole('navigation').getByText(m.shell.nav.settings.label).click()
    await tab(page, m.settings.tabs.staff)
    const staff = page.getByRole('table', { name: m.settings.staff.table })
    await expect(staff.locator('tbody tr').first()).toBeVisible()
    await fitsWide(page, `${mode.code}-settings-staff`, staff.locator('tbody tr').getByRole('button'))
    await tab(page, m.settings.tabs.workstation)
    await expect(page.getByText(m.settings.workstation.fixedSlots, { exact: true })).toBeVisible()
    await page.getByText(m.settings.workstation.fixedSlots, { exact: true }).scrollIntoViewIfNeeded()
    await fitsWide(page, `${mode.code}-settings-workstation`)
    await tab(page, m.settings.tabs.services)
    const services = page.getByRole('table', { name: m.settings.services.table })
    await expect(services.locator('tbody tr').first()).toBeVisible()
    await fitsWide(page, `${mode.code}-settings-services`, services.locator('tbody tr').getByRole('button'))

    await page.getByRole('navigation').getByText(m.shell.nav.backlog.label).click()
    const shelf = page.getByRole('table', { name: m.backlog.shelfList.table })
    await expect(shelf.locator('tbody tr').first()).toBeVisible()
    // The list's heading and filters at the top of the window, for the screenshot.
    await page
      .getByRole('region', { name: m.backlog.shelfList.region })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await fitsWide(page, `${mode.code}-backlog-shelf`)

    await tab(page, m.backlog.tabs.calls)
    const calls = page.getByRole('table', { name: m.backlog.calls.table })
    await expect(calls.locator('tbody tr').first()).toBeVisible()
    await fitsWide(
      page,
      `${mode.code}-backlog-calls`,
      calls.locator('button', { hasText: m.backlog.calls.recordCall }),
    )

    await tab(page, m.backlog.tabs.agencies)
    const agencies = page.getByRole('table', { name: m.agencies.table.label })
    await expect(agencies.locator('tbody tr').first()).toBeVisible()
    await agencies.scrollIntoViewIfNeeded()
    await fitsWide(
      page,
      `${mode.code}-backlog-agencies`,
      agencies.locator('button', { hasText: m.agencies.table.reportButton }),
    )

    await tab(page, m.backlog.tabs.analytics)
    await expect(page.locator('.recharts-yAxis').first()).toBeVisible()
    await page.locator('.recharts-yAxis').last().scrollIntoViewIfNeeded()
    await fitsWide(page, `${mode.code}-backlog-analytics`)
    // Recharts breaks a tick label that is wider than its axis onto a second line (one tspan each).
    // The days chart's y-axis ticks (left axis: anchored at their end; the x-axis ticks are centred).
    const lines = await page
      .getByLabel(m.backlog.trends.daysChart)
      .locator('text[text-anchor="end"]')
      .evaluateAll((ts) => ts.map((t) => `${t.textContent ?? ''}:${t.querySelectorAll('tspan').length}`))
    expect(lines.length, 'y-axis tick labels').toBeGreaterThan(0)
    expect
      .soft(
        lines.filter((l) => !l.endsWith(':1')),
        'y-axis labels on two lines',
      )
      .toEqual([])
  })
}
