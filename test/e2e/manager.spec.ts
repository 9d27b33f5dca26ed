import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { onTimeline, startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * The centre manager's backlog page in Chromium on a seeded five-year centre (3,000 documents from the demo seeder):
 * the figures add up to what the core counts, each opens its list, lists page and export, the keyboard works, a
 * call is recorded, the other tabs show their figures and charts, and the daily summary prints.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) })

let host: RunningHost
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-manager-'))
  // Seeded up to the moment the host's clock starts from, so its ages and periods are the host's.
  const clock = timeline()
  await seedDemo({ dataDir, documents: 3000, seed: 7, now: clock.now() })
  host = await startHost({ dataDir, timeline: clock })
})

test.afterAll(async () => {
  await host?.stop()
})

async function openBacklog(page: Page): Promise<void> {
  await onTimeline(page, host.timeline)
  await page.goto(host.url)
  await page.getByLabel('Staff number').fill(DEMO_STAFF.manager.staffNumber)
  await page.getByLabel(/^PIN/).fill(DEMO_STAFF.manager.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'New application' })).toBeVisible()
  // Alt+4 is the Backlog desk, as the navigation shows.
  await page.keyboard.press('Alt+4')
  await expect(page.getByRole('heading', { name: /documents waiting on the shelf/ })).toBeVisible()
}

/** The core's own figures, through the same API the page uses (the page's session cookie). */
async function api<T>(page: Page, method: string, data: unknown = {}): Promise<T> {
  const res = await page.request.post(`${host.url}/api/${method}`, { data, headers: { Origin: host.url } })
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true)
  const body = (await res.json()) as { ok: boolean; value: T }
  return body.value ?? (body as unknown as T)
}

test('the shelf figures add up and each opens its list', async ({ page }) => {
  await openBacklog(page)
  const summary = await api<{
    total: number
    byAge: { label: string; count: number }[]
    bySlot: { slot: string; count: number }[]
  }>(page, 'backlog.summary')
  expect(summary.total).toBeGreaterThan(20)
  expect(summary.byAge.reduce((s, b) => s + b.count, 0)).toBe(summary.total)
  await expect(
    page.getByRole('heading', {
      name: `${summary.total.toLocaleString('en')} documents waiting on the shelf`,
    }),
  ).toBeVisible()
  for (const b of summary.byAge) {
    await expect(
      // The figure's name is what it shows (count, then its label), then "open the list".
      page.getByRole('button', {
        name: new RegExp(`^${b.count.toLocaleString('en')}\\s*${escapeRegExp(b.label)}\\s*— open the list$`),
      }),
    ).toBeVisible()
  }
  await shot(page, 'manager-shelf')

  // The oldest bucket's list: every row over 90 days, oldest first.
  const over90 = summary.byAge.find((b) => b.label === 'Over 90 days')!
  await page.getByRole('button', { name: /^[\d,]+\s*Over 90 days/ }).click()
  const table = page.getByRole('table', { name: 'Shelf documents' })
  await expect(page.getByText(`of ${over90.count.toLocaleString('en')}`)).toBeVisible()
  const days = (await table.locator('tbody tr td:nth-child(7)').allInnerTexts()).map(Number)
  expect(days.length).toBe(Math.min(25, over90.count))
  expect(days.every((d) => d > 90)).toBe(true)
  expect([...days].sort((a, b) => b - a)).toEqual(days)
  await shot(page, 'manager-shelf-over-90')

  // Keyboard only: focus a figure, Enter opens its list.
  const d61 = summary.byAge.find((b) => b.label === '61–90 days')!
  await page.getByRole('button', { name: /^[\d,]+\s*61–90 days/ }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText(`of ${d61.count.toLocaleString('en')}`)).toBeVisible()

  // The oldest slot: the shelf to clear first.
  const oldest = summary.bySlot[0]!
  await page
    .getByRole('table', { name: 'By shelf slot, oldest first' })
    .getByRole('button', { name: oldest.slot, exact: true })
    .click()
  await expect(page.getByText(`of ${oldest.count.toLocaleString('en')}`)).toBeVisible()
  const slots = await table.locator('tbody tr td:nth-child(5)').allInnerTexts()
  expect(new Set(slots)).toEqual(new Set([oldest.slot]))
  await shot(page, 'manager-shelf-oldest-slot')
})

test('a list pages forward and back, and exports all its rows as CSV', async ({ page }) => {
  await openBacklog(page)
  const total = (await api<{ total: number }>(page, 'backlog.summary')).total
  const rows = page.getByRole('table', { name: 'Shelf documents' }).locator('tbody tr')
  await expect(page.getByText(`1–25 of ${total.toLocaleString('en')}`)).toBeVisible()
  // The first row's tracking number. The range label changes on the click, before the next page's rows arrive, so
  // the rows are waited for, not read once.
  const firstCell = rows.first().locator('td').first()
  const first = await firstCell.innerText()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByText(`26–50 of ${total.toLocaleString('en')}`)).toBeVisible()
  await expect(firstCell).not.toHaveText(first)
  await page.getByRole('button', { name: 'Previous' }).click()
  await expect(page.getByText(`1–25 of ${total.toLocaleString('en')}`)).toBeVisible()
  await expect(firstCell).toHaveText(first)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  // Names and phones leave the app: the PIN is asked again (focus in its field, Enter confirms).
  await expect(page.getByLabel('Your PIN')).toBeFocused()
  await page.keyboard.type(DEMO_STAFF.manager.pin)
  await page.keyboard.press('Enter')
  const file = await (await download).path()
  const lines = fs
    .readFileSync(file, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n')
  expect(lines[0]).toBe('Tracking number,Customer,Phone,Service,Slot,Arrived,Days on shelf,SMS')
  expect(lines.length - 1).toBe(total)
})

test('the call list records a phone call', async ({ page }) => {
  await openBacklog(page)
  await page.getByRole('tab', { name: 'Call list' }).click()
  const table = page.getByRole('table', { name: 'Call list' })
  await expect(table.locator('tbody tr').first()).toBeVisible()
  const firstRow = table.locator('tbody tr').first()
  const phone = await firstRow.locator('td:nth-child(3)').innerText()
  await shot(page, 'manager-call-list')
  await firstRow.getByRole('button', { name: 'Record call' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText(phone)).toBeVisible()
  await dialog.getByLabel('No answer').check()
  await dialog.getByLabel('Note (optional)').fill('Rang twice, no answer')
  await shot(page, 'manager-call-modal')
  await dialog.getByLabel('Note (optional)').press('Control+Enter')
  await expect(dialog).toBeHidden()
  await expect(
    table
      .locator('tbody tr')
      .filter({ hasText: phone })
      .getByText(/No answer/),
  ).toBeVisible()
})

test('overdue at the agency, analytics charts and the daily summary', async ({ page }) => {
  await openBacklog(page)
  await page.getByRole('tab', { name: 'Overdue at agency' }).click()
  const overdue = await api<{ total: number }>(page, 'overdue.summary')
  await expect(
    page.getByRole('heading', {
      name: `${overdue.total.toLocaleString('en')} documents overdue at the agency`,
    }),
  ).toBeVisible()
  await shot(page, 'manager-overdue')

  await page.getByRole('tab', { name: 'Analytics' }).click()
  const turnaround = page.getByRole('table', { name: 'Turnaround by service' })
  await expect(turnaround.getByRole('row', { name: /All services/ })).toBeVisible()
  await page.getByText('Last 12 months').click()
  await expect(page.locator('.recharts-surface').first()).toBeVisible()
  await expect(page.locator('.recharts-line').first()).toBeVisible()
  await shot(page, 'manager-analytics')
  await page.locator('.recharts-surface').first().scrollIntoViewIfNeeded()
  await shot(page, 'manager-analytics-charts')

  await page.evaluate(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => {
      ;(window as unknown as { printed: number }).printed++
    }
  })
  await page.getByRole('button', { name: 'Daily summary' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { name: /^Daily summary — / })).toBeVisible()
  await shot(page, 'manager-daily-summary')
  await dialog.getByRole('button', { name: 'Print' }).click()
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)
  await page.emulateMedia({ media: 'print' })
  await shot(page, 'manager-daily-summary-print')
})
