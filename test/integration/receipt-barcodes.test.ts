/**
 * The receipt preview's barcodes must scan: render the SVG, rasterise it in Chromium, and decode the PNG with
 * zbarimg (an independent decoder). Also decodes the QR raster from the ESC/POS bytes the same way, so the printed
 * QR is checked by zbar too, not only by our test reader.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { promisify } from 'node:util'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium'
import type { Browser } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderReceipt } from '../../main/receipts'
import type { ReceiptData } from '../../main/receipts'
import { parseEscPos } from '../helpers/escpos-parse'
import type { RasterImage } from '../helpers/escpos-parse'

const run = promisify(execFile)
const CHROMIUM = CHROMIUM_PATH
const ZBARIMG = '/usr/bin/zbarimg'
const SCREENS = join(__dirname, '..', '..', 'test-results', 'screens')

const DATA: ReceiptData = {
  centreName: 'Huduma Centre GPO Nairobi',
  centreNumber: '042',
  trackingNumber: '042107385192',
  serviceNameEn: 'Replacement of lost national ID card',
  serviceNameSw: 'Kubadilisha kitambulisho kilichopotea',
  phoneE164: '+254712345123',
  registeredAt: Date.UTC(2026, 10, 28, 11, 5),
  expectedReady: '2026-12-07',
  statusUrl: 'https://track.huduma.go.ke/s/042107385192',
  howToCheck: 'SMS the tracking number to 22551, dial *551# or scan the QR code below.',
  clerkName: 'Jane Wanjiku',
  clerkStaffNumber: 'S10234',
  workstationSlot: '07',
}

/** zbarimg --raw prints one symbol per line; exit 4 means "no symbol found". */
async function zbar(png: string): Promise<string[]> {
  try {
    const { stdout } = await run(ZBARIMG, ['--raw', '-q', png])
    return stdout.split('\n').filter((l) => l.length > 0)
  } catch (e) {
    const err = e as { code?: number; stdout?: string }
    if (err.code === 4) return []
    throw e
  }
}

/** A minimal greyscale PNG writer for a 1-bit raster (black = 1), with a quiet zone. */
function rasterToPng(img: RasterImage, scale = 2, quiet = 16): Buffer {
  const w = (img.width + quiet * 2) * scale
  const h = (img.height + quiet * 2) * scale
  const raw = Buffer.alloc((w + 1) * h, 0xff)
  for (let y = 0; y < h; y++) {
    raw[y * (w + 1)] = 0 // filter: none
    const sy = Math.floor(y / scale) - quiet
    for (let x = 0; x < w; x++) {
      const sx = Math.floor(x / scale) - quiet
      const black =
        sy >= 0 && sy < img.height && sx >= 0 && sx < img.width && img.pixels[sy * img.width + sx] === 1
      if (black) raw[y * (w + 1) + 1 + x] = 0
    }
  }
  const chunk = (type: string, body: Buffer): Buffer => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(body.length)
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(typed))
    return Buffer.concat([len, typed, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

describe('receipt barcodes scan (Chromium + zbarimg)', () => {
  let browser: Browser

  beforeAll(async () => {
    const missing = [CHROMIUM, ZBARIMG].filter((p) => !existsSync(p))
    if (missing.length > 0) {
      throw new Error(
        `Missing ${missing.join(' and ')}: run \`npm run tools\` (installs chromium and zbar-tools).`,
      )
    }
    mkdirSync(SCREENS, { recursive: true })
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  for (const columns of [48, 32] as const) {
    it(`${columns} columns: the SVG preview's Code 128 reads as the 12 digits and its QR as the status URL`, async () => {
      const { svg } = renderReceipt(DATA, { columns })
      const context = await browser.newContext({
        deviceScaleFactor: 2,
        viewport: { width: columns * 12 + 64, height: 800 },
      })
      try {
        const page = await context.newPage()
        await page.setContent(
          `<!doctype html><html><body style="margin:0;padding:32px;background:#fff">${svg}</body></html>`,
        )
        const png = join(SCREENS, `receipt-${columns}.png`)
        await page.locator('svg').first().screenshot({ path: png, omitBackground: false })
        const symbols = await zbar(png)
        expect(symbols).toContain(DATA.trackingNumber)
        expect(symbols).toContain(DATA.statusUrl)
      } finally {
        await context.close()
      }
    })

    it(`${columns} columns: the QR raster in the ESC/POS bytes decodes with zbarimg too`, async () => {
      const { escpos } = renderReceipt(DATA, { columns })
      const parsed = parseEscPos(escpos)
      expect(parsed.images).toHaveLength(1)
      const png = join(SCREENS, `receipt-${columns}-escpos-qr.png`)
      writeFileSync(png, rasterToPng(parsed.images[0]!))
      expect(await zbar(png)).toEqual([DATA.statusUrl])
    })
  }
})
