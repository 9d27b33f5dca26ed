import { expect, test, type Page } from '@playwright/test'
import path from 'node:path'
import { startPrinterPeer, type PrinterPeer } from '../helpers/printer-peer'
import { startHost, type RunningHost } from './fixtures/host'

/**
 * A receipt that did not print is owed to the customer: after the host is killed and started again on the same data,
 * the clerk still sees it listed above the counter, with the button that prints it again. (Printing from the list,
 * and the list emptying once it has printed, are covered through the core in unprinted-receipts.test.ts.)
 */
const SHOTS = path.resolve(__dirname, '../../test-results/screens')

let host: RunningHost | null = null
let printer: PrinterPeer

test.afterAll(async () => {
  await host?.stop()
  await printer?.close()
})

const tcp = (port: number) => ({
  connection: { kind: 'tcp', host: '127.0.0.1', port },
  paperColumns: 48,
  connectTimeoutMs: 1000,
  writeTimeoutMs: 2000,
  statusTimeoutMs: 500,
})

async function api<T = unknown>(page: Page, method: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${host!.url}/api/${method}`, { data, headers: { Origin: host!.url } })
  expect(res.ok(), `${method}: ${await res.text()}`).toBe(true)
  return ((await res.json()) as { value: T }).value
}

async function signIn(page: Page, staffNumber: string, pin: string): Promise<void> {
  await page.goto(host!.url)
  await page.getByLabel('Staff number').fill(staffNumber)
  await page.getByLabel(/^PIN/).fill(pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a receipt that did not print is listed for the clerk after a kill -9 and a restart of the host', async ({
  page,
}) => {
  printer = await startPrinterPeer()
  host = await startHost()
  await page.goto(host.url)
  await api(page, 'setup.createCentre', {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: { staffNumber: 'ADM001', name: 'Amina Wanjiru', pin: '482619' },
  })
  await api(page, 'printer.configure', tcp(await printer.refusedPort()))
  await api(page, 'staff.create', { staffNumber: 'CLK001', name: 'Brian Otieno', role: 'clerk', pin: '5937' })
  const registered = await api<{ printJob: { id: number } }>(page, 'application.register', {
    serviceCode: 'BIRTH_CERT',
    customerName: 'Wanjiku Kamau',
    phone: '0712345678',
    idNumber: '23456789',
    language: 'en',
    smsConsent: true,
  })

  // The refusal is recorded before the power goes (a kill while it is still being sent is the COPY case).
  await expect
    .poll(
      async () =>
        (await api<{ status: string }>(page, 'print.job', { jobId: registered.printJob.id })).status,
    )
    .toBe('failed')
  await host.kill9()
  host = await startHost({ dataDir: host.dataDir, timeline: host.timeline })
  await signIn(page, 'CLK001', '5937')
  const owed = page.getByTestId('unprinted-receipts')
  await expect(owed).toContainText('1 receipt did not print')
  await expect(owed).toContainText('Wanjiku Kamau')
  // Refused before any byte went out: printing it again gives the original, and the button says so.
  await expect(owed.getByRole('button', { name: 'Print again' })).toBeVisible()
  await page.screenshot({ path: path.join(SHOTS, 'counter-unprinted-after-restart.png') })
})
