import { randomBytes } from 'node:crypto'

/**
 * RFC 9562 UUIDv7: 48-bit Unix-ms timestamp then random bits, so ids made offline on many PCs never collide and
 * still sort by creation time.
 */
export function uuidv7(now: number): string {
  const b = randomBytes(16)
  b.writeUIntBE(now, 0, 6)
  b[6] = 0x70 | ((b[6] ?? 0) & 0x0f)
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f)
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
