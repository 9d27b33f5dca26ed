import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { formatTrackingNumber } from '../../common/tracking-number'
import { ok, MANAGER_KEY, shelfFixture } from '../helpers/shelf-fixture'
import { onTimeline, startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * The manager's reminder campaign and return to the agency in Chromium against the browser host. Each part has its
 * own centre: the shelf is prepared with the real core in a fresh data dir before its host starts (documents
 * backdated on the shelf), on one timeline from the fixed e2e start, so no part depends on what another did or on
 * the hour the suite runs (a campaign sent in the send hours holds its documents back from returns for 7 days).
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage })

const PEOPLE = [
  ['wanjiku', 'Wanjiku Kamau', '0712345678', 'en', 'BIRTH_CERT', 20],
  ['wanjiku2', 'Wanjiku Kamau', '0712345678', 'en', 'GOOD_CONDUCT', 12],
  ['achieng', 'Achieng Odhiambo', '0723456789', 'sw', 'BIRTH_CERT', 30],
  ['otieno', 'Otieno Ochieng', '0798765432', 'en', 'PASSPORT', 45],
  ['njeri', 'Njeri Wambui', '0711222333', 'sw', 'KRA_PIN', 3],
  ['old1', 'Mutua Kioko', '0722111000', 'en', 'BIRTH_CERT', 140],
  ['old2', 'Chebet Kiprop', '0722111001', 'sw', 'BIRTH_CERT', 125],
  ['old3', 'Akinyi Adhiambo', '0722111002', 'en', 'GOOD_CONDUCT', 100],
] as const
type Person = (typeof PEOPLE)[number][0]

interface Centre {
  host: RunningHost
  manager: { staffNumber: string; pin: string }
  tn: Record<Person, string>
}

/**
 * A centre with `PEOPLE` on its shelf, built before its host starts; `before` runs on the core last (as the
 * manager), for a part that needs history of its own.
 */
async function centre(
  before?: (f: Awaited<ReturnType<typeof shelfFixture>>, tn: Centre['tn']) => Promise<void>,
) {
  fs.mkdirSync(SHOTS, { recursive: true })
  const clock = timeline()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-returns-'))
  const f = await shelfFixture(dataDir, clock.now())
  const tn = {} as Centre['tn']
  let n = 0
  for (const [key, customerName, phone, language, serviceCode, daysOnShelf] of PEOPLE) {
    tn[key] = await f.place({
      serviceCode,
      customerName,
      phone,
      idNumber: String(24_000_000 + n++),
      language,
      smsConsent: true,
      daysOnShelf,
    })
  }
  await before?.(f, tn)
  await ok(f.t.core, MANAGER_KEY, 'auth.signOut', {})
  f.t.core.close()
  const host = await startHost({ dataDir, timeline: clock })
  return { host, manager: f.manager, tn }
}

async function signInAsManager(page: Page, { host, manager }: Centre): Promise<void> {
  await onTimeline(page, host.timeline)
  await page.goto(host.url)
  await page.getByLabel('Staff number').fill(manager.staffNumber)
  await page.getByLabel(/^PIN/).fill(manager.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('navigation', { name: 'Desks' }).getByText('Backlog', { exact: true }).click()
}

test.describe('reminder campaign', () => {
  let c: Centre
  test.beforeAll(async () => {
    c = await centre()
  })
  test.afterAll(async () => {
    await c?.host.stop()
  })

  test('campaign preview: recipients per phone, message per language, cost and schedule; then send', async ({
    page,
  }) => {
    const { tn } = c
    await signInAsManager(page, c)
    await page.getByRole('tab', { name: 'Reminders' }).click()
    await page.getByLabel('On the shelf at least (days)').fill('7')
    await page.getByLabel('Last reminder more than (days ago)').fill('14')
    await page.getByLabel('Last reminder more than (days ago)').press('Enter')
    // Wanjiku's two documents are one SMS; Njeri (3 days) is too new. 6 phones in all are on the shelf ≥ 7 days.
    await expect(page.getByTestId('campaign-recipients')).toHaveText('6')
    await expect(page.getByTestId('campaign-documents')).toHaveText('7')
    await expect(page.getByTestId('campaign-sms')).toHaveText('6')
    await expect(page.getByTestId('campaign-estimated-cost')).toHaveText('KES 4.80')
    await expect(page.getByTestId('campaign-text-sw')).toContainText('Huduma GPO ukumbusho: hati yako')
    await expect(page.getByTestId('campaign-text-en')).toContainText('reminder: your')
    const recipients = page.getByRole('table', { name: 'Campaign recipients' })
    await expect(recipients.getByRole('row')).toHaveCount(7)
    await expect(recipients.getByText(formatTrackingNumber(tn.wanjiku2))).toBeVisible()
    await shot(page, 'campaign-preview')

    await page.getByRole('button', { name: /^Send 6 reminders/ }).click()
    await expect(page.getByRole('dialog', { name: 'Send reminders' })).toContainText('KES 4.80')
    // The dialogue as it is on screen (a full-page capture of a scrolled page misplaces the fixed header), once its
    // opening transition is over.
    await page.waitForTimeout(400)
    await shot(page, 'campaign-confirm', false)
    await page.getByRole('button', { name: 'Send now' }).click()
    const history = page.getByRole('table', { name: 'Past campaigns' })
    await expect(history.getByRole('row')).toHaveCount(2)
    await expect(history).toContainText(/6 sent|sent/)
    // Everyone was just reminded: a second preview reaches no one.
    await page.getByRole('button', { name: 'Preview' }).click()
    await expect(page.getByTestId('campaign-recipients')).toHaveText('0')
    await shot(page, 'campaign-after-send')
  })
})

test.describe('return to the agency', () => {
  let c: Centre
  test.beforeAll(async () => {
    c = await centre()
  })
  test.afterAll(async () => {
    await c?.host.stop()
  })

  test('return manifest: choose agency and documents, print view, CSV, mark returned', async ({ page }) => {
    const { tn } = c
    await signInAsManager(page, c)
    await page.getByRole('tab', { name: 'Returns' }).click()
    const due = page.getByRole('table', { name: 'Documents to return' })
    // old1 (140 days) and old2 (125 days) are past BIRTH_CERT's 120; old3 (100 days) past GOOD_CONDUCT's 90.
    await expect(due.getByRole('row')).toHaveCount(4)
    const headline = page.getByTestId('returns-headline')
    await expect(headline).toHaveText('3 documents past their retention period.')
    // Dates as the rest of the app writes them ("Tue 2 Mar 2027"), never ISO.
    const collectBy = due.getByRole('row').nth(1).getByRole('cell').nth(6)
    await expect(collectBy).toHaveText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun),? \d{1,2} [A-Z][a-z]{2} \d{4}$/)
    await expect(due).not.toContainText(/\d{4}-\d{2}-\d{2}/)
    await shot(page, 'returns-list')
    await page.getByRole('combobox', { name: 'Agency' }).click()
    await page.getByRole('option', { name: /Civil Registration Services/ }).click()
    await expect(due.getByRole('row')).toHaveCount(3)
    // The headline counts what the filter lists.
    await expect(headline).toHaveText(
      '2 documents past their retention period for Civil Registration Services (CRS).',
    )
    await shot(page, 'returns-list-agency')
    await due.getByLabel('Select all').check()
    await page.getByRole('button', { name: 'Prepare return manifest (2)' }).click()

    const manifest = page.getByRole('table', { name: 'Manifest documents' })
    await expect(manifest.getByRole('row')).toHaveCount(3)
    await expect(manifest).not.toContainText(/\d{4}-\d{2}-\d{2}/)
    await expect(manifest.getByRole('row').nth(1).getByRole('cell').nth(6)).toHaveText(
      /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun),? \d{1,2} [A-Z][a-z]{2} \d{4}$/,
    )
    await expect(page.getByText(/Return manifest No\. 1/)).toBeVisible()
    await expect(page.getByText('Received for Civil Registration Services (CRS)')).toBeVisible()
    await shot(page, 'return-manifest')
    await page.emulateMedia({ media: 'print' })
    await shot(page, 'return-manifest-print')
    await page.emulateMedia({ media: 'screen' })

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download CSV' }).click()
    // The manifest names customers: the PIN is asked again before the file is made.
    await page.getByLabel('Your PIN').fill(c.manager.pin)
    await page.keyboard.press('Enter')
    const csv = fs.readFileSync(await (await download).path(), 'utf8')
    // The byte-order mark every export starts with, so Excel reads the names as UTF-8.
    expect(csv.startsWith('\ufeff')).toBe(true)
    expect(csv.slice(1).split('\r\n')[0]).toBe(
      'No.,Tracking number,Agency reference,Service,Customer,Shelf slot,Arrived,Collect by,Outcome',
    )
    expect(csv).toContain(formatTrackingNumber(tn.old1))
    expect(csv).toContain('Chebet Kiprop')

    await page.getByRole('button', { name: 'Mark returned…' }).click()
    await page.getByRole('button', { name: 'Mark 2 returned' }).click()
    await expect(page.getByText('Returned', { exact: true })).toBeVisible()
    await expect(manifest).toContainText('returned')
    await shot(page, 'return-manifest-confirmed')
    await page.getByRole('button', { name: /Back to the return list/ }).click()
    await expect(due.getByRole('row')).toHaveCount(2)
  })
})

test.describe('audit log', () => {
  let c: Centre
  test.beforeAll(async () => {
    // Its own history: old1 and old2 put on a manifest and returned by the manager, as the returns part does.
    c = await centre(async (f, tn) => {
      const due = await ok(f.t.core, MANAGER_KEY, 'returns.due', {})
      const agency = due.items.find((i) => i.trackingNumber === tn.old1)?.agency
      if (!agency) throw new Error(`${tn.old1} is not due for return`)
      const manifest = await ok(f.t.core, MANAGER_KEY, 'returns.createManifest', {
        agency,
        trackingNumbers: [tn.old1, tn.old2],
      })
      await ok(f.t.core, MANAGER_KEY, 'returns.confirm', { manifestId: manifest.id })
    })
  })
  test.afterAll(async () => {
    await c?.host.stop()
  })

  test('audit log: filtered by a tracking number, it shows who looked at and returned the document', async ({
    page,
  }) => {
    const { tn } = c
    await signInAsManager(page, c)
    await page.getByRole('navigation', { name: 'Desks' }).getByText('Settings', { exact: true }).click()
    await page.getByRole('tab', { name: 'Audit log' }).click()
    await page.getByLabel('Tracking number').fill(formatTrackingNumber(tn.old1))
    const log = page.getByRole('table', { name: 'Audit log' })
    await expect(log.getByRole('row', { name: /Return to the agency confirmed/ })).toBeVisible()
    await expect(log.getByRole('row', { name: /Return manifest created/ })).toBeVisible()
    await page.getByRole('combobox', { name: 'Action' }).click()
    await page.getByRole('option', { name: 'Return to the agency confirmed' }).click()
    await expect(log.getByRole('row')).toHaveCount(2)
    await page.getByLabel('Tracking number').fill('0420 1111 1112')
    await expect(page.getByText(/digit may be wrong/)).toBeVisible()
    await shot(page, 'audit-filtered')
  })
})
