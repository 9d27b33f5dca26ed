import { expect, test, type Download, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { formatKenyanMobile } from '../../common/phone'
import { formatTrackingNumber } from '../../common/tracking-number'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { onTimeline, startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * A customer's personal-data request at the manager's desk, in Chromium on a seeded centre: find by phone number
 * behind the PIN (a wrong PIN shows under the field, Esc cancels), what is held is shown, and the export saves a
 * printable page and a CSV naming the customer's documents.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')

let host: RunningHost
test.beforeAll(async () => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-subject-'))
  const clock = timeline()
  await seedDemo({ dataDir, documents: 400, seed: 11, now: clock.now() })
  host = await startHost({ dataDir, timeline: clock })
})
test.afterAll(async () => {
  await host?.stop()
})

async function api<T>(page: Page, method: string, data: unknown = {}): Promise<T> {
  const res = await page.request.post(`${host.url}/api/${method}`, { data, headers: { Origin: host.url } })
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true)
  return ((await res.json()) as { value: T }).value
}

test('a personal-data request: find by phone behind the PIN, see what is held, export it for the customer', async ({
  page,
}) => {
  await onTimeline(page, host.timeline)
  await page.goto(host.url)
  await page.getByLabel('Staff number').fill(DEMO_STAFF.manager.staffNumber)
  await page.getByLabel(/^PIN/).fill(DEMO_STAFF.manager.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'New application' })).toBeVisible()
  await page.keyboard.press('Alt+4')
  await page.getByRole('tab', { name: 'Personal data' }).click()

  // A customer from the shelf, as the core lists it.
  const shelf = await api<{ rows: { trackingNumber: string; customerName: string; phone: string }[] }>(
    page,
    'backlog.list',
    { limit: 1 },
  )
  const customer = shelf.rows[0]!
  await page.getByText('Phone number', { exact: true }).click()
  await page.getByLabel('Customer’s phone number').fill(formatKenyanMobile(customer.phone))
  await page.keyboard.press('Enter')

  const pin = page.getByLabel('Your PIN')
  await expect(pin).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(pin).toBeHidden()
  await page.keyboard.press('Enter')
  await expect(pin).toBeFocused()
  await page.keyboard.type('0000')
  await page.keyboard.press('Enter')
  await expect(page.getByText(/^Wrong staff number or PIN\. 4 tries left/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Applications held' })).toHaveCount(0)
  await page.keyboard.type(DEMO_STAFF.manager.pin)
  await page.keyboard.press('Enter')

  const held = page.getByRole('table', { name: 'Applications held' })
  await expect(held).toContainText(formatTrackingNumber(customer.trackingNumber))
  await expect(held).toContainText(customer.customerName)
  // The demo seeder loads applications without their events: what is held is the row, its SMS and their reports.
  await expect(page.getByRole('table', { name: 'Everything recorded' })).toContainText(
    `Details heldName: ${customer.customerName}`,
  )
  await page.screenshot({ path: path.join(SHOTS, 'personal-data-request.png') })

  const downloads: Download[] = []
  page.on('download', (d) => downloads.push(d))
  await page.getByRole('button', { name: 'Export for the customer…' }).click()
  await expect(pin).toBeFocused()
  await page.keyboard.type(DEMO_STAFF.manager.pin)
  await page.keyboard.press('Enter')
  await expect(page.getByText(/^Saved personal-data-/)).toBeVisible()
  await expect.poll(() => downloads.length).toBe(2)
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([
    expect.stringMatching(/^personal-data-\d{3}-\d{4}-\d{2}-\d{2}\.csv$/),
    expect.stringMatching(/^personal-data-\d{3}-\d{4}-\d{2}-\d{2}\.html$/),
  ])
  for (const d of downloads) {
    const text = fs.readFileSync(await d.path(), 'utf8')
    expect(text).toContain(customer.customerName)
    expect(text).toContain(formatTrackingNumber(customer.trackingNumber))
  }

  // The audit log says who asked and exported, with the phone masked.
  const audit = await api<{ action: string; detail: Record<string, unknown> }[]>(page, 'audit.list', {
    limit: 10,
    action: 'subject.export',
  })
  expect(audit[0]?.detail).toMatchObject({
    by: 'phone',
    subject: expect.stringMatching(/^0\d\*\* \*\*\* \d{3}$/),
  })
  expect(JSON.stringify(audit)).not.toContain(customer.phone.slice(4))
})
