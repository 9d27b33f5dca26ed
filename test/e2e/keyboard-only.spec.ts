import { expect, test, type Locator, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isoWeek, weekSlotLabel } from '../../common/shelf-slot'
import { formatTrackingNumber } from '../../common/tracking-number'
import { DEMO_STAFF, seedDemo } from '../../scripts/demo-seed/seed-demo'
import { parseEscPos } from '../helpers/escpos-parse'
import { startPrinterPeer, type PrinterPeer } from '../helpers/printer-peer'
import { violations } from './fixtures/axe'
import { apiCaller } from './fixtures/desk'
import { onTimeline, startHost, timeline, type RunningHost } from './fixtures/host'

/**
 * Every desk's everyday flow by keyboard alone (#16), in Chromium against the browser host on a seeded centre: once
 * the page has loaded, the test only types and presses keys (no click, fill or check), and at every Tab stop it
 * passes it checks that the focused control shows it has the focus. The counter registers, prints, reprints and
 * finds; the collection desk receives a document by a keyboard-mode scan and hands it to its owner; the manager
 * moves through the backlog's tabs and records a call; the desks' shortcut keys work from inside a text field.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) })

let host: RunningHost
let printer: PrinterPeer
/** Registered at the counter in the first test, received and handed over at the collection desk in the second. */
const customer = { name: 'Wanjiku Kamau', phone: '0712 345 678', idNumber: '23456789' }
let trackingNumber = ''
test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000)
  fs.mkdirSync(SHOTS, { recursive: true })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-e2e-keyboard-'))
  const clock = timeline()
  await seedDemo({ dataDir, documents: 600, seed: 11, now: clock.now() })
  host = await startHost({ dataDir, timeline: clock })
  printer = await startPrinterPeer()
  // The printer is the administrator's set-up, covered elsewhere: through the API here.
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(host.url)
  const call = apiCaller(page.request, host.url)
  await call('auth.signIn', { staffNumber: DEMO_STAFF.admin.staffNumber, pin: DEMO_STAFF.admin.pin })
  await call('printer.configure', {
    connection: { kind: 'tcp', host: '127.0.0.1', port: printer.port },
    paperColumns: 48,
    connectTimeoutMs: 1000,
    writeTimeoutMs: 2000,
    statusTimeoutMs: 500,
  })
  await context.close()
})

test.afterAll(async () => {
  await printer?.close()
  await host?.stop()
})

/**
 * What shows that the focused element has the focus: Mantine's focus ring (an outline of at least 2 px) or, on a
 * text field, its border turned the primary colour. A visually hidden input (a switch, a segmented control's radio)
 * is shown by its track or its label.
 */
async function focusIndicator(page: Page): Promise<{ shown: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { shown: false, what: 'nothing has the focus' }
    const what = `${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.getAttribute('role') ?? ''}] "${(el.textContent ?? '').trim().slice(0, 40)}"`
    const box = el.getBoundingClientRect()
    const hidden = box.width <= 2 || box.height <= 2 || getComputedStyle(el).opacity === '0'
    // A hidden switch's or radio's ring is on the track beside it, or on its label.
    const stand = hidden && el instanceof HTMLInputElement ? [el.nextElementSibling, el.labels?.[0]] : [el]
    const shownBy =
      stand.find((e) => {
        const c = e ? getComputedStyle(e) : null
        return c !== null && c.outlineStyle !== 'none' && parseFloat(c.outlineWidth) >= 2
      }) ?? el
    const s = getComputedStyle(shownBy)
    const probe = document.createElement('span')
    probe.style.color = 'var(--mantine-primary-color-filled)'
    document.body.append(probe)
    const primary = getComputedStyle(probe).color
    probe.remove()
    const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
    // A password field's box is the wrapper around its input.
    const boxed = [el, el.parentElement].find((e) => e && parseFloat(getComputedStyle(e).borderTopWidth) > 0)
    const borderColor = boxed ? getComputedStyle(boxed).borderTopColor : 'none'
    const border = el.matches('input, textarea') && borderColor === primary
    return {
      shown: ring || border,
      what: `${what}: outline ${s.outlineStyle} ${s.outlineWidth}, border ${borderColor} (primary ${primary})`,
    }
  })
}

/** Polled: the border colour eases in (Mantine's transition). */
async function expectFocusShown(page: Page): Promise<void> {
  let last = ''
  await expect
    .poll(
      async () => {
        const f = await focusIndicator(page)
        last = f.what
        return f.shown
      },
      { timeout: 2000 },
    )
    .toBe(true)
    .catch((err: unknown) => {
      throw new Error(`no focus indicator on ${last}`, { cause: err })
    })
}

const isFocused = (target: Locator): Promise<boolean> => target.evaluate((e) => e === document.activeElement)

/** Presses `key` (Tab by default) until `target` has the focus, checking the focus shows at every stop. */
async function tabTo(page: Page, target: Locator, key = 'Tab', max = 40): Promise<void> {
  await target.waitFor({ state: 'attached' })
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key)
    await expectFocusShown(page)
    if (await isFocused(target)) return
  }
  throw new Error(`${max} presses of ${key} did not reach ${target.toString()}`)
}

/** Loads the page and signs in by keyboard: the staff number field has the focus, Tab reaches the PIN. */
async function signIn(page: Page, who: { staffNumber: string; pin: string; name: string }): Promise<void> {
  await onTimeline(page, host.timeline)
  await page.goto(host.url)
  await expect(page.getByLabel(/^Staff number/)).toBeFocused()
  await page.keyboard.type(who.staffNumber)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel(/^PIN/)).toBeFocused()
  await expectFocusShown(page)
  await page.keyboard.type(who.pin)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('signed-in-name')).toHaveText(who.name)
}

/** The slot a document arriving today (on the host's clock) gets in the default arrival-week scheme. */
function todaysSlot(bin: string): string {
  const nairobi = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Nairobi' }).format(host.timeline.now())
  const { year, week } = isoWeek(nairobi)
  return weekSlotLabel(year, week, bin)
}

/** The whole of `box` is inside the window. */
async function expectInsideWindow(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox()
  const window = page.viewportSize()
  expect(box).not.toBeNull()
  expect(window).not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height).toBeLessThanOrEqual(window!.height)
}

test('counter by keyboard: the service list opens on a key and stays in the window, register, print, reprint, find and close the record', async ({
  page,
}) => {
  test.setTimeout(90_000)
  await signIn(page, DEMO_STAFF.clerk)
  const picker = page.getByRole('combobox', { name: 'Service' })
  const list = page.getByRole('listbox')
  // The counter opens with the cursor in the service picker and its list closed: it would cover the form.
  await expect(picker).toBeFocused()
  await expectFocusShown(page)
  await expect(picker).toHaveAttribute('aria-expanded', 'false')
  await expect(list).toBeHidden()

  // Large type (A+, in the header behind the cursor) makes the list tallest: it still ends inside the window.
  const largeType = page.getByRole('button', { name: 'Large text' })
  await tabTo(page, largeType, 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Normal text' })).toHaveAttribute('aria-pressed', 'true')
  await tabTo(page, picker)
  await expect(list).toBeHidden()
  await page.keyboard.press('ArrowDown')
  await expect(list).toBeVisible()
  await expectInsideWindow(page, list)
  // The picker names its list, for screen readers (and for axe, which then lets a popup list scroll).
  await expect(picker).toHaveAttribute('aria-controls', (await list.getAttribute('id')) ?? 'the list’s id')
  // The last service (Up goes round to it from the top) is scrolled into view inside the list.
  const last = list.getByRole('option').last()
  for (let i = 0; i < 3 && (await last.getAttribute('data-combobox-selected')) !== 'true'; i++)
    await page.keyboard.press('ArrowUp')
  await expect(last).toHaveAttribute('data-combobox-selected', 'true')
  await expect(last).toBeInViewport({ ratio: 1 })
  await shot(page, 'keyboard-service-list-large')
  // A list that scrolls itself is still a list axe accepts (no serious or critical violation).
  expect(await violations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await tabTo(page, page.getByRole('button', { name: 'Normal text' }), 'Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Large text' })).toHaveAttribute('aria-pressed', 'false')
  await tabTo(page, picker)
  // Left twice without typing, and once with its list closed by Escape: no service was chosen on the way.
  await expect(picker).toHaveValue('')

  // Typing opens the list on the first match; Enter takes it.
  await page.keyboard.type('birth')
  await expect(list).toBeVisible()
  await expectInsideWindow(page, list)
  await shot(page, 'keyboard-service-typed')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveValue('Birth certificate')
  await expect(list).toBeHidden()

  const nameField = page.getByLabel('Customer name')
  await tabTo(page, nameField)
  await page.keyboard.type(customer.name)
  await tabTo(page, page.getByLabel('Phone (for SMS)'))
  await page.keyboard.type(customer.phone)
  await tabTo(page, page.getByLabel(/^ID number/))
  await page.keyboard.type(customer.idNumber)
  // SMS consent: Space unticks and ticks it again.
  const consent = page.getByRole('checkbox', { name: 'Customer agrees to SMS updates' })
  await tabTo(page, consent)
  await expect(consent).toBeChecked()
  await page.keyboard.press('Space')
  await expect(consent).not.toBeChecked()
  await page.keyboard.press('Space')
  await expect(consent).toBeChecked()
  const registerButton = page.getByRole('button', { name: 'Register and print' })
  await tabTo(page, registerButton)
  await page.keyboard.press('Enter')

  const tnText = page.getByTestId('last-tracking-number')
  await expect(page.getByText(`Tracking number for ${customer.name}`)).toBeVisible()
  trackingNumber = (await tnText.textContent())?.replace(/\s/g, '') ?? ''
  expect(trackingNumber).toMatch(/^\d{12}$/)
  await expect(page.getByTestId('last-print-status')).toContainText('Printed')
  await expect(page.getByTestId('receipt-preview')).toBeVisible()
  await expect
    .poll(() => printer.jobs.some((j) => parseEscPos(j).barcodes[0]?.data === trackingNumber))
    .toBe(true)
  // The form is ready for the next customer, the cursor in the customer's name.
  await expect(nameField).toBeFocused()
  await shot(page, 'keyboard-registered')

  // The next customer for the same service, with the desk's shortcut from a field.
  await page.keyboard.type('Otieno Ochieng')
  await page.keyboard.press('Tab')
  await page.keyboard.type('0722 000 111')
  await page.keyboard.press('Tab')
  await page.keyboard.type('30111222')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByText('Tracking number for Otieno Ochieng')).toBeVisible()
  const second = (await tnText.textContent())?.replace(/\s/g, '') ?? ''
  expect(second).toMatch(/^\d{12}$/)
  expect(second).not.toBe(trackingNumber)
  await expect(page.getByTestId('last-print-status')).toContainText('Printed')

  // Reprint from the receipt panel: the reason has the cursor, Enter reprints.
  const jobs = printer.jobs.length
  await tabTo(page, page.getByRole('button', { name: 'Reprint', exact: true }))
  await page.keyboard.press('Enter')
  const reason = page.getByLabel('Why is it printed again?')
  await expect(reason).toBeFocused()
  await expectFocusShown(page)
  await page.keyboard.type('Customer lost the receipt')
  await page.keyboard.press('Enter')
  await expect.poll(() => printer.jobs.length).toBe(jobs + 1)
  const reprint = parseEscPos(printer.jobs[jobs]!)
  expect(reprint.barcodes.map((b) => b.data)).toEqual([second])
  expect(reprint.lines.join('\n')).toContain('REPRINT')

  // A walk-in: F2 from anywhere puts the cursor in the search; the tracking number opens the record.
  await page.keyboard.press('F2')
  const find = page.getByLabel('Find an application')
  await expect(find).toBeFocused()
  await expectFocusShown(page)
  await page.keyboard.type(formatTrackingNumber(trackingNumber))
  await page.keyboard.press('Enter')
  const drawer = page.getByRole('dialog')
  await expect(drawer.getByText(customer.name)).toBeVisible()
  await expect(drawer).toContainText(formatTrackingNumber(trackingNumber))
  await expect(drawer).toContainText('Birth certificate')
  await shot(page, 'keyboard-record')
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
})

test('collection desk by keyboard: a keyboard-wedge scan receives the document and shows its slot, and its owner collects it with the ID check', async ({
  page,
}) => {
  expect(trackingNumber, 'registered by the counter test').not.toBe('')
  await signIn(page, DEMO_STAFF.desk)
  // Arrivals: the agency field has the cursor; Enter opens the batch, and the scan field takes the cursor.
  await expect(page.getByRole('heading', { name: 'Open an arrival batch' })).toBeVisible()
  await expect(page.getByLabel('From agency')).toBeFocused()
  await expectFocusShown(page)
  await page.keyboard.type('Civil Registration Services')
  await tabTo(page, page.getByRole('button', { name: 'Open batch and start scanning' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: /^Batch \d+: Civil Registration Services$/ })).toBeVisible()
  const scanField = page.getByLabel('Scan a document')
  await expect(scanField).toBeFocused()
  await expectFocusShown(page)

  // A keyboard-mode scanner types the digits and Enter into the focused field.
  await page.keyboard.type(trackingNumber)
  await page.keyboard.press('Enter')
  const feedback = page.getByTestId('scan-feedback')
  await expect(feedback).toHaveAttribute('data-outcome', 'arrived')
  await expect(page.getByTestId('scan-headline')).toHaveText(todaysSlot('BC'))
  await expect(feedback).toContainText(`${customer.name} · Birth certificate`)
  await expect(scanField).toBeFocused()
  await expect(scanField).toHaveValue('')
  await shot(page, 'keyboard-arrived')

  // Hand-over: Alt+3, the lookup field has the cursor, the receipt is scanned the same way.
  await page.keyboard.press('Alt+3')
  const lookup = page.getByLabel('Find documents to hand over')
  await expect(lookup).toBeFocused()
  await page.keyboard.type(trackingNumber)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('handover-slot')).toHaveText([todaysSlot('BC')])
  // The owner is the default collector; the ID field takes the cursor. A wrong ID is refused.
  const ownerId = page.getByLabel("Owner's ID number (from the ID card)")
  await expect(ownerId).toBeFocused()
  await expectFocusShown(page)
  await page.keyboard.type('23456788')
  const handOver = page.getByRole('button', { name: /^Hand over 1 document/ })
  await tabTo(page, handOver)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('The ID number does not match')
  await tabTo(page, ownerId, 'Shift+Tab')
  await page.keyboard.press('Control+A')
  await page.keyboard.type(customer.idNumber)
  await page.keyboard.press('Control+Enter')
  await expect(page.getByText('1 document marked collected.')).toBeVisible()
  await expect(page.getByTestId('handover-slot')).toHaveCount(0)
  await shot(page, 'keyboard-handed-over')

  // Scanned again: collected, nothing to hand over.
  await expect(lookup).toBeFocused()
  await page.keyboard.type(trackingNumber)
  await page.keyboard.press('Enter')
  await expect(page.getByText('Nothing here can be handed over now.')).toBeVisible()
  await expect(
    page.getByText(new RegExp(`^${formatTrackingNumber(trackingNumber)}: .*collected`)),
  ).toBeVisible()
})

test('manager by keyboard: the backlog, its tabs by the arrow keys, and a call recorded', async ({
  page,
}) => {
  await signIn(page, DEMO_STAFF.manager)
  await page.keyboard.press('Alt+4')
  await expect(page.getByRole('heading', { name: /documents waiting on the shelf/ })).toBeVisible()
  const shelfTab = page.getByRole('tab', { name: 'Shelf backlog' })
  await tabTo(page, shelfTab)
  await expect(shelfTab).toHaveAttribute('aria-selected', 'true')
  // The arrow keys move along the tabs and open each.
  await page.keyboard.press('ArrowRight')
  const callsTab = page.getByRole('tab', { name: 'Call list' })
  await expect(callsTab).toBeFocused()
  await expectFocusShown(page)
  await expect(callsTab).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Overdue at agency' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('heading', { name: /overdue at the agency$/ })).toBeVisible()
  await page.keyboard.press('ArrowLeft')
  await expect(callsTab).toHaveAttribute('aria-selected', 'true')

  const table = page.getByRole('table', { name: 'Call list' })
  const firstRow = table.locator('tbody tr').first()
  await expect(firstRow).toBeVisible()
  const phone = await firstRow.locator('td:nth-child(3)').innerText()
  await tabTo(page, firstRow.getByRole('button', { name: /^Record call/ }))
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText(phone)).toBeVisible()
  // Into the outcomes: the arrow keys choose among them.
  const noAnswer = dialog.getByRole('radio', { name: 'No answer' })
  await tabTo(page, dialog.getByRole('radio').first())
  for (let i = 0; i < 6 && !(await noAnswer.isChecked()); i++) {
    await page.keyboard.press('ArrowDown')
    await expectFocusShown(page)
  }
  await expect(noAnswer).toBeChecked()
  await tabTo(page, dialog.getByLabel('Note (optional)'))
  await page.keyboard.type('Rang twice, no answer')
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()
  await expect(
    table
      .locator('tbody tr')
      .filter({ hasText: phone })
      .getByText(/No answer/),
  ).toBeVisible()
  await shot(page, 'keyboard-call-recorded')
})

test('the desks’ shortcut keys work while the cursor is in a text field', async ({ page }) => {
  await signIn(page, DEMO_STAFF.manager)
  const counter = page.getByRole('heading', { name: 'New application' })
  await expect(counter).toBeVisible()
  // Half-typed in the counter's name field: Alt+2 opens Arrivals.
  await tabTo(page, page.getByLabel('Customer name'))
  await page.keyboard.type('Kip')
  await page.keyboard.press('Alt+2')
  await expect(page.getByRole('heading', { name: 'Open an arrival batch' })).toBeVisible()
  // From the agency field, Alt+3: the hand-over's scan field has the cursor.
  await expect(page.getByLabel('From agency')).toBeFocused()
  await page.keyboard.type('NRB')
  await page.keyboard.press('Alt+3')
  const lookup = page.getByLabel('Find documents to hand over')
  await expect(lookup).toBeFocused()
  // From the scan field, Alt+4 and Alt+5.
  await page.keyboard.type('0420')
  await page.keyboard.press('Alt+4')
  await expect(page.getByRole('heading', { name: /documents waiting on the shelf/ })).toBeVisible()
  await page.keyboard.press('Alt+5')
  await expect(page.getByRole('tab').first()).toBeVisible()
  await expect(page.getByRole('heading', { name: /documents waiting on the shelf/ })).toBeHidden()
  // Alt+1 back to the counter, whose picker has the cursor; F2 from it goes to the search.
  await page.keyboard.press('Alt+1')
  await expect(counter).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Service' })).toBeFocused()
  await page.keyboard.press('F2')
  await expect(page.getByLabel('Find an application')).toBeFocused()
  // Ctrl+L locks from the search field.
  await page.keyboard.press('Control+L')
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible()
})
