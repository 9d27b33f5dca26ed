import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isoWeek, weekSlotLabel } from '../../common/shelf-slot'
import { formatTrackingNumber } from '../../common/tracking-number'
import { startPtyPair, type PtyPair } from '../helpers/serial-pty'
import {
  holdingTheDesk,
  setUpDesk,
  signInAsDesk,
  unregisteredTrackingNumber,
  type DeskSetup,
} from './fixtures/desk'
import { startHost, type RunningHost } from './fixtures/host'

/**
 * The collection desk in Chromium against the browser host, with a real serial scanner played through a socat pty
 * pair: arrivals (serial and keyboard scans, re-scan, unknown code, reconciliation against the manifest), hand-over
 * (owner with ID check, proxy, already collected), and a scanner unplugged and plugged back in.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) })

let host: RunningHost
let pty: PtyPair
let ptyDir: string
let desk: DeskSetup
/** Tracking numbers by role in the story. */
const tn = {
  /** Wanjiku's birth certificate, and her good-conduct certificate (same ID number and phone). */
  bc: '',
  gc: '',
  /** Otieno's passport: collected by a proxy. */
  pp: '',
  /** Akinyi's driving licence: stays on the shelf until the unplug test. */
  dl: '',
  /** Mutua's KRA PIN: arrives but is not on the manifest; typed at the keyboard. */
  kra: '',
  /** Njoroge's three documents (the 1366×768 hand-over), and Halima's one (a batch of one). */
  nj1: '',
  nj2: '',
  nj3: '',
  single: '',
}
/** On the manifest, never arrives. */
const NEVER_ARRIVES = unregisteredTrackingNumber(1)
/** Scanned, registered nowhere here. */
const UNKNOWN = unregisteredTrackingNumber(2)

/** The slot a document arriving today (on the host's clock) gets in the default arrival-week scheme. */
function todaysSlot(bin: string): string {
  const nairobi = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Nairobi' }).format(host.timeline.now())
  const { year, week } = isoWeek(nairobi)
  return weekSlotLabel(year, week, bin)
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ browser }) => {
  fs.mkdirSync(SHOTS, { recursive: true })
  host = await startHost()
  ptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-pty-'))
  pty = await startPtyPair(ptyDir)
  // Repeat reads are all passed through (window 0) so the re-scan below does not depend on timing.
  desk = await setUpDesk(browser, host.url, pty.scannerPath, { duplicateWindowMs: 0 })
  const wanjiku = { customerName: 'Wanjiku Kamau', phone: '0712 345 678', idNumber: '23456789' }
  tn.bc = await desk.register({ serviceCode: 'BIRTH_CERT', ...wanjiku })
  tn.gc = await desk.register({ serviceCode: 'GOOD_CONDUCT', ...wanjiku })
  tn.pp = await desk.register({
    serviceCode: 'PASSPORT',
    customerName: 'Otieno Ochieng',
    phone: '+254 722 000 111',
    idNumber: '30111222',
  })
  tn.dl = await desk.register({
    serviceCode: 'SMART_DL',
    customerName: 'Akinyi Njeri',
    phone: '0733 456 789',
    idNumber: '28765432',
  })
  tn.kra = await desk.register({
    serviceCode: 'KRA_PIN',
    customerName: 'Mutua Kilonzo',
    phone: '0700 111 222',
    idNumber: '31234567',
  })
  const njoroge = { customerName: 'Njoroge Mwangi', phone: '0700 333 444', idNumber: '27654321' }
  tn.nj1 = await desk.register({ serviceCode: 'BIRTH_CERT', ...njoroge })
  tn.nj2 = await desk.register({ serviceCode: 'GOOD_CONDUCT', ...njoroge })
  tn.nj3 = await desk.register({ serviceCode: 'KRA_PIN', ...njoroge })
  tn.single = await desk.register({
    serviceCode: 'PASSPORT',
    customerName: 'Halima Abdi',
    phone: '0700 555 666',
    idNumber: '26543210',
  })
})

test.afterAll(async () => {
  await desk?.close()
  await pty?.stop()
  await host?.stop()
  if (ptyDir) fs.rmSync(ptyDir, { recursive: true, force: true })
})

const scanner = (page: Page) => page.getByRole('status', { name: 'Device and sync status' })
const feedback = (page: Page) => page.getByTestId('scan-feedback')
const headline = (page: Page) => page.getByTestId('scan-headline')
const scansTable = (page: Page) => page.getByRole('table', { name: 'Scans in this batch' })

/** Opens the hand-over page and waits until it holds the scanner's desk (see holdingTheDesk). */
async function gotoCollection(page: Page): Promise<void> {
  await holdingTheDesk(page, async () => {
    await page.getByRole('navigation', { name: 'Desks' }).getByText('Collection', { exact: true }).click()
    await expect(page.getByLabel('Find documents to hand over')).toBeVisible()
  })
}

test('arrivals: serial and keyboard scans show the slot, a re-scan and an unknown code say so, closing reconciles', async ({
  page,
}) => {
  await signInAsDesk(page, host.url)
  await expect(scanner(page).getByText('Scanner: ready')).toBeVisible()

  await page.getByLabel('From agency').fill('Civil Registration Services')
  await page.getByLabel('Manifest reference').fill('CRS-2291')
  const expected = [tn.bc, tn.gc, tn.pp, tn.dl, NEVER_ARRIVES]
  await page.getByLabel(/^Expected tracking numbers or references/).fill(expected.join('\n'))
  await expect(page.getByText('Expected tracking numbers or references (5)')).toBeVisible()
  await page.getByRole('button', { name: 'Open batch and start scanning' }).click()
  await expect(page.getByRole('heading', { name: /^Batch \d+: Civil Registration Services$/ })).toBeVisible()
  await expect(page.getByTestId('arrived-count')).toHaveText('0')
  await expect(page.getByText('Ready to scan')).toBeVisible()

  // A serial scan: the slot, big and green.
  await pty.write(tn.bc + '\r')
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'arrived')
  await expect(headline(page)).toHaveText(todaysSlot('BC'))
  await expect(headline(page)).toHaveText(/^\d{2}W\d{2}-[A-Z]+$/)
  await expect(page.getByTestId('arrived-count')).toHaveText('1')
  const bcRow = scansTable(page).getByRole('row').first()
  await expect(bcRow).toContainText(formatTrackingNumber(tn.bc))
  await expect(bcRow).toContainText('arrived')
  await expect(bcRow.getByRole('cell').nth(2)).toHaveText(todaysSlot('BC'))
  await expect(feedback(page)).toContainText('Wanjiku Kamau · Birth certificate')
  // Name and service once, with the tracking number as printed on the label.
  await expect(feedback(page).getByText('Wanjiku Kamau', { exact: false })).toHaveCount(1)
  await expect(feedback(page)).toContainText(formatTrackingNumber(tn.bc))
  await shot(page, 'arrivals-arrived')

  // A garbled read after the green one: the panel turns red with the reason, the last slot is gone.
  await pty.write('\x01\x02\x1bGARBLE\r')
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'rejected')
  await expect(headline(page)).toHaveText('Scan not accepted')
  await expect(feedback(page)).toContainText('unreadable characters')
  await expect(feedback(page)).not.toContainText(todaysSlot('BC'))
  await shot(page, 'arrivals-garbled')
  // An over-long read: red too, saying how long it was.
  await pty.write('X1'.repeat(40) + '\r')
  await expect(feedback(page)).toContainText('The scan is too long (80 characters)')
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'rejected')
  await expect(page.getByTestId('arrived-count')).toHaveText('1')

  for (const [code, bin, count] of [
    [tn.gc, 'GC', '2'],
    [tn.pp, 'PP', '3'],
    [tn.dl, 'DL', '4'],
  ] as const) {
    await pty.write(code + '\r')
    await expect(scansTable(page).getByRole('row').first()).toContainText(formatTrackingNumber(code))
    await expect(headline(page)).toHaveText(todaysSlot(bin))
    await expect(page.getByTestId('arrived-count')).toHaveText(count)
  }

  // A keyboard-mode scanner, or a person typing: the scan field and Enter.
  const field = page.getByLabel('Scan a document')
  await field.fill(formatTrackingNumber(tn.kra))
  await field.press('Enter')
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'arrived')
  await expect(headline(page)).toHaveText(todaysSlot('KRA'))
  await expect(page.getByTestId('arrived-count')).toHaveText('5')
  await expect(feedback(page)).toContainText('Not on this batch’s manifest')
  await expect(field).toHaveValue('')

  // The same label scanned again is not a second arrival.
  await pty.write(tn.bc + '\r')
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'rescan')
  await expect(headline(page)).toHaveText(`Already on ${todaysSlot('BC')}`)
  await expect(feedback(page)).toContainText('A re-scan is not a second arrival')
  await expect(page.getByTestId('arrived-count')).toHaveText('5')
  await shot(page, 'arrivals-rescan')

  await pty.write(UNKNOWN + '\r')
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'unknown')
  await expect(headline(page)).toHaveText('Unknown code')
  await expect(page.getByTestId('arrived-count')).toHaveText('5')
  await shot(page, 'arrivals-unknown')

  await page.getByRole('button', { name: 'Close batch and reconcile' }).click()
  const modal = page.getByRole('dialog', { name: /reconciliation/ })
  await expect(modal).toBeVisible()
  await expect(modal).toContainText('5 documents put on the shelf')
  // Each section is a heading and its list, side by side in one element.
  const section = (title: string) => modal.getByRole('heading', { name: title }).locator('xpath=..')
  await expect(section('Expected but not received (1)').getByRole('listitem')).toHaveText([
    formatTrackingNumber(NEVER_ARRIVES),
  ])
  await expect(section('Received but not expected (1)').getByRole('listitem')).toHaveText([
    formatTrackingNumber(tn.kra),
  ])
  await expect(section('Scanned more than once (1)').getByRole('listitem')).toHaveText([
    `${formatTrackingNumber(tn.bc)} × 2`,
  ])
  await expect(section('Unknown codes (1)').getByRole('listitem')).toHaveText([formatTrackingNumber(UNKNOWN)])
  await shot(page, 'arrivals-reconciliation')
  await modal.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByRole('table', { name: 'Arrival batches' })).toContainText('closed')
})

test('collection: a receipt scan lists both documents, the owner’s ID is checked, a proxy collects, collected is not ready', async ({
  page,
}) => {
  await signInAsDesk(page, host.url)
  await gotoCollection(page)

  await pty.write(tn.bc + '\r')
  const slots = page.getByTestId('handover-slot')
  await expect(slots).toHaveText([todaysSlot('BC'), todaysSlot('GC')])
  await expect(page.getByText('Wanjiku Kamau · Birth certificate')).toBeVisible()
  await expect(page.getByText('Wanjiku Kamau · Certificate of good conduct')).toBeVisible()
  await expect(page.getByRole('button', { name: /^Hand over 2 documents/ })).toBeVisible()
  await shot(page, 'collection-found')

  await page.getByText('The owner', { exact: true }).click()
  const id = page.getByLabel("Owner's ID number (from the ID card)")
  await id.fill('23456788')
  await page.getByRole('button', { name: /^Hand over 2 documents/ }).click()
  await expect(page.getByRole('alert')).toContainText('The ID number does not match')
  await shot(page, 'collection-wrong-id')

  await id.fill('23456789')
  await page.getByRole('button', { name: /^Hand over 2 documents/ }).click()
  await expect(page.getByText('Handed over', { exact: true })).toBeVisible()
  await expect(page.getByText('2 documents marked collected.')).toBeVisible()
  await expect(slots).toHaveCount(0)
  await shot(page, 'collection-handed-over')

  // Otieno's passport, fetched by his sister with a letter.
  await page.getByLabel('Find documents to hand over').fill(tn.pp)
  await page.getByLabel('Find documents to hand over').press('Enter')
  await expect(slots).toHaveText([todaysSlot('PP')])
  await page.getByText('Someone else (proxy)', { exact: true }).click()
  await page.getByLabel("Proxy's name").fill('Achieng Ochieng')
  await page.getByLabel("Proxy's ID number").fill('29876543')
  await page.getByLabel('Relationship').fill('Sister')
  await page.getByLabel('Authorisation letter reference').fill('AUTH-2291')
  await shot(page, 'collection-proxy')
  await page.getByRole('button', { name: /^Hand over 1 document/ }).click()
  await expect(page.getByText('1 document marked collected.')).toBeVisible()
  await expect(slots).toHaveCount(0)

  // Scanning a collected receipt again: nothing to hand over, and why.
  await pty.write(tn.bc + '\r')
  await expect(page.getByText('Nothing here can be handed over now.')).toBeVisible()
  await expect(page.getByText(new RegExp(`^${formatTrackingNumber(tn.bc)}: `))).toBeVisible()
  await expect(slots).toHaveCount(0)
  await shot(page, 'collection-already-collected')
})

test('unplugging the scanner shows offline; plugged back in it is ready and scans again', async ({
  page,
}) => {
  await signInAsDesk(page, host.url)
  await gotoCollection(page)
  await expect(scanner(page).getByText('Scanner: ready')).toBeVisible()

  await pty.stop()
  await expect(scanner(page).getByText('Scanner: offline')).toBeVisible({ timeout: 5000 })
  await shot(page, 'scanner-offline')

  await pty.restart()
  await expect(scanner(page).getByText('Scanner: ready')).toBeVisible({ timeout: 5000 })
  await pty.write(tn.dl + '\r')
  await expect(page.getByTestId('handover-slot')).toHaveText([todaysSlot('DL')])
  await expect(page.getByText('Akinyi Njeri · Smart driving licence')).toBeVisible()
  await shot(page, 'scanner-back')
})

test('at 1366×768: a repeat read says "same code again", one document is "1 document", three documents keep the hand-over button in view', async ({
  page,
}) => {
  // A real repeat window for this test: two reads of one label a moment apart.
  await desk.configureScanner({ duplicateWindowMs: 10_000 })
  await signInAsDesk(page, host.url)
  await expect(scanner(page).getByText('Scanner: ready')).toBeVisible()

  // A batch of one document, read twice by the scanner.
  await page.getByLabel('From agency').fill('National Registration Bureau')
  await page.getByRole('button', { name: 'Open batch and start scanning' }).click()
  await expect(page.getByRole('heading', { name: /^Batch \d+: National Registration Bureau$/ })).toBeVisible()
  await pty.write(tn.single + '\r')
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'arrived')
  await expect(headline(page)).toHaveText(todaysSlot('PP'))
  await pty.write(tn.single + '\r')
  await expect(feedback(page)).toHaveAttribute('data-outcome', 'repeat')
  await expect(headline(page)).toHaveText('Same code again')
  await expect(feedback(page)).toContainText(formatTrackingNumber(tn.single))
  await expect(feedback(page)).not.toContainText(todaysSlot('PP'))
  await expect(page.getByTestId('arrived-count')).toHaveText('1')
  await expect(scansTable(page).getByRole('row')).toHaveCount(1)
  await shot(page, 'arrivals-repeat')
  await page.getByRole('button', { name: 'Close batch and reconcile' }).click()
  const modal = page.getByRole('dialog', { name: /reconciliation/ })
  await expect(modal).toContainText('1 document put on the shelf')
  await expect(modal).not.toContainText('1 documents')
  await modal.getByRole('button', { name: 'Done' }).click()
  // The batch list: every status badge shows its whole word.
  const badges = page.getByRole('table', { name: 'Arrival batches' }).locator('.mantine-Badge-root')
  await expect(badges.first()).toBeVisible()
  for (const badge of await badges.all()) {
    // Cut off means the label's text is wider than the box showing it (Mantine ends it with "…").
    const cut = await badge.evaluate((root) => {
      const label = root.querySelector('.mantine-Badge-label') ?? root
      const range = document.createRange()
      range.selectNodeContents(label)
      // A fraction of a pixel is enough for the browser to end the word in "…".
      return range.getBoundingClientRect().width > label.getBoundingClientRect().width + 0.01
    })
    expect(cut, await badge.innerText()).toBe(false)
  }
  await shot(page, 'arrivals-batches')

  // Njoroge's three documents.
  await page.getByLabel('From agency').fill('Civil Registration Services')
  await page.getByRole('button', { name: 'Open batch and start scanning' }).click()
  await expect(page.getByRole('heading', { name: /^Batch \d+: Civil Registration Services$/ })).toBeVisible()
  for (const code of [tn.nj1, tn.nj2, tn.nj3]) {
    await pty.write(code + '\r')
    await expect(scansTable(page).getByRole('row').first()).toContainText(formatTrackingNumber(code))
  }
  await expect(page.getByTestId('arrived-count')).toHaveText('3')
  await page.getByRole('button', { name: 'Leave open' }).click()

  await gotoCollection(page)
  await pty.write(tn.nj1 + '\r')
  await expect(page.getByTestId('handover-slot')).toHaveCount(3)
  // The same receipt again at once: said so, the documents stay.
  await pty.write(tn.nj1 + '\r')
  await expect(page.getByTestId('read-notice')).toContainText('Same code again')
  await expect(page.getByTestId('handover-slot')).toHaveCount(3)
  const button = page.getByRole('button', { name: /^Hand over 3 documents/ })
  await expect(button).toBeInViewport()
  await expect(page.getByLabel("Owner's ID number (from the ID card)")).toBeInViewport()
  await shot(page, 'collection-three-documents')
  await page.getByText('Someone else (proxy)', { exact: true }).click()
  await expect(button).toBeInViewport()
  await shot(page, 'collection-three-documents-proxy')

  // A garbled read: the documents go, the reason shows in their place.
  await pty.write('\x01\x02\x1bGARBLE\r')
  await expect(page.getByTestId('read-notice')).toContainText('Scan not accepted')
  await expect(page.getByTestId('read-notice')).toContainText('unreadable characters')
  await expect(page.getByTestId('handover-slot')).toHaveCount(0)
  await shot(page, 'collection-garbled')

  // One document: "1 document", never "1 documents".
  await page.getByLabel('Find documents to hand over').fill(tn.single)
  await page.getByLabel('Find documents to hand over').press('Enter')
  await expect(page.getByRole('button', { name: /^Hand over 1 document$/ })).toBeInViewport()
  await expect(page.getByText('1 documents')).toHaveCount(0)
})
