import zlib from 'node:zlib'
import type { Image } from './logo'

/** Image files written with Node's zlib only: PNG, Windows ICO (BMP and PNG entries) and 24-bit BMP. */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0)
  return Buffer.concat([head, body, crc])
}

/** An 8-bit RGBA PNG (colour type 6), each row with filter 0, deflated at level 9 (same input, same bytes). */
export function encodePng(image: Image): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(image.width, 0)
  ihdr.writeUInt32BE(image.height, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const stride = image.width * 4
  const raw = Buffer.alloc((stride + 1) * image.height)
  for (let y = 0; y < image.height; y++)
    raw.set(image.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** An ICO entry's image as a 32-bit BMP (DIB): BGRA rows bottom-up, then an all-clear AND mask. */
function icoBitmap(image: Image): Buffer {
  const { width, height } = image
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0)
  header.writeInt32LE(width, 4)
  header.writeInt32LE(height * 2, 8) // XOR bitmap and AND mask, stacked
  header.writeUInt16LE(1, 12)
  header.writeUInt16LE(32, 14)
  const pixels = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4
      const d = ((height - 1 - y) * width + x) * 4
      pixels[d] = image.data[s + 2] as number
      pixels[d + 1] = image.data[s + 1] as number
      pixels[d + 2] = image.data[s] as number
      pixels[d + 3] = image.data[s + 3] as number
    }
  const maskStride = Math.ceil(width / 32) * 4
  return Buffer.concat([header, pixels, Buffer.alloc(maskStride * height)])
}

/**
 * A Windows .ico with one entry per image: BMP entries below 256 px (every Windows and NSIS reads those), a PNG
 * entry at 256 px (as Windows' own icons do; a 256 px BMP would be 256 KB).
 */
export function encodeIco(images: Image[]): Buffer {
  const dir = Buffer.alloc(6 + 16 * images.length)
  dir.writeUInt16LE(1, 2)
  dir.writeUInt16LE(images.length, 4)
  const bodies = images.map((img) => (img.width >= 256 ? encodePng(img) : icoBitmap(img)))
  let offset = dir.length
  images.forEach((img, i) => {
    const e = 6 + 16 * i
    dir[e] = img.width >= 256 ? 0 : img.width
    dir[e + 1] = img.height >= 256 ? 0 : img.height
    dir.writeUInt16LE(1, e + 4)
    dir.writeUInt16LE(32, e + 6)
    dir.writeUInt32LE((bodies[i] as Buffer).length, e + 8)
    dir.writeUInt32LE(offset, e + 12)
    offset += (bodies[i] as Buffer).length
  })
  return Buffer.concat([dir, ...bodies])
}

/** A 24-bit BMP, as NSIS wants for its sidebar; alpha is blended onto `background`. */
export function encodeBmp24(image: Image, background: { r: number; g: number; b: number }): Buffer {
  const { width, height } = image
  const stride = Math.ceil((width * 3) / 4) * 4
  const file = Buffer.alloc(54 + stride * height)
  file.write('BM', 0, 'latin1')
  file.writeUInt32LE(file.length, 2)
  file.writeUInt32LE(54, 10)
  file.writeUInt32LE(40, 14)
  file.writeInt32LE(width, 18)
  file.writeInt32LE(height, 22)
  file.writeUInt16LE(1, 26)
  file.writeUInt16LE(24, 28)
  file.writeUInt32LE(stride * height, 34)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4
      const a = (image.data[s + 3] as number) / 255
      const mix = (c: number, bg: number): number => Math.round(c * a + bg * (1 - a))
      const d = 54 + (height - 1 - y) * stride + x * 3
      file[d] = mix(image.data[s + 2] as number, background.b)
      file[d + 1] = mix(image.data[s + 1] as number, background.g)
      file[d + 2] = mix(image.data[s] as number, background.r)
    }
  return file
}
