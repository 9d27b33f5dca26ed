import { expect, test, type Download } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { ADMIN, CLERK, session } from './fixtures/desk'
import { startHost, type RunningHost } from './fixtures/host'

/**
 * Settings → About in Chromium against the browser host: the versions (Electron and its Chromium said absent, not
 * invented), then "Export diagnostics" saves one file that holds the host's log, with a window error the page met,
 * and none of a registered customer's name, phone or ID number.
 */

const SHOTS = path.resolve(__dirname, '../../test-results/screens')
const CUSTOMER = { name: 'Kanarie Wambuiqa', phone: '0712 987 654', idNumber: '31415926' }
const CANARIES = ['712987654', CUSTOMER.idNumber, 'Kanarie', 'Wambuiqa']

let host: RunningHost
test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  host = await startHost()
})
test.afterAll(async () => {
  await host?.stop()
})

test('About names every version and the slot; the diagnostics file has the logs and no customer in it', async ({
  browser,
}) => {
  const admin = await session(browser, host.url)
  await admin.call('setup.createCentre', {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: ADMIN,
  })
  await admin.call('staff.create', { ...CLERK, role: 'clerk' })
  const clerk = await session(browser, host.url)
  await clerk.call('auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
  await clerk.call('application.register', {
    serviceCode: 'BIRTH_CERT',
    customerName: CUSTOMER.name,
    phone: CUSTOMER.phone,
    idNumber: CUSTOMER.idNumber,
    language: 'en',
    smsConsent: true,
  })
  await clerk.context.close()

  const { page } = admin
  await page.goto(host.url)
  await page.getByRole('navigation', { name: 'Desks' }).getByText('Settings', { exact: true }).click()
  await page.getByRole('tab', { name: 'About' }).click()
  const table = page.getByRole('table', { name: 'About this app' })
  await expect(table.getByRole('row', { name: /^Electron/ })).toHaveText('Electronnot running in Electron')
  await expect(table.getByRole('row', { name: /^Chromium/ })).toContainText(
    /not running in Electron; this browser: Chromium \d+\./,
  )
  await expect(table.getByRole('row', { name: /^Node/ })).toContainText(/\d+\.\d+\.\d+/)
  await expect(table.getByRole('row', { name: /^Encryption/ })).toContainText('SQLCipher 4 scheme')
  await expect(table.getByRole('row', { name: /^Data folder/ })).toContainText(host.dataDir)
  await expect(table.getByRole('row', { name: /^Workstation slot/ })).toHaveText('Workstation slot01')
  await page.screenshot({ path: path.join(SHOTS, 'about.png') })

  // A script error on the page reaches the host's log, masked like every line.
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('e2e: no application for 0712987654')
    })
  })
  const hostLog = (): string =>
    fs
      .readdirSync(path.join(host.dataDir, 'logs'))
      .filter((f) => f.startsWith('host.'))
      .map((f) => fs.readFileSync(path.join(host.dataDir, 'logs', f), 'utf8'))
      .join('')
  await expect.poll(hostLog).toContain('window error: Uncaught Error: e2e: no application for 07•• ••• 654')

  const exportButton = page.getByRole('button', { name: 'Export diagnostics' })
  await exportButton.scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(SHOTS, 'about-diagnostics.png') })
  const downloads: Download[] = []
  page.on('download', (d) => downloads.push(d))
  await exportButton.click()
  await expect.poll(() => downloads.length).toBe(1)
  expect(downloads[0]!.suggestedFilename()).toMatch(/^tms-diagnostics-042-01-\d{8}T\d{4}\.json$/)
  const bytes = fs.readFileSync(await downloads[0]!.path())
  const doc = JSON.parse(bytes.toString('utf8')) as {
    kind: string
    about: { electron: string | null }
    outbox: { depth: number }
    logs: { file: string; lines: { msg: string }[] }[]
  }
  expect(doc.kind).toBe('tms-diagnostics')
  expect(doc.about.electron).toBeNull()
  expect(doc.outbox.depth).toBeGreaterThan(0)
  const msgs = doc.logs.flatMap((l) => l.lines.map((x) => x.msg))
  expect(msgs.some((m) => m.startsWith('Track My Service is at http://127.0.0.1:'))).toBe(true)
  expect(msgs).toContain('window error: Uncaught Error: e2e: no application for 07•• ••• 654')
  const text = bytes.toString('utf8').toLowerCase()
  for (const c of CANARIES) {
    expect(text, c).not.toContain(c.toLowerCase())
    expect(bytes.includes(Buffer.from(c, 'utf16le')), c).toBe(false)
  }
  await admin.context.close()
})
