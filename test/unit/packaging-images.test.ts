import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { appIcon } from '../../scripts/icons/logo'
import { ICO_SIZES, LINUX_SIZES } from '../../scripts/make-icons'

/**
 * The committed packaging images (written by `npm run icons`) read back with their own headers: the sizes Windows,
 * NSIS and the Linux desktop ask for, and pixels that decode to the mark the script draws.
 */
const root = path.resolve(import.meta.dirname, '../..')
const read = (rel: string): Buffer => fs.readFileSync(path.join(root, rel))

function pngSize(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] as number }
}

interface IcoEntry {
  size: number
  offset: number
  length: number
}

function icoEntries(ico: Buffer): IcoEntry[] {
  expect(ico.readUInt16LE(0)).toBe(0)
  expect(ico.readUInt16LE(2)).toBe(1)
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const e = 6 + 16 * i
    return { size: ico[e] || 256, offset: ico.readUInt32LE(e + 12), length: ico.readUInt32LE(e + 8) }
  })
}

describe('packaging images', () => {
  it('build/icon.ico holds 16 to 256 px, BMP entries below 256 and a PNG at 256', () => {
    const ico = read('build/icon.ico')
    const entries = icoEntries(ico)
    expect(entries.map((e) => e.size)).toEqual(ICO_SIZES)
    for (const e of entries) {
      const body = ico.subarray(e.offset, e.offset + e.length)
      if (e.size === 256) expect(pngSize(body)).toEqual({ width: 256, height: 256, colourType: 6 })
      else {
        expect(body.readUInt32LE(0)).toBe(40)
        expect([body.readInt32LE(4), body.readInt32LE(8), body.readUInt16LE(14)]).toEqual([
          e.size,
          e.size * 2,
          32,
        ])
      }
    }
  })

  it('the 16 px entry of build/icon.ico is, pixel for pixel, the mark scripts/icons/logo.ts draws', () => {
    const ico = read('build/icon.ico')
    const entry = icoEntries(ico)[0] as IcoEntry
    const drawn = appIcon(16)
    const bgra = ico.subarray(entry.offset + 40, entry.offset + 40 + 16 * 16 * 4)
    for (let y = 0; y < 16; y++)
      for (let x = 0; x < 16; x++) {
        const s = (y * 16 + x) * 4
        const d = ((15 - y) * 16 + x) * 4
        expect([bgra[d + 2], bgra[d + 1], bgra[d], bgra[d + 3]]).toEqual([...drawn.data.subarray(s, s + 4)])
      }
    // The mark is there: Huduma green in the corner tile, white in the receipt.
    expect([...drawn.data.subarray((8 * 16 + 2) * 4, (8 * 16 + 2) * 4 + 4)]).toEqual([0x00, 0x7b, 0x3c, 255])
    expect([...drawn.data.subarray((4 * 16 + 8) * 4, (4 * 16 + 8) * 4 + 4)]).toEqual([255, 255, 255, 255])
  })

  it('build/icons/ has every Linux size as NxN.png and build/icon.png is 512 px', () => {
    for (const size of LINUX_SIZES)
      expect(pngSize(read(`build/icons/${size}x${size}.png`))).toEqual({
        width: size,
        height: size,
        colourType: 6,
      })
    expect(pngSize(read('build/icon.png'))).toMatchObject({ width: 512, height: 512 })
    expect(pngSize(read('resources/icon.png'))).toMatchObject({ width: 256, height: 256 })
  })

  it('the PNGs decode: their image data inflates to one filter byte and 4 bytes a pixel per row', () => {
    const png = read('build/icons/32x32.png')
    const idat = png.subarray(8 + 25 + 8, 8 + 25 + 8 + png.readUInt32BE(8 + 25))
    expect(png.toString('latin1', 8 + 25 + 4, 8 + 25 + 8)).toBe('IDAT')
    expect(zlib.inflateSync(idat).length).toBe(32 * (1 + 32 * 4))
  })

  it('build/installer-sidebar.bmp is the 164 × 314 24-bit bitmap NSIS asks for', () => {
    const bmp = read('build/installer-sidebar.bmp')
    expect(bmp.toString('latin1', 0, 2)).toBe('BM')
    expect([bmp.readInt32LE(18), bmp.readInt32LE(22), bmp.readUInt16LE(28), bmp.readUInt32LE(30)]).toEqual([
      164, 314, 24, 0,
    ])
    expect(bmp.length).toBe(54 + Math.ceil((164 * 3) / 4) * 4 * 314)
  })
})
