/**
 * Whatever bytes a serial line delivers, in whatever chunks: the framer never loses a well-formed code that ends
 * in CR/LF, never emits a frame over its cap, and the line filter answers each frame with an accepted code that is
 * printable and within the configured length, or a message a person can read. Nothing throws.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LineFramer, MAX_FRAME_BYTES } from '../../main/devices/scanner/framing'
import { filterLine, type LineFilterOptions } from '../../main/devices/scanner/line-filter'

const options: LineFilterOptions = { prefix: '', suffix: '', stripAimId: true, maxLength: 64 }

/** `bytes` cut into chunks at the given points, as a USB-serial adapter might deliver them. */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const out: Uint8Array[] = []
  let from = 0
  for (const p of [...points, bytes.length]) {
    out.push(bytes.slice(from, p))
    from = p
  }
  return out
}

describe('serial scanner input under fuzzing', () => {
  it('random bytes in random chunks: frames stay under the cap, every result is a printable code or a message', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 5000 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.constantFrom<'lines' | 'timeout'>('lines', 'timeout'),
        (bytes, cuts, mode) => {
          const framer = new LineFramer(mode)
          const frames = chunked(bytes, cuts).flatMap((c) => framer.push(c))
          const last = framer.flush()
          if (last) frames.push(last)
          for (const f of frames) {
            expect(f.length).toBeLessThanOrEqual(MAX_FRAME_BYTES)
            const r = filterLine(f, options)
            if (r.ok) {
              expect(r.code.length).toBeGreaterThan(0)
              expect(r.code.length).toBeLessThanOrEqual(options.maxLength)
              expect(r.code).toMatch(/^[\x20-\x7e]+$/)
            } else {
              expect(r.message).toMatch(/Scan again|too long|scanner/i)
            }
          }
        },
      ),
      { numRuns: 500, seed: 20261202 },
    )
  })

  it('codes between noise, split anywhere, each come out whole and in order', () => {
    const code = fc.stringMatching(/^[A-Z][0-9][A-Z0-9]{4,18}$/)
    fc.assert(
      fc.property(
        fc.array(code, { minLength: 1, maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.constantFrom('\r', '\n', '\r\n'),
        (codes, cuts, end) => {
          const bytes = Buffer.from(codes.map((c) => `${c}${end}`).join(''), 'latin1')
          const framer = new LineFramer('lines')
          const frames = chunked(bytes, cuts).flatMap((c) => framer.push(c))
          const accepted = frames.map((f) => filterLine(f, options)).filter((r) => r.ok)
          expect(accepted.map((r) => (r.ok ? r.code : ''))).toEqual(codes)
        },
      ),
      { numRuns: 500, seed: 20261202 },
    )
  })
})
