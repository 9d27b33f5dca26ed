/**
 * Cutting the scanner's byte stream into scans. Pure: the caller owns the timers (see serial-scanner.ts).
 *
 * - `lines` (line ending CR, LF or CR+LF): a scan ends at **either** CR or LF, and empty lines are dropped. So CR+LF
 *   gives one scan, not a scan and an empty line, whether the two bytes arrive together or apart; and a scanner
 *   programmed for CR while the settings say CR+LF (or the other way round) still works. Codes never contain CR or
 *   LF (control characters are refused anyway), so nothing is lost by accepting both.
 * - `timeout` (line ending none): bytes gather until the caller's inter-byte timer calls `flush()`.
 *
 * Either way a frame is capped at `MAX_FRAME_BYTES`: a scanner (or a noisy line) that never sends a line ending
 * cannot grow memory; the capped frame comes out (to be refused as too long) and the rest up to the next line end
 * (or the next flush) is dropped.
 */

export const MAX_FRAME_BYTES = 1024

export type FramingMode = 'lines' | 'timeout'

const CR = 0x0d
const LF = 0x0a

export class LineFramer {
  private pending: number[] = []
  /** After an overflow: drop bytes until the next line end (`lines`) or flush (`timeout`). */
  private skipping = false

  constructor(private readonly mode: FramingMode) {}

  /** Bytes waiting for a line end or a flush. */
  get pendingBytes(): number {
    return this.pending.length
  }

  /** Takes a chunk as read from the port; returns the frames it completed (without line endings), oldest first. */
  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = []
    for (const byte of chunk) {
      if (this.mode === 'lines' && (byte === CR || byte === LF)) {
        if (this.skipping) this.skipping = false
        else if (this.pending.length > 0) frames.push(this.take())
        continue
      }
      if (this.skipping) continue
      this.pending.push(byte)
      if (this.pending.length >= MAX_FRAME_BYTES) {
        frames.push(this.take())
        this.skipping = true
      }
    }
    return frames
  }

  /** Whatever is pending as one frame (null when nothing is), and a fresh start. */
  flush(): Uint8Array | null {
    this.skipping = false
    return this.pending.length > 0 ? this.take() : null
  }

  reset(): void {
    this.pending = []
    this.skipping = false
  }

  private take(): Uint8Array {
    const frame = Uint8Array.from(this.pending)
    this.pending = []
    return frame
  }
}
