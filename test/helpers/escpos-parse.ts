/**
 * A small, strict ESC/POS stream parser for tests. It walks the bytes the way a printer would, and collects:
 * - printable text, one entry per printed line (decoded through the code page selected with ESC t, laid out by
 *   GS L / ESC $ / ESC \ positioning so columns stay apart; enlarged characters count once);
 * - barcodes (GS k), with Code 128 code-set prefixes (`{A` `{B` `{C` `{S` `{{` `{1`…) decoded back to the payload;
 * - QR codes: native ones (GS ( k, function 80 "store data") and raster ones (GS 8 L / GS v 0 images, which is how
 *   receiptline prints QR codes) decoded by the small error-free QR reader below;
 * - paper cuts (GS V, ESC i, ESC m).
 * An unknown command throws with its offset, so a test notices bytes it does not understand.
 */

export interface RasterImage {
  width: number
  height: number
  /** Row-major, one byte per pixel, 1 = black. */
  pixels: Uint8Array
}

export interface ParsedEscPos {
  lines: string[]
  barcodes: { type: string; data: string }[]
  qrCodes: string[]
  cuts: number
  images: RasterImage[]
}

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'
const cp1252 = new TextDecoder('windows-1252')

/** One byte ≥ 0x80 in code page `page` (ESC t n). Page 1 (Katakana) is only used by receiptline for rules. */
function decodeHigh(byte: number, page: number): string {
  switch (page) {
    case 0:
      return CP437_HIGH[byte - 0x80] ?? '?'
    case 16:
      return cp1252.decode(Uint8Array.of(byte))
    case 1:
      return byte === 0x95 ? '-' : byte === 0x96 ? '|' : '+'
    default:
      return '?'
  }
}

const BARCODE_TYPES: Record<number, string> = {
  0: 'UPC-A',
  1: 'UPC-E',
  2: 'EAN13',
  3: 'EAN8',
  4: 'CODE39',
  5: 'ITF',
  6: 'CODABAR',
  65: 'UPC-A',
  66: 'UPC-E',
  67: 'EAN13',
  68: 'EAN8',
  69: 'CODE39',
  70: 'ITF',
  71: 'CODABAR',
  72: 'CODE93',
  73: 'CODE128',
}

/** ESC/POS Code 128 data (GS k 73) → the encoded text. Throws on data a printer would reject. */
export function decodeEscPosCode128(data: Uint8Array): string {
  let set: 'A' | 'B' | 'C' | undefined
  let out = ''
  for (let i = 0; i < data.length; i++) {
    const b = data[i] ?? 0
    if (b === 0x7b) {
      const c = String.fromCharCode(data[++i] ?? 0)
      if (c === 'A' || c === 'B' || c === 'C') set = c
      else if (c === '{') out += '{'
      else if (c === 'S') {
        // Shift: exactly one following character from the other of A/B.
        const d = data[++i] ?? 0
        out += String.fromCharCode(d)
      } else if (!'1234'.includes(c)) throw new Error(`Code 128: unknown escape {${c}`)
      continue
    }
    if (set === undefined) throw new Error('Code 128: data must start with a code set ({A, {B or {C)')
    if (set === 'C') {
      if (b > 99) throw new Error(`Code 128 set C: byte ${b} is not 0-99`)
      out += String(b).padStart(2, '0')
    } else out += String.fromCharCode(b)
  }
  return out
}

export function parseEscPos(buf: Uint8Array): ParsedEscPos {
  const result: ParsedEscPos = { lines: [], barcodes: [], qrCodes: [], cuts: 0, images: [] }
  const CHAR = 12 // dots per character, Font A
  let page = 0
  let left = 0 // GS L, dots
  let x = 0 // dots from the left margin
  let scaleW = 1
  let line = ''
  let needsPad = true
  const at = (i: number): number => {
    const v = buf[i]
    if (v === undefined) throw new Error(`ESC/POS: stream ends inside a command at byte ${i}`)
    return v
  }
  const flush = (): void => {
    result.lines.push(line.trimEnd())
    line = ''
    x = 0
    needsPad = true
  }
  const image = (img: RasterImage): void => {
    result.images.push(img)
    const qr = decodeQrImage(img)
    if (qr !== null) result.qrCodes.push(qr)
  }
  const raster = (start: number, bytesPerRow: number, height: number): RasterImage => {
    const width = bytesPerRow * 8
    const pixels = new Uint8Array(width * height)
    for (let r = 0; r < height; r++) {
      for (let c = 0; c < width; c++) {
        pixels[r * width + c] = (at(start + r * bytesPerRow + (c >> 3)) >> (7 - (c & 7))) & 1
      }
    }
    return { width, height, pixels }
  }

  let i = 0
  while (i < buf.length) {
    const b = at(i)
    if (b === 0x0a) {
      flush()
      i++
    } else if (b === 0x0d) i++
    else if (b >= 0x20 && b !== 0x7f) {
      if (needsPad) {
        const col = Math.round((left + x) / CHAR)
        while (line.length < col) line += ' '
        needsPad = false
      }
      line += b < 0x80 ? String.fromCharCode(b) : decodeHigh(b, page)
      x += CHAR * scaleW
      i++
    } else if (b === 0x1b) {
      const c = at(i + 1)
      const n = (k: number): number => at(i + 2 + k)
      switch (String.fromCharCode(c)) {
        case '@':
          page = 0
          left = 0
          x = 0
          scaleW = 1
          i += 2
          break
        case '2':
          i += 2
          break
        case 'i':
        case 'm':
          result.cuts++
          i += 2
          break
        case 't':
          page = n(0)
          i += 3
          break
        case '!':
          scaleW = n(0) & 0x20 ? 2 : 1
          i += 3
          break
        case 'E':
        case '-':
        case 'M':
        case 'a':
        case '{':
        case ' ':
        case '3':
        case 'R':
        case 'G':
        case 'V':
        case 'J':
          i += 3
          break
        case 'd':
          flush()
          for (let k = 1; k < n(0); k++) flush()
          i += 3
          break
        case '$':
          x = n(0) + n(1) * 256
          needsPad = true
          i += 4
          break
        case '\\':
          x += ((n(0) + n(1) * 256) << 16) >> 16
          needsPad = true
          i += 4
          break
        case 'p':
          i += 5
          break
        default:
          throw new Error(`ESC/POS: unknown ESC 0x${c.toString(16)} at byte ${i}`)
      }
    } else if (b === 0x1d) {
      const c = at(i + 1)
      const n = (k: number): number => at(i + 2 + k)
      switch (String.fromCharCode(c)) {
        case '!': {
          scaleW = (n(0) >> 4) + 1
          i += 3
          break
        }
        case 'B':
        case 'a':
        case 'r':
        case 'w':
        case 'h':
        case 'H':
        case 'f':
        case 'I':
          i += 3
          break
        case 'L':
          left = n(0) + n(1) * 256
          needsPad = true
          i += 4
          break
        case 'W':
        case 'P':
          i += 4
          break
        case 'V': {
          result.cuts++
          const m = n(0)
          i += m === 0 || m === 1 || m === 48 || m === 49 ? 3 : 4
          break
        }
        case 'k': {
          const m = n(0)
          const type = BARCODE_TYPES[m] ?? `type-${m}`
          let data: Uint8Array
          if (m <= 6) {
            const end = buf.indexOf(0, i + 3)
            if (end < 0) throw new Error(`ESC/POS: unterminated GS k at byte ${i}`)
            data = buf.subarray(i + 3, end)
            i = end + 1
          } else {
            const len = n(1)
            data = buf.subarray(i + 4, i + 4 + len)
            i += 4 + len
          }
          result.barcodes.push({
            type,
            data: type === 'CODE128' ? decodeEscPosCode128(data) : Buffer.from(data).toString('latin1'),
          })
          break
        }
        case '8': {
          // GS 8 L p1 p2 p3 p4 m fn [a bx by c xL xH yL yH d…]
          if (n(0) !== 0x4c) throw new Error(`ESC/POS: unknown GS 8 at byte ${i}`)
          const p = n(1) + n(2) * 256 + n(3) * 65536 + n(4) * 16777216
          const fn = n(6)
          if (fn === 112) {
            const w = n(11) + n(12) * 256
            const h = n(13) + n(14) * 256
            image(raster(i + 17, (w + 7) >> 3, h))
          }
          i += 7 + p
          break
        }
        case 'v': {
          // GS v 0 m xL xH yL yH d…
          const xBytes = n(2) + n(3) * 256
          const h = n(4) + n(5) * 256
          image(raster(i + 8, xBytes, h))
          i += 8 + xBytes * h
          break
        }
        case '(': {
          const fnClass = String.fromCharCode(n(0))
          const p = n(1) + n(2) * 256
          if (fnClass === 'k' && n(3) === 49 && n(4) === 80) {
            result.qrCodes.push(Buffer.from(buf.subarray(i + 8, i + 5 + p)).toString('utf8'))
          } else if (!'LkAEH'.includes(fnClass))
            throw new Error(`ESC/POS: unknown GS ( ${fnClass} at byte ${i}`)
          i += 5 + p
          break
        }
        default:
          throw new Error(`ESC/POS: unknown GS 0x${c.toString(16)} at byte ${i}`)
      }
    } else if (b === 0x1c) {
      const c = String.fromCharCode(at(i + 1))
      const n = (k: number): number => at(i + 2 + k)
      if (c === '.' || c === '&') i += 2
      else if (c === 'C' || c === '-') i += 3
      else if (c === 'S' || c === 'p') i += 4
      else if (c === '(') i += 5 + n(1) + n(2) * 256
      else throw new Error(`ESC/POS: unknown FS ${c} at byte ${i}`)
    } else {
      throw new Error(`ESC/POS: unexpected control byte 0x${b.toString(16)} at byte ${i}`)
    }
  }
  if (line.length > 0) flush()
  return result
}

// ---------------------------------------------------------------------------------------------------------------
// A QR reader for clean, computer-made rasters (no perspective, no damage): samples the module grid, reads the
// format information, unmasks, de-interleaves the blocks and parses numeric / alphanumeric / byte segments. It does
// no Reed-Solomon correction, so a single wrong module fails the read rather than being silently repaired.
// ---------------------------------------------------------------------------------------------------------------

/** Per level and version: [blocks in group 1, blocks in group 2, codewords per group-1 block, data codewords]. */
const RS_BLOCKS: Record<'L' | 'M' | 'Q' | 'H', readonly (readonly [number, number, number, number])[]> = {
  L: [
    [1, 0, 26, 19],
    [1, 0, 44, 34],
    [1, 0, 70, 55],
    [1, 0, 100, 80],
    [1, 0, 134, 108],
    [2, 0, 86, 68],
    [2, 0, 98, 78],
    [2, 0, 121, 97],
    [2, 0, 146, 116],
    [2, 2, 86, 68],
    [4, 0, 101, 81],
    [2, 2, 116, 92],
    [4, 0, 133, 107],
    [3, 1, 145, 115],
    [5, 1, 109, 87],
    [5, 1, 122, 98],
    [1, 5, 135, 107],
    [5, 1, 150, 120],
    [3, 4, 141, 113],
    [3, 5, 135, 107],
    [4, 4, 144, 116],
    [2, 7, 139, 111],
    [4, 5, 151, 121],
    [6, 4, 147, 117],
    [8, 4, 132, 106],
    [10, 2, 142, 114],
    [8, 4, 152, 122],
    [3, 10, 147, 117],
    [7, 7, 146, 116],
    [5, 10, 145, 115],
    [13, 3, 145, 115],
    [17, 0, 145, 115],
    [17, 1, 145, 115],
    [13, 6, 145, 115],
    [12, 7, 151, 121],
    [6, 14, 151, 121],
    [17, 4, 152, 122],
    [4, 18, 152, 122],
    [20, 4, 147, 117],
    [19, 6, 148, 118],
  ],
  M: [
    [1, 0, 26, 16],
    [1, 0, 44, 28],
    [1, 0, 70, 44],
    [2, 0, 50, 32],
    [2, 0, 67, 43],
    [4, 0, 43, 27],
    [4, 0, 49, 31],
    [2, 2, 60, 38],
    [3, 2, 58, 36],
    [4, 1, 69, 43],
    [1, 4, 80, 50],
    [6, 2, 58, 36],
    [8, 1, 59, 37],
    [4, 5, 64, 40],
    [5, 5, 65, 41],
    [7, 3, 73, 45],
    [10, 1, 74, 46],
    [9, 4, 69, 43],
    [3, 11, 70, 44],
    [3, 13, 67, 41],
    [17, 0, 68, 42],
    [17, 0, 74, 46],
    [4, 14, 75, 47],
    [6, 14, 73, 45],
    [8, 13, 75, 47],
    [19, 4, 74, 46],
    [22, 3, 73, 45],
    [3, 23, 73, 45],
    [21, 7, 73, 45],
    [19, 10, 75, 47],
    [2, 29, 74, 46],
    [10, 23, 74, 46],
    [14, 21, 74, 46],
    [14, 23, 74, 46],
    [12, 26, 75, 47],
    [6, 34, 75, 47],
    [29, 14, 74, 46],
    [13, 32, 74, 46],
    [40, 7, 75, 47],
    [18, 31, 75, 47],
  ],
  Q: [
    [1, 0, 26, 13],
    [1, 0, 44, 22],
    [2, 0, 35, 17],
    [2, 0, 50, 24],
    [2, 2, 33, 15],
    [4, 0, 43, 19],
    [2, 4, 32, 14],
    [4, 2, 40, 18],
    [4, 4, 36, 16],
    [6, 2, 43, 19],
    [4, 4, 50, 22],
    [4, 6, 46, 20],
    [8, 4, 44, 20],
    [11, 5, 36, 16],
    [5, 7, 54, 24],
    [15, 2, 43, 19],
    [1, 15, 50, 22],
    [17, 1, 50, 22],
    [17, 4, 47, 21],
    [15, 5, 54, 24],
    [17, 6, 50, 22],
    [7, 16, 54, 24],
    [11, 14, 54, 24],
    [11, 16, 54, 24],
    [7, 22, 54, 24],
    [28, 6, 50, 22],
    [8, 26, 53, 23],
    [4, 31, 54, 24],
    [1, 37, 53, 23],
    [15, 25, 54, 24],
    [42, 1, 54, 24],
    [10, 35, 54, 24],
    [29, 19, 54, 24],
    [44, 7, 54, 24],
    [39, 14, 54, 24],
    [46, 10, 54, 24],
    [49, 10, 54, 24],
    [48, 14, 54, 24],
    [43, 22, 54, 24],
    [34, 34, 54, 24],
  ],
  H: [
    [1, 0, 26, 9],
    [1, 0, 44, 16],
    [2, 0, 35, 13],
    [4, 0, 25, 9],
    [2, 2, 33, 11],
    [4, 0, 43, 15],
    [4, 1, 39, 13],
    [4, 2, 40, 14],
    [4, 4, 36, 12],
    [6, 2, 43, 15],
    [3, 8, 36, 12],
    [7, 4, 42, 14],
    [12, 4, 33, 11],
    [11, 5, 36, 12],
    [11, 7, 36, 12],
    [3, 13, 45, 15],
    [2, 17, 42, 14],
    [2, 19, 42, 14],
    [9, 16, 39, 13],
    [15, 10, 43, 15],
    [19, 6, 46, 16],
    [34, 0, 37, 13],
    [16, 14, 45, 15],
    [30, 2, 46, 16],
    [22, 13, 45, 15],
    [33, 4, 46, 16],
    [12, 28, 45, 15],
    [11, 31, 45, 15],
    [19, 26, 45, 15],
    [23, 25, 45, 15],
    [23, 28, 45, 15],
    [19, 35, 45, 15],
    [11, 46, 45, 15],
    [59, 1, 46, 16],
    [22, 41, 45, 15],
    [2, 64, 45, 15],
    [24, 46, 45, 15],
    [42, 32, 45, 15],
    [10, 67, 45, 15],
    [20, 61, 45, 15],
  ],
}

/** Alignment pattern centre coordinates per version (ISO/IEC 18004 Annex E), index = version - 1. */
const ALIGNMENT: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
  [6, 30, 54],
  [6, 32, 58],
  [6, 34, 62],
  [6, 26, 46, 66],
  [6, 26, 48, 70],
  [6, 26, 50, 74],
  [6, 30, 54, 78],
  [6, 30, 56, 82],
  [6, 30, 58, 86],
  [6, 34, 62, 90],
  [6, 28, 50, 72, 94],
  [6, 26, 50, 74, 98],
  [6, 30, 54, 78, 102],
  [6, 28, 54, 80, 106],
  [6, 32, 58, 84, 110],
  [6, 30, 58, 86, 114],
  [6, 34, 62, 90, 118],
  [6, 26, 50, 74, 98, 122],
  [6, 30, 54, 78, 102, 126],
  [6, 26, 52, 78, 104, 130],
  [6, 30, 56, 82, 108, 134],
  [6, 34, 60, 86, 112, 138],
  [6, 30, 58, 86, 114, 142],
  [6, 34, 62, 90, 118, 146],
  [6, 30, 54, 78, 102, 126, 150],
  [6, 24, 50, 76, 102, 128, 154],
  [6, 28, 54, 80, 106, 132, 158],
  [6, 32, 58, 84, 110, 136, 162],
  [6, 26, 54, 82, 110, 138, 166],
  [6, 30, 58, 86, 114, 142, 170],
]

function formatCode(data: number): number {
  let v = data << 10
  for (let bit = 14; bit >= 10; bit--) if (v & (1 << bit)) v ^= 0x537 << (bit - 10)
  return ((data << 10) | v) ^ 0x5412
}

const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
]

/** Decodes a QR symbol in a clean raster, or returns null when the image is not one. */
export function decodeQrImage(img: RasterImage): string | null {
  const px = (x: number, y: number): number => img.pixels[y * img.width + x] ?? 0
  let minX = img.width
  let minY = img.height
  let maxX = -1
  let maxY = -1
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (px(x, y)) {
        minX = Math.min(minX, x)
        maxX = Math.max(maxX, x)
        minY = Math.min(minY, y)
        maxY = Math.max(maxY, y)
      }
    }
  }
  if (maxX < 0) return null
  let run = 0
  while (minX + run <= maxX && px(minX + run, minY)) run++
  const cell = run / 7
  const sizePx = maxX - minX + 1
  if (!Number.isInteger(cell) || cell < 1 || sizePx !== maxY - minY + 1 || sizePx % cell !== 0) return null
  const size = sizePx / cell
  const version = (size - 17) / 4
  if (!Number.isInteger(version) || version < 1 || version > 40) return null
  const half = Math.floor(cell / 2)
  const module = (r: number, c: number): number => px(minX + c * cell + half, minY + r * cell + half)

  // Format information (next to the top-left finder), best match among the 32 valid codes.
  let read = 0
  const formatCells: [number, number][] = [
    [8, 0],
    [8, 1],
    [8, 2],
    [8, 3],
    [8, 4],
    [8, 5],
    [8, 7],
    [8, 8],
    [7, 8],
    [5, 8],
    [4, 8],
    [3, 8],
    [2, 8],
    [1, 8],
    [0, 8],
  ]
  for (const [r, c] of formatCells) read = (read << 1) | module(r, c)
  let best = { data: -1, distance: 16 }
  for (let d = 0; d < 32; d++) {
    let diff = formatCode(d) ^ read
    let distance = 0
    for (; diff; diff &= diff - 1) distance++
    if (distance < best.distance) best = { data: d, distance }
  }
  if (best.distance > 3) return null
  const level = (['M', 'L', 'H', 'Q'] as const)[best.data >> 3]
  const mask = MASKS[best.data & 7]
  if (level === undefined || mask === undefined) return null

  // Function patterns: finders with separators and format areas, timing, alignment, version information.
  const reserved = Array.from({ length: size }, () => new Uint8Array(size))
  const reserve = (r0: number, c0: number, h: number, w: number): void => {
    for (let r = r0; r < r0 + h; r++) for (let c = c0; c < c0 + w; c++) reserved[r]![c] = 1
  }
  reserve(0, 0, 9, 9)
  reserve(0, size - 8, 9, 8)
  reserve(size - 8, 0, 8, 9)
  reserve(6, 0, 1, size)
  reserve(0, 6, size, 1)
  const centres = ALIGNMENT[version - 1] ?? []
  for (const r of centres) {
    for (const c of centres) {
      const inFinder = (r < 9 && c < 9) || (r < 9 && c > size - 9) || (r > size - 9 && c < 9)
      if (!inFinder) reserve(r - 2, c - 2, 5, 5)
    }
  }
  if (version >= 7) {
    reserve(0, size - 11, 6, 3)
    reserve(size - 11, 0, 3, 6)
  }

  // Data bits in the two-column zigzag, unmasked.
  const bits: number[] = []
  let upward = true
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right = 5
    for (let k = 0; k < size; k++) {
      const r = upward ? size - 1 - k : k
      for (const c of [right, right - 1]) {
        if (!reserved[r]![c]) bits.push(module(r, c) ^ (mask(r, c) ? 1 : 0))
      }
    }
    upward = !upward
  }
  const blocks = RS_BLOCKS[level][version - 1]
  if (blocks === undefined) return null
  const [g1, g2, n, k] = blocks
  const total = g1 * n + g2 * (n + 1)
  const codewords: number[] = []
  for (let w = 0; w < total; w++) {
    let v = 0
    for (let bit = 0; bit < 8; bit++) v = (v << 1) | (bits[w * 8 + bit] ?? 0)
    codewords.push(v)
  }
  const data: number[][] = Array.from({ length: g1 + g2 }, () => [])
  let idx = 0
  for (let w = 0; w <= k; w++) {
    for (let blk = 0; blk < g1 + g2; blk++) {
      if (w < k || blk >= g1) data[blk]!.push(codewords[idx++] ?? 0)
    }
  }
  const stream = data.flat()

  // Segments.
  let pos = 0
  const take = (count: number): number => {
    let v = 0
    for (let b = 0; b < count; b++) {
      const byte = stream[(pos + b) >> 3] ?? 0
      v = (v << 1) | ((byte >> (7 - ((pos + b) & 7))) & 1)
    }
    pos += count
    return v
  }
  const sizeClass = version < 10 ? 0 : version < 27 ? 1 : 2
  const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'
  const bytes: number[] = []
  while (pos + 4 <= stream.length * 8) {
    const mode = take(4)
    if (mode === 0) break
    if (mode === 4) {
      const count = take([8, 16, 16][sizeClass]!)
      for (let b = 0; b < count; b++) bytes.push(take(8))
    } else if (mode === 2) {
      let count = take([9, 11, 13][sizeClass]!)
      for (; count >= 2; count -= 2) {
        const v = take(11)
        bytes.push(ALNUM.charCodeAt(Math.floor(v / 45)), ALNUM.charCodeAt(v % 45))
      }
      if (count === 1) bytes.push(ALNUM.charCodeAt(take(6)))
    } else if (mode === 1) {
      let count = take([10, 12, 14][sizeClass]!)
      for (; count >= 3; count -= 3) bytes.push(...Buffer.from(String(take(10)).padStart(3, '0')))
      if (count === 2) bytes.push(...Buffer.from(String(take(7)).padStart(2, '0')))
      if (count === 1) bytes.push(...Buffer.from(String(take(4))))
    } else if (mode === 7) {
      take(8) // ECI designator (assumes UTF-8 content)
    } else return null
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes))
}
