import { randomBytes } from 'node:crypto'

let lastMs = -1
let counter = 0

/**
 * RFC 9562 UUIDv7: 48-bit Unix-ms timestamp, then a 12-bit counter (§6.2 method 1), then random bits. Ids made
 * offline on many PCs never collide and sort by creation time; the counter keeps ids made within one millisecond
 * by this process in the order they were made, which the application projection relies on to apply one PC's
 * events in their causal order. The counter starts at a random value in its lower half each millisecond and, in
 * the unlikely case it runs out, borrows the next millisecond.
 */
export function uuidv7(now: number): string {
  const b = randomBytes(16)
  if (now > lastMs) {
    lastMs = now
    counter = b.readUInt16BE(6) & 0x07ff
  } else if (++counter > 0xfff) {
    lastMs++
    counter = 0
  }
  b.writeUIntBE(lastMs, 0, 6)
  b[6] = 0x70 | (counter >> 8)
  b[7] = counter & 0xff
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f)
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
