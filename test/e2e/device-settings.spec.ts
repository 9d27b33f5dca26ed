import { expect, test, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startPtyPair, type PtyPair } from '../helpers/serial-pty'
import { ADMIN, apiCaller } from './fixtures/desk'
import { startHost, type RunningHost } from './fixtures/host'

/**
 * A new install's devices in Chromium against the browser host. The printer: "screen only" in the status bar, the
 * same setting Settings → Printer shows. Settings → Scanner: the port list answers whatever the machine (no udev,
 * as in CI, or udev), and a typed port is checked when saved: one that does not exist is refused on the field
 * with nothing saved, a socat pty typed in is saved and the scanner connects to it.
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')

let host: RunningHost
let pty: PtyPair
let ptyDir: string

test.beforeAll(async ({ request }) => {
  fs.mkdirSync(SHOTS, { recursive: true })
  host = await startHost()
  ptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-pty-'))
  pty = await startPtyPair(ptyDir)
  await request.get(host.url)
  await apiCaller(request, host.url)('setup.createCentre', {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: ADMIN,
  })
})

test.afterAll(async () => {
  await pty?.stop()
  await host?.stop()
  if (ptyDir) fs.rmSync(ptyDir, { recursive: true, force: true })
})

async function openSettings(page: Page): Promise<void> {
  await page.goto(host.url)
  await page.getByLabel('Staff number').fill(ADMIN.staffNumber)
  await page.getByLabel(/^PIN/).fill(ADMIN.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('navigation', { name: 'Desks' }).getByText('Settings', { exact: true }).click()
}

test('a new install prints to the screen: the status bar says "Printer: screen only", as Settings → Printer does', async ({
  page,
}) => {
  await openSettings(page)
  const status = page.getByRole('status', { name: 'Device and sync status' })
  await expect(status).toContainText('Printer: screen only')
  await expect(
    status.getByLabel(/^Printer: screen only\. Screen only: receipts show on screen/),
  ).toBeVisible()
  await page.getByRole('tab', { name: 'Printer' }).click()
  await expect(page.getByRole('radio', { name: 'Screen only' })).toBeChecked()
  // The tab's own badge uses the status bar's words, not the driver's "unknown".
  await expect(page.getByText('screen only', { exact: true })).toBeVisible()
  await expect(page.getByText('unknown', { exact: true })).toHaveCount(0)
  await page.screenshot({ path: path.join(SHOTS, 'settings-printer-screen-only.png') })
})

async function openScannerTab(page: Page): Promise<void> {
  await openSettings(page)
  const ports = page.waitForResponse((r) => r.url().endsWith('/api/scanner.ports'))
  await page.getByRole('tab', { name: 'Scanner' }).click()
  const res = await ports
  // Without udev the system list fails: the answer says so, it is not a server error.
  expect(res.status()).toBe(200)
  const body = (await res.json()) as { ok: boolean; value: { listError: string | null } }
  expect(body.ok).toBe(true)
  if (body.value.listError)
    await expect(page.getByText("This computer's list of serial ports could not be read")).toBeVisible()
}

test('a typed port is checked when saved: a missing one is refused on the field, a pty is saved and connects', async ({
  page,
}) => {
  await openScannerTab(page)
  await page.getByLabel('Use a serial / USB virtual-COM scanner').check({ force: true })
  const port = page.getByRole('combobox', { name: 'Port', exact: true })
  const missing = path.join(ptyDir, 'ttyACM9')
  await port.fill(missing)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(
    page.getByText(
      `There is no ${missing} on this computer. Plug the scanner in and choose its port from the list, or check the path.`,
    ),
  ).toBeVisible()
  await page.screenshot({ path: path.join(SHOTS, 'settings-scanner-refused.png') })
  const call = apiCaller(page.request, host.url)
  expect((await call<{ config: { enabled: boolean } }>('scanner.get', {})).config.enabled).toBe(false)

  await port.fill(pty.scannerPath)
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Scanner settings saved.')).toBeVisible()
  await expect(page.getByRole('status', { name: 'Device and sync status' })).toContainText('Scanner: ready')
  // The tab follows the scanner too, not only what it loaded.
  await expect(page.getByText(`Scanner connected on ${pty.scannerPath} at 9600 baud.`)).toBeVisible()
  await page.screenshot({ path: path.join(SHOTS, 'settings-scanner.png') })
})
