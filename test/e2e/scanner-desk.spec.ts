import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { formatTrackingNumber } from '../../common/tracking-number'
import { startPtyPair, type PtyPair } from '../helpers/serial-pty'
import { holdingTheDesk, setUpDesk, signInAsDesk, type DeskSetup } from './fixtures/desk'
import { startHost, type RunningHost } from './fixtures/host'

/**
 * One serial scanner, two tabs of the desk officer: a read lands once, in the tab that holds the scanner's desk —
 * the one opened or worked in last — never in both (main/core/event-hub.ts).
 */
let host: RunningHost
let pty: PtyPair
let ptyDir: string
let desk: DeskSetup

test.beforeAll(async ({ browser }) => {
  host = await startHost()
  ptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-pty-'))
  pty = await startPtyPair(ptyDir)
  desk = await setUpDesk(browser, host.url, pty.scannerPath, { duplicateWindowMs: 0 })
})

test.afterAll(async () => {
  await desk?.close()
  await pty?.stop()
  await host?.stop()
  if (ptyDir) fs.rmSync(ptyDir, { recursive: true, force: true })
})

test('two tabs: a serial scan goes only to the tab worked in last, and back when the officer returns to the other', async ({
  context,
}) => {
  const first = await desk.register({
    serviceCode: 'BIRTH_CERT',
    customerName: 'Wanjiru Mwangi',
    phone: '0712 000 111',
    idNumber: '24681357',
  })
  const second = await desk.register({
    serviceCode: 'PASSPORT',
    customerName: 'Kiprop Rotich',
    phone: '0722 000 222',
    idNumber: '13572468',
  })

  // Tab A: an arrival batch, scanning.
  const arrivals = await context.newPage()
  await signInAsDesk(arrivals, host.url)
  await arrivals.getByLabel('From agency').fill('Civil Registration Services')
  await arrivals.getByRole('button', { name: 'Open batch and start scanning' }).click()
  await expect(arrivals.getByTestId('arrived-count')).toHaveText('0')
  await pty.write(first + '\r')
  await expect(arrivals.getByTestId('arrived-count')).toHaveText('1')

  // Tab B: the hand-over page takes the desk when it opens.
  const handover = await context.newPage()
  await holdingTheDesk(handover, async () => {
    // The same browser session: already signed in, on the desk's first page.
    await handover.goto(host.url)
    await handover.getByRole('navigation', { name: 'Desks' }).getByText('Collection', { exact: true }).click()
    await expect(handover.getByLabel('Find documents to hand over')).toBeVisible()
  })
  await pty.write(first + '\r')
  await expect(handover.getByText('Wanjiru Mwangi · Birth certificate')).toBeVisible()
  // Tab A did not act on it: still one document in the batch, no repeat shown.
  await expect(arrivals.getByTestId('arrived-count')).toHaveText('1')
  await expect(arrivals.getByRole('table', { name: 'Scans in this batch' }).getByRole('row')).toHaveCount(1)

  // Back in tab A (the officer clicks into it): the desk follows, and the next read is an arrival there.
  await holdingTheDesk(arrivals, async () => {
    await arrivals.bringToFront()
    await arrivals.getByLabel('Scan a document').blur()
    await arrivals.getByLabel('Scan a document').click()
  })
  await pty.write(second + '\r')
  await expect(arrivals.getByTestId('arrived-count')).toHaveText('2')
  await expect(
    arrivals.getByRole('table', { name: 'Scans in this batch' }).getByRole('row').first(),
  ).toContainText(formatTrackingNumber(second))
  await expect(handover.getByText('Kiprop Rotich · Passport')).toHaveCount(0)
})
