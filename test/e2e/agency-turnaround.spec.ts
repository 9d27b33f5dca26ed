import { expect, test, type Download, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {
  AgencyReport,
  AgencyTrendReport,
  AgencyTurnaroundReport,
  OverdueDocument,
  Page as ListPage,
} from '../../common/contract'
import { addCalendarDays, nairobiDate } from '../../common/nairobi-time'
import { formatTrackingNumber } from '../../common/tracking-number'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { onTimeline, startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * The manager's Agencies tab in Chromium on a seeded five-year centre: the on-time figures per agency are the ones
 * the core counts, an agency opens to its services from the keyboard, the trend switches to months, and the report
 * for the agency with the most overdue documents lists them with tracking numbers and agency references and no
 * customer's name, is signed off behind the PIN (a wrong one refused under the field) and is saved for sending.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) })

/** 0.873 → "87.3%", as a manager reads a share; written here again so the page is checked, not copied. */
const percent = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`)

let host: RunningHost
let period: { from: string; to: string }
test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-agency-'))
  const clock = timeline()
  await seedDemo({ dataDir, documents: 3000, seed: 7, now: clock.now() })
  host = await startHost({ dataDir, timeline: clock })
  // The tab opens on the last 90 days, counted back from the host's Nairobi day.
  const today = nairobiDate(clock.now())
  period = { from: addCalendarDays(today, -89), to: today }
})

test.afterAll(async () => {
  await host?.stop()
})

async function api<T>(page: Page, method: string, data: unknown = {}): Promise<T> {
  const res = await page.request.post(`${host.url}/api/${method}`, { data, headers: { Origin: host.url } })
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true)
  return ((await res.json()) as { value: T }).value
}

async function openAgencies(page: Page): Promise<void> {
  await onTimeline(page, host.timeline)
  await page.goto(host.url)
  await page.getByLabel('Staff number').fill(DEMO_STAFF.manager.staffNumber)
  await page.getByLabel(/^PIN/).fill(DEMO_STAFF.manager.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'New application' })).toBeVisible()
  await page.keyboard.press('Alt+4')
  await page.getByRole('tab', { name: 'Agencies' }).click()
  await expect(page.getByRole('table', { name: 'On time by agency' })).toBeVisible()
}

test('the Agencies tab shows the core’s on-time figures, opens an agency to its services and trends by month', async ({
  page,
}) => {
  await openAgencies(page)
  const figures = await api<AgencyTurnaroundReport>(page, 'agency.turnaround', period)
  expect(figures.agencies.length).toBeGreaterThan(1)
  expect(figures.total.arrived).toBeGreaterThan(0)

  const table = page.getByRole('table', { name: 'On time by agency' })
  // One row per agency plus the total, before any is opened; the header row besides.
  await expect(table.locator('tbody tr')).toHaveCount(figures.agencies.length + 1)
  for (const [i, a] of figures.agencies.entries()) {
    const cells = table.locator('tbody tr').nth(i).locator('td')
    await expect(cells.nth(0)).toHaveText(a.agency)
    await expect(cells.nth(1)).toHaveText(percent(a.onTimeRate))
    await expect(cells.nth(2)).toHaveText(a.arrived.toLocaleString('en'))
    await expect(cells.nth(3)).toHaveText(a.late.toLocaleString('en'))
    await expect(cells.nth(7)).toHaveText(a.stillOut.toLocaleString('en'))
    await expect(cells.nth(8)).toHaveText(a.stillOutOverdue.toLocaleString('en'))
  }
  const total = table.locator('tbody tr').last().locator('td')
  await expect(total.nth(0)).toHaveText('All agencies')
  await expect(total.nth(1)).toHaveText(percent(figures.total.onTimeRate))

  // Keyboard only: the first agency's toggle, Enter, and its services are listed under it.
  const first = figures.agencies.find((a) => a.services.length > 0)!
  const toggle = page.getByRole('button', { name: `Show the services of ${first.agency}` })
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: `Hide the services of ${first.agency}` })).toBeFocused()
  await expect(table.locator('tbody tr')).toHaveCount(figures.agencies.length + 1 + first.services.length)
  const service = first.services[0]!
  const serviceRow = table.locator('tbody tr', { has: page.getByText(service.serviceName, { exact: true }) })
  await expect(serviceRow.locator('td').nth(1)).toHaveText(percent(service.onTimeRate))

  // Got worse: the agencies whose rate fell, as many as the core's changes say, each in words.
  const weeks = await api<AgencyTrendReport>(page, 'agency.trend', { ...period, granularity: 'week' })
  const fell = weeks.changes.filter((c) => c.change !== null && Math.round(c.change * 1000) <= -1)
  const worse = page.getByRole('region', { name: 'Got worse this period' })
  if (fell.length === 0) await expect(worse).toContainText('No agency got worse this period.')
  else {
    await expect(worse.getByRole('listitem')).toHaveCount(fell.length)
    const worst = [...fell].sort((a, b) => a.change! - b.change!)[0]!
    await expect(worse.getByRole('listitem').first()).toContainText(`${worst.agency}: ↓`)
    await expect(worse.getByRole('listitem').first()).toContainText('points worse')
  }
  await expect(page.getByRole('table', { name: 'On time per week' }).locator('tbody tr')).toHaveCount(
    Math.max(1, weeks.points.length),
  )

  const months = await api<AgencyTrendReport>(page, 'agency.trend', { ...period, granularity: 'month' })
  await page.getByText('Per month', { exact: true }).click()
  const monthTable = page.getByRole('table', { name: 'On time per month' })
  await expect(monthTable.locator('tbody tr')).toHaveCount(Math.max(1, months.points.length))
  for (const [i, p] of months.points.entries()) {
    const cells = monthTable.locator('tbody tr').nth(i).locator('td')
    await expect(cells.nth(1)).toHaveText(p.arrived.toLocaleString('en'))
    await expect(cells.nth(2)).toHaveText(percent(p.onTimeRate))
  }
  await page.getByText('Per week', { exact: true }).click()
  await expect(page.getByRole('table', { name: 'On time per week' })).toBeVisible()
  // The agencies' table under the list of those that got worse, as a manager scrolls to it.
  await page.getByText(/^On time by agency/).evaluate((e) => e.scrollIntoView({ block: 'center' }))
  await shot(page, 'agency-turnaround')
})

test('the report for an agency: its overdue documents without customers, signed off behind the PIN, saved for sending', async ({
  page,
}) => {
  await openAgencies(page)
  const figures = await api<AgencyTurnaroundReport>(page, 'agency.turnaround', period)
  const agency = [...figures.agencies].sort((a, b) => b.stillOutOverdue - a.stillOutOverdue)[0]!
  expect(agency.stillOutOverdue).toBeGreaterThan(0)
  const expected = await api<AgencyReport>(page, 'agency.report', { agency: agency.agency, ...period })
  expect(expected.signedOff).toBeNull()
  // The customers behind this agency's overdue documents, as the overdue desk lists them: none may be in the report.
  const customers = await api<ListPage<OverdueDocument>>(page, 'overdue.list', {
    agency: agency.agency,
    limit: 100,
  })
  expect(customers.rows.length).toBeGreaterThan(0)

  const open = page.getByRole('button', { name: `Report for ${agency.agency}…` })
  await open.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: `Report for ${agency.agency}` })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Back to all agencies' })).toBeFocused()
  await expect(page.getByLabel('Figures')).toContainText(percent(expected.figures.onTimeRate))
  await expect(page.getByText('Not signed off yet: sign it off before you send it.')).toBeVisible()

  const overdue = page.getByRole('table', { name: 'Documents still overdue' })
  await expect(overdue.locator('tbody tr')).toHaveCount(expected.overdue.length)
  const oldest = expected.overdue[0]!
  const firstRow = overdue.locator('tbody tr').first().locator('td')
  await expect(firstRow.nth(0)).toHaveText(formatTrackingNumber(oldest.trackingNumber))
  await expect(firstRow.nth(1)).toHaveText(oldest.agencyRef ?? '—')
  await expect(firstRow.nth(5)).toHaveText(String(oldest.daysLate))
  const text = await page.locator('.agency-report-print').innerText()
  for (const c of customers.rows) expect(text).not.toContain(c.customerName)

  // Sign off: the PIN is asked, a wrong one is refused under the field, the right one signs.
  await page.getByRole('button', { name: 'Sign off…' }).click()
  const pin = page.getByLabel('Your PIN')
  await expect(pin).toBeFocused()
  await page.keyboard.type('000000')
  await page.keyboard.press('Enter')
  await expect(page.getByText(/^Wrong staff number or PIN/)).toBeVisible()
  await expect(page.getByText(/^Signed off by/)).toHaveCount(0)
  await page.keyboard.type(DEMO_STAFF.manager.pin)
  await page.keyboard.press('Enter')
  await expect(pin).toBeHidden()
  await expect(page.getByText(/^Signed off by/)).toHaveText(
    new RegExp(`^Signed off by ${DEMO_STAFF.manager.name} \\(${DEMO_STAFF.manager.staffNumber}\\) at `),
  )
  await expect(page.getByRole('button', { name: 'Sign off…' })).toBeDisabled()
  const signed = await api<AgencyReport>(page, 'agency.report', { agency: agency.agency, ...period })
  expect(signed.signedOff).toMatchObject({
    staffNumber: DEMO_STAFF.manager.staffNumber,
    name: DEMO_STAFF.manager.name,
  })
  await page.getByRole('heading', { name: `Report for ${agency.agency}` }).scrollIntoViewIfNeeded()
  await shot(page, 'agency-report')

  // Save for sending: the printable page and the CSV, both naming the oldest overdue document and no customer.
  const downloads: Download[] = []
  page.on('download', (d) => downloads.push(d))
  await expect(page.getByRole('button', { name: 'Save for sending' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByText(/^Saved .+: send them to /)).toBeVisible()
  await expect.poll(() => downloads.length).toBeGreaterThanOrEqual(2)
  const names = downloads.map((d) => d.suggestedFilename())
  expect(names.some((n) => n.endsWith('.html'))).toBe(true)
  expect(names.some((n) => n.endsWith('.csv'))).toBe(true)
  for (const d of downloads) {
    const file = fs.readFileSync(await d.path(), 'utf8')
    expect(file).toContain(agency.agency)
    expect(
      file.includes(oldest.trackingNumber) || file.includes(formatTrackingNumber(oldest.trackingNumber)),
    ).toBe(true)
    for (const c of customers.rows) expect(file).not.toContain(c.customerName)
  }

  // Back to the overview, the keyboard on the button it left from.
  await page.getByRole('button', { name: 'Back to all agencies' }).click()
  await expect(open).toBeFocused()
})
