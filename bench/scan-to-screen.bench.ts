import { chromium, type Browser, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setUpDesk, signInAsDesk } from '../test/e2e/fixtures/desk'
import { startHost, type RunningHost } from '../test/e2e/fixtures/host'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium'
import { startPtyPair, type PtyPair } from '../test/helpers/serial-pty'
import { percentile, report } from './report'

/**
 * Scan → committed → visible on screen (BRIEF quality bar: p99 under 50 ms at 10 scans/s sustained), end to end:
 * a code written to a real pty as a serial scanner would send it, read by the built browser host's scanner driver,
 * pushed to Chromium over server-sent events, committed by `arrivals.scan`, and rendered in the batch's scans table.
 * The write time is taken in Node and the render time in the page with Date.now() (the same wall clock), by a
 * MutationObserver that stamps each code the moment its row enters the DOM. The time of the next animation frame
 * after that is reported too, as an upper estimate of when it was painted.
 */
const RATE_MS = 100
const DURATION_MS = 60_000
const MEASURED = DURATION_MS / RATE_MS
const WARM_UP = 20

let host: RunningHost
let pty: PtyPair
let ptyDir: string
let browser: Browser
let page: Page
const codes: string[] = []

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)))

beforeAll(async () => {
  host = await startHost()
  ptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-bench-pty-'))
  pty = await startPtyPair(ptyDir)
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
  // The codes are all different, so the repeat window never folds two of them; keep it small anyway.
  const desk = await setUpDesk(browser, host.url, pty.scannerPath, { duplicateWindowMs: 50 })
  const services = ['BIRTH_CERT', 'GOOD_CONDUCT', 'PASSPORT', 'SMART_DL', 'KRA_PIN']
  for (let i = 0; i < WARM_UP + MEASURED; i++) {
    codes.push(
      await desk.register({
        serviceCode: services[i % services.length] ?? 'BIRTH_CERT',
        customerName: 'Wanjiku Kamau',
        phone: `07${String(10_000_000 + i)}`,
        idNumber: String(20_000_000 + i),
      }),
    )
  }
  await desk.close()

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
  page = await context.newPage()
  await signInAsDesk(page, host.url)
  await page.getByLabel('From agency').fill('Civil Registration Services')
  await page.getByRole('button', { name: 'Open batch and start scanning' }).click()
  await page.getByTestId('arrived-count').waitFor()
  await page.getByText('Scanner: ready').waitFor()

  await page.evaluate(() => {
    const w = window as unknown as {
      __seen: Record<string, number>
      __frame: Record<string, number>
      __asked: Record<string, number>
      __answered: Record<string, number>
    }
    w.__seen = {}
    w.__frame = {}
    w.__asked = {}
    w.__answered = {}
    // Where the time goes: the page asks the host to commit the scan as soon as the pushed read arrives.
    const fetchBefore = window.fetch.bind(window)
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      if (!url.endsWith('/api/arrivals.scan') || typeof init?.body !== 'string')
        return fetchBefore(input, init)
      const code = (JSON.parse(init.body) as { code: string }).code
      w.__asked[code] = Date.now()
      const res = await fetchBefore(input, init)
      w.__answered[code] = Date.now()
      return res
    }
    const stamp = (): void => {
      const now = Date.now()
      const fresh: string[] = []
      for (const cell of document.querySelectorAll(
        'table[aria-label="Scans in this batch"] tbody tr td:first-child',
      )) {
        // The table shows tracking numbers in 4-4-4 groups; the codes written to the pty have no spaces.
        const code = (cell.textContent ?? '').replace(/\s/g, '')
        if (code !== '' && w.__seen[code] === undefined) {
          w.__seen[code] = now
          fresh.push(code)
        }
      }
      if (fresh.length > 0)
        requestAnimationFrame(() => {
          const painted = Date.now()
          for (const c of fresh) w.__frame[c] = painted
        })
    }
    new MutationObserver(stamp).observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    })
  })
})

afterAll(async () => {
  await browser?.close()
  await pty?.stop()
  await host?.stop()
  if (ptyDir) fs.rmSync(ptyDir, { recursive: true, force: true })
})

async function scanAtRate(batch: string[]): Promise<Map<string, number>> {
  const written = new Map<string, number>()
  const start = Date.now()
  for (let i = 0; i < batch.length; i++) {
    await sleep(start + i * RATE_MS - Date.now())
    const code = batch[i] ?? ''
    written.set(code, Date.now())
    await pty.write(code + '\r')
  }
  return written
}

type Stamps = Record<'seen' | 'frame' | 'asked' | 'answered', Record<string, number>>

async function seenInPage(): Promise<Stamps> {
  return page.evaluate(() => {
    const w = window as unknown as Record<`__${keyof Stamps}`, Record<string, number>>
    return { seen: w.__seen, frame: w.__frame, asked: w.__asked, answered: w.__answered }
  })
}

it('scan to screen at 10 scans/s', async () => {
  const warmUp = codes.slice(0, WARM_UP)
  const measured = codes.slice(WARM_UP)
  await scanAtRate(warmUp)
  const written = await scanAtRate(measured)

  // Let the last scans through, then read the page's stamps.
  const deadline = Date.now() + 5000
  let stamps = await seenInPage()
  while (measured.some((c) => stamps.frame[c] === undefined) && Date.now() < deadline) {
    await sleep(100)
    stamps = await seenInPage()
  }
  const toDom: number[] = []
  const toFrame: number[] = []
  const toPage: number[] = []
  const commit: number[] = []
  const render: number[] = []
  for (const code of measured) {
    const at = written.get(code)
    const { seen, frame, asked, answered } = stamps
    const dom = seen[code]
    if (at === undefined || dom === undefined) continue
    toDom.push(dom - at)
    if (frame[code] !== undefined) toFrame.push((frame[code] ?? 0) - at)
    const a = asked[code]
    const b = answered[code]
    if (a === undefined || b === undefined) continue
    toPage.push(a - at)
    commit.push(b - a)
    render.push(dom - b)
  }
  const arrived = await page.getByTestId('arrived-count').textContent()
  const badges = await page
    .getByRole('table', { name: 'Scans in this batch' })
    .getByText('arrived', { exact: true })
    .count()

  report('desk.scan-to-screen p50', percentile(toDom, 50), 'ms', 'informational')
  report('desk.scan-to-screen p99', percentile(toDom, 99), 'ms', '< 50 ms')
  report('desk.scan-to-screen max', Math.max(...toDom), 'ms', 'informational')
  report('desk.scan-to-next-frame p99', percentile(toFrame, 99), 'ms', 'informational')
  report('desk.serial-to-page p99 (read pushed)', percentile(toPage, 99), 'ms', 'informational')
  report('desk.scan-request p99 (arrivals.scan)', percentile(commit, 99), 'ms', 'informational')
  report('desk.response-to-dom p99 (React)', percentile(render, 99), 'ms', 'informational')
  report('desk.scans measured', toDom.length, 'scans', `${MEASURED} of ${MEASURED}`)

  expect(toDom).toHaveLength(MEASURED)
  expect(arrived).toBe(String(WARM_UP + MEASURED))
  // The table shows the latest 8 scans, every one an arrival.
  expect(badges).toBe(8)
})
