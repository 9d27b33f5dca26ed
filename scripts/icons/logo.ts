/**
 * The app's mark, drawn from the same shapes as renderer/public/favicon.svg (a 64-unit square): a Huduma-green
 * rounded square, a white receipt with a torn edge, a green check mark. Rasterised here, with no image library,
 * so the icons are made by a committed script from nothing downloaded.
 */

export interface Rgba {
  r: number
  g: number
  b: number
  a: number
}

/** RGBA pixels, row by row from the top. */
export interface Image {
  width: number
  height: number
  data: Uint8Array
}

export const HUDUMA_GREEN: Rgba = { r: 0x00, g: 0x7b, b: 0x3c, a: 255 }
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 }

type Point = readonly [number, number]

/** The receipt: straight top and sides, a zigzag bottom edge (the favicon's path, as points). */
const RECEIPT: Point[] = [
  [18, 12],
  [46, 12],
  [46, 52],
  [41, 48],
  [36.5, 52],
  [32, 48],
  [27.5, 52],
  [23, 48],
  [18, 52],
]
const CHECK: Point[] = [
  [24, 31],
  [29.5, 36.5],
  [41, 25],
]
const CHECK_WIDTH = 5

function inPolygon(x: number, y: number, poly: Point[]): boolean {
  let inside = false
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as Point
    const [xj, yj] = poly[j] as Point
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy))
}

/** A stroke with round caps and joins: every point within half the width of the polyline. */
function onStroke(x: number, y: number, line: Point[], width: number): boolean {
  for (let i = 1; i < line.length; i++)
    if (distanceToSegment(x, y, line[i - 1] as Point, line[i] as Point) <= width / 2) return true
  return false
}

function inRoundedSquare(x: number, y: number, size: number, radius: number): boolean {
  if (x < 0 || y < 0 || x > size || y > size) return false
  const cx = Math.max(radius, Math.min(size - radius, x))
  const cy = Math.max(radius, Math.min(size - radius, y))
  return Math.hypot(x - cx, y - cy) <= radius
}

/** The colour of one point of the 64-unit mark; `tile` false leaves out the green square (for a green backdrop). */
function markAt(x: number, y: number, tile: boolean): Rgba | null {
  if (inPolygon(x, y, RECEIPT)) return onStroke(x, y, CHECK, CHECK_WIDTH) ? HUDUMA_GREEN : WHITE
  if (tile && inRoundedSquare(x, y, 64, 14)) return HUDUMA_GREEN
  return null
}

/** Samples per pixel side: small icons need more to keep the check mark's edges smooth. */
function samplesFor(size: number): number {
  return size <= 32 ? 8 : size <= 128 ? 6 : 4
}

/**
 * Draws the mark `size` pixels wide at (left, top) of `image`, blending over what is there. Each pixel averages
 * samples² points (premultiplied), so edges are anti-aliased without any library.
 */
export function drawMark(image: Image, left: number, top: number, size: number, tile = true): void {
  const n = samplesFor(size)
  const scale = 64 / size
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = markAt((px + (sx + 0.5) / n) * scale, (py + (sy + 0.5) / n) * scale, tile)
          if (!c) continue
          r += c.r
          g += c.g
          b += c.b
          a += 255
        }
      }
      if (a === 0) continue
      const count = n * n
      const srcA = a / count / 255
      const i = ((top + py) * image.width + (left + px)) * 4
      const d = image.data
      const dstA = (d[i + 3] as number) / 255
      const outA = srcA + dstA * (1 - srcA)
      // Source colour is premultiplied by its coverage already (sums of covered samples only).
      const blend = (src: number, dst: number): number =>
        Math.round((src / count + dst * dstA * (1 - srcA)) / outA)
      d[i] = blend(r, d[i] as number)
      d[i + 1] = blend(g, d[i + 1] as number)
      d[i + 2] = blend(b, d[i + 2] as number)
      d[i + 3] = Math.round(outA * 255)
    }
  }
}

export function blank(width: number, height: number, fill?: Rgba): Image {
  const data = new Uint8Array(width * height * 4)
  if (fill)
    for (let i = 0; i < data.length; i += 4) {
      data[i] = fill.r
      data[i + 1] = fill.g
      data[i + 2] = fill.b
      data[i + 3] = fill.a
    }
  return { width, height, data }
}

/** The app icon at `size` × `size`, transparent around the rounded square. */
export function appIcon(size: number): Image {
  const image = blank(size, size)
  drawMark(image, 0, 0, size)
  return image
}
