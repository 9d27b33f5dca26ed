import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { check, settled } from './fixtures/axe'
import { apiCaller, unregisteredTrackingNumber } from './fixtures/desk'
import { startHost, timeline, type RunningHost } from './fixtures/host'
import {
  registerTourCustomer,
  signInIn,
  TOUR_CUSTOMER,
  TOUR_LANGUAGES,
  type TourLanguage,
} from './fixtures/tour'

/**
 * axe-core on the dialogs, drawers and screens that need data to reach (#16), in English and in Kiswahili: no
 * serious or critical violation of WCAG 2.1 A/AA. The centre is the demo seed plus, through the contract API, two
 * open applications for one phone (so a search lists them), and an open return manifest. Each dialog is measured
 * once its opening transition is over and saved as a 1366×768 screenshot (test-results/screens/a11y-*.png).
 */
const LANGUAGES = TOUR_LANGUAGES
const PHONE = TOUR_CUSTOMER.phone
const ID_NUMBER = TOUR_CUSTOMER.idNumber
const PROXY_ID = '34567890'

let host: RunningHost
/** A document on the shelf, not on the return manifest: the collection desk hands it over. */
let onShelf: string
test.describe.configure({ mode: 'serial' })
test.use({ actionTimeout: 15_000 })

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-a11y-dialogs-'))
  const clock = timeline()
  // As manager.spec.ts: enough documents that some SMS failed, so the call list has rows.
  await seedDemo({ dataDir, documents: 3000, seed: 7, now: clock.now() })
  host = await startHost({ dataDir, timeline: clock })

  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(host.url)
    const call = apiCaller(page.request, host.url)
    await call('auth.signIn', { staffNumber: DEMO_STAFF.clerk.staffNumber, pin: DEMO_STAFF.clerk.pin })
    await registerTourCustomer(call)
    await call('auth.signOut', {})
    await call('auth.signIn', { staffNumber: DEMO_STAFF.manager.staffNumber, pin: DEMO_STAFF.manager.pin })
    const due = await call<{ items: { trackingNumber: string; agency: string }[] }>('returns.due', {})
    const first = due.items[0]
    if (!first) throw new Error('the demo centre has nothing past its retention period')
    const manifest = due.items.filter((i) => i.agency === first.agency).slice(0, 3)
    await call('returns.createManifest', {
      agency: first.agency,
      trackingNumbers: manifest.map((i) => i.trackingNumber),
    })
    const shelf = await call<{ rows: { trackingNumber: string }[] }>('backlog.list', { limit: 50 })
    const onManifest = new Set(manifest.map((i) => i.trackingNumber))
    const free = shelf.rows.find((r) => !onManifest.has(r.trackingNumber))
    if (!free) throw new Error('the demo centre has no document on the shelf outside the manifest')
    onShelf = free.trackingNumber
    await call('auth.signOut', {})
  } finally {
    await context.close()
  }
})
test.afterAll(async () => {
  await host?.stop()
})

const signIn = (page: Page, lang: TourLanguage): Promise<void> => signInIn(page, host, lang)

/** Measures the dialog on top once it has opened. */
async function checkDialog(
  page: Page,
  found: Record<string, string[]>,
  name: string,
  opts: { idle?: boolean } = {},
): Promise<void> {
  await settled(page)
  await check(page, found, name, opts)
}

/** Closes the dialog on top with Escape and waits until `count` dialogs are left. */
async function escape(page: Page, count = 0): Promise<void> {
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(count)
}

/** Closes the reprint dialog, the drawer and the results under it, one Escape each. */
async function closeAll(page: Page): Promise<void> {
  for (let i = 0; i < 5 && (await page.getByRole('dialog').count()) > 0; i++) {
    await page.keyboard.press('Escape')
    await page.waitForTimeout(300)
  }
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click()
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true')
}

for (const lang of LANGUAGES) {
  const { m } = lang
  const n = (text: string, values: Record<string, string | number>) =>
    Object.entries(values).reduce((s, [k, v]) => s.replace(`{{${k}}}`, String(v)), text)

  test(`counter dialogs in ${lang.name} (search results, record drawer, reprint, open-application warning) have no serious or critical axe violation`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const found: Record<string, string[]> = {}
    await signIn(page, lang)
    await page.keyboard.press('Alt+1')
    const find = page.getByLabel(m.counter.search.label)
    await find.fill(PHONE)
    await find.press('Enter')
    const results = page.getByRole('table', { name: m.counter.search.results })
    await expect(results.locator('tbody tr')).toHaveCount(2)
    await checkDialog(page, found, `${lang.code}-counter-search-results`)

    await results.locator('tbody tr').first().click()
    const drawer = page.getByRole('dialog').filter({ hasText: m.counter.drawer.reprint })
    await expect(drawer.getByText('Wanjiku Kamau')).toBeVisible()
    await checkDialog(page, found, `${lang.code}-counter-application-drawer`)

    await drawer.getByRole('button', { name: m.counter.drawer.reprint }).click()
    await expect(page.getByLabel(m.counter.reprint.reason)).toBeVisible()
    await checkDialog(page, found, `${lang.code}-counter-reprint`)
    await closeAll(page)

    // The same ID number and service again: the open-application warning.
    await page.getByPlaceholder(m.counter.register.servicePlaceholder).click()
    await page.getByRole('option', { name: /^(Birth certificate|Cheti cha Kuzaliwa)/ }).click()
    await page.getByLabel(m.counter.register.customerName).fill('Wanjiku Kamau')
    await page.getByLabel(m.counter.register.phone).fill(PHONE)
    await page.getByLabel(new RegExp(`^${m.counter.register.idNumber}`)).fill(ID_NUMBER)
    await page.getByRole('button', { name: m.counter.register.submit }).click()
    await expect(page.getByRole('dialog', { name: m.counter.register.duplicateTitle })).toBeVisible()
    await checkDialog(page, found, `${lang.code}-counter-duplicate`)
    await escape(page)

    expect(found).toEqual({})
  })

  test(`collection and arrivals in ${lang.name} (hand-over with ID check and proxy form, shelf action, unmatched code, reconciliation) have no serious or critical axe violation`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const found: Record<string, string[]> = {}
    await signIn(page, lang)
    await page.keyboard.press('Alt+3')
    const lookup = page.getByLabel(m.collection.lookup.label)
    await lookup.fill(onShelf)
    await lookup.press('Enter')
    await expect(page.getByLabel(m.collection.handover.ownerId)).toBeVisible()
    await check(page, found, `${lang.code}-collection-handover-owner`, { idle: false })
    await page.getByText(m.collection.handover.proxy, { exact: true }).click()
    await expect(page.getByLabel(m.collection.handover.proxyName)).toBeVisible()
    await page.getByLabel(m.collection.handover.proxyId).fill(PROXY_ID)
    await check(page, found, `${lang.code}-collection-handover-proxy`, { idle: false })

    await page
      .getByRole('button', { name: n(m.collection.handover.more, { trackingNumber: onShelf }) })
      .click()
    await expect(page.getByRole('menu')).toBeVisible()
    // Measured once its fade-in ends: mid-transition its items are nearly transparent.
    await expect(page.getByRole('menu')).toHaveCSS('opacity', '1')
    await check(page, found, `${lang.code}-collection-shelf-menu`, { idle: false })
    // Opened, the menu puts the focus on its first item and the arrow keys move along the items.
    await expect(page.getByRole('menuitem', { name: m.collection.action.move })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('menuitem', { name: m.collection.action.missing })).toBeFocused()
    await page.getByRole('menuitem', { name: m.collection.action.move }).click()
    await expect(page.getByLabel(m.collection.action.newSlot)).toBeVisible()
    // The menu fades out behind the dialog; axe would measure its fading items.
    await expect(page.getByRole('menu')).toHaveCount(0)
    await checkDialog(page, found, `${lang.code}-collection-shelf-move`, { idle: false })
    await escape(page)

    // Arrivals: a batch with an unknown code in it, then its reconciliation.
    await page.keyboard.press('Alt+2')
    await page.getByLabel(m.arrivals.open.agency).fill('Civil Registration Services')
    await page.getByRole('button', { name: m.arrivals.open.submit }).click()
    const scan = page.getByLabel(m.arrivals.batch.scanLabel)
    const unknown = unregisteredTrackingNumber(lang.code === 'en' ? 1 : 2)
    await scan.fill(unknown)
    await scan.press('Enter')
    await expect(page.getByLabel(n(m.arrivals.unmatched.label, { code: unknown }))).toBeVisible()
    await check(page, found, `${lang.code}-arrivals-unmatched`, { idle: false })
    await page.getByRole('button', { name: m.arrivals.batch.close }).click()
    await expect(page.getByRole('button', { name: m.arrivals.report.done })).toBeVisible()
    await checkDialog(page, found, `${lang.code}-arrivals-reconciliation`, { idle: false })
    await page.getByRole('button', { name: m.arrivals.report.done }).click()

    expect(found).toEqual({})
  })

  test(`backlog dialogs and data screens in ${lang.name} (call log, daily summary, campaign preview and confirmation, return manifest and its confirmations, personal-data report and its PIN) have no serious or critical axe violation`, async ({
    page,
  }) => {
    test.setTimeout(180_000)
    const found: Record<string, string[]> = {}
    await signIn(page, lang)
    await page.keyboard.press('Alt+4')

    await tab(page, m.backlog.tabs.calls)
    await page
      .getByRole('button', { name: new RegExp(`^${m.backlog.calls.recordCall}`) })
      .first()
      .click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await checkDialog(page, found, `${lang.code}-backlog-call-log`)
    await escape(page)

    await tab(page, m.backlog.tabs.analytics)
    await page.getByRole('button', { name: m.backlog.page.dailySummary }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await checkDialog(page, found, `${lang.code}-backlog-daily-summary`)
    await escape(page)

    await tab(page, m.backlog.tabs.reminders)
    await page.getByLabel(m.campaigns.criteria.minDays).fill('7')
    await page.getByRole('button', { name: m.campaigns.criteria.preview, exact: true }).click()
    await expect(page.getByTestId('campaign-recipients')).not.toHaveText('0')
    await check(page, found, `${lang.code}-backlog-campaign-preview`)
    await page
      .getByRole('button', { name: /…$/ })
      .filter({ hasText: /^(Send|Tuma)/ })
      .click()
    await expect(page.getByRole('dialog', { name: m.campaigns.confirmTitle })).toBeVisible()
    await checkDialog(page, found, `${lang.code}-backlog-campaign-confirm`)
    await escape(page)

    await tab(page, m.backlog.tabs.returns)
    await page.getByRole('button', { name: m.backlog.manifests.open }).first().click()
    await expect(page.getByRole('table', { name: m.backlog.manifest.table })).toBeVisible()
    await check(page, found, `${lang.code}-backlog-return-manifest`)
    await page.getByRole('button', { name: m.backlog.manifest.downloadCsv }).click()
    await expect(page.getByLabel(m.ui.confirmPin.pin)).toBeFocused()
    await checkDialog(page, found, `${lang.code}-backlog-confirm-pin`)
    await escape(page)
    await page.getByRole('button', { name: m.backlog.manifest.markReturned }).click()
    await expect(page.getByRole('dialog', { name: m.backlog.manifest.confirmTitle })).toBeVisible()
    await checkDialog(page, found, `${lang.code}-backlog-return-confirm`)
    await escape(page)

    await tab(page, m.backlog.tabs.personalData)
    await page.getByText(m.backlog.personal.phoneNumber, { exact: true }).click()
    await page.getByLabel(m.backlog.personal.customerPhone).fill(PHONE)
    await page.keyboard.press('Enter')
    await expect(page.getByLabel(m.ui.confirmPin.pin)).toBeFocused()
    await page.keyboard.type(DEMO_STAFF.admin.pin)
    await page.keyboard.press('Enter')
    await expect(page.getByText('Wanjiku Kamau').first()).toBeVisible()
    await check(page, found, `${lang.code}-backlog-personal-data-report`)

    expect(found).toEqual({})
  })

  test(`settings dialogs in ${lang.name} (edit staff, new PIN, edit service) have no serious or critical axe violation`, async ({
    page,
  }) => {
    const found: Record<string, string[]> = {}
    await signIn(page, lang)
    await page.keyboard.press('Alt+5')
    await tab(page, m.settings.tabs.staff)
    const who = { name: DEMO_STAFF.clerk.name }
    await page.getByRole('button', { name: n(m.settings.staff.editName, who) }).click()
    await checkDialog(page, found, `${lang.code}-settings-staff-edit`)
    await escape(page)
    await page.getByRole('button', { name: n(m.settings.staff.newPinFor, who) }).click()
    await checkDialog(page, found, `${lang.code}-settings-staff-new-pin`)
    await escape(page)

    await tab(page, m.settings.tabs.services)
    await page.getByRole('button', { name: m.settings.services.edit, exact: true }).first().click()
    await checkDialog(page, found, `${lang.code}-settings-service-edit`)
    await escape(page)

    expect(found).toEqual({})
  })
}
