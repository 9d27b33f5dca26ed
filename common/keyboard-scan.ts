/**
 * Tells a keyboard-mode (USB HID "keyboard wedge") barcode scanner from a person at the keyboard.
 *
 * Such a scanner types the code as keystrokes a few milliseconds apart and ends with Enter; people type at 80 ms or
 * more between keys. Feed every keydown of the scan field to `key()`; on Enter it says whether the line was a scan
 * (every gap, including the one before Enter, within `maxInterKeyMs`, and at least `minLength` characters) or
 * typing, in which case the field's normal submit applies.
 *
 * Pure: it never reads a clock; the caller passes each event's timestamp (e.g. `KeyboardEvent.timeStamp`).
 */

export interface KeyboardScanOptions {
  /** Longest gap between two keys of one scan, in ms. Default 35. */
  maxInterKeyMs?: number
  /** Fewest characters a scan has; shorter bursts are typing. Default 6. */
  minLength?: number
}

export interface KeyEventLike {
  /** `KeyboardEvent.key`: 'a', '7', 'Enter', 'Shift', 'Backspace', … */
  key: string
  /** When the key went down, in ms (any monotonic origin). */
  time: number
}

export type KeyScanResult = { kind: 'scan'; code: string } | { kind: 'typing' }

export const DEFAULT_MAX_INTER_KEY_MS = 35
export const DEFAULT_MIN_SCAN_LENGTH = 6

/**
 * Keys that neither add text nor break a burst: scanners press Shift for capital letters, and a held modifier or a
 * lock key says nothing about who is typing.
 */
const NEUTRAL_KEYS: ReadonlySet<string> = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'Unidentified',
])

/** A single printable character (not a control character); `key` is one UTF-16 unit or one surrogate pair. */
function isPrintable(key: string): boolean {
  const cp = key.codePointAt(0)
  if (cp === undefined || [...key].length !== 1) return false
  return cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0)
}

export class KeyboardScanDetector {
  private readonly maxInterKeyMs: number
  private readonly minLength: number
  private text = ''
  private lastTime: number | null = null
  private burst = true

  constructor(options: KeyboardScanOptions = {}) {
    this.maxInterKeyMs = options.maxInterKeyMs ?? DEFAULT_MAX_INTER_KEY_MS
    this.minLength = options.minLength ?? DEFAULT_MIN_SCAN_LENGTH
    if (!Number.isFinite(this.maxInterKeyMs) || this.maxInterKeyMs < 0) {
      throw new RangeError(`maxInterKeyMs must be a number of ms from 0 up; got ${this.maxInterKeyMs}`)
    }
    if (!Number.isInteger(this.minLength) || this.minLength < 1) {
      throw new RangeError(`minLength must be a whole number from 1 up; got ${this.minLength}`)
    }
  }

  /** The characters collected since the last Enter or reset. */
  get buffer(): string {
    return this.text
  }

  /**
   * Feeds one keydown. Returns null while a line is being collected, and on Enter `scan` (with the code) or
   * `typing`; either way the detector then starts a new line.
   * - a printable single character is added; a gap longer than `maxInterKeyMs` since the previous key (or a clock
   *   that went backwards) marks the line as typed, keeping its text;
   * - Backspace removes the last character and marks the line as typed (scanners do not correct themselves);
   * - Escape clears the line;
   * - Shift, Control, Alt, lock keys and the like are ignored entirely;
   * - any other key (Tab, arrows, F-keys…) marks the line as typed.
   */
  key(event: KeyEventLike): KeyScanResult | null {
    const { key, time } = event
    if (key === 'Enter') {
      this.markGap(time)
      const result: KeyScanResult =
        this.burst && this.text.length >= this.minLength
          ? { kind: 'scan', code: this.text }
          : { kind: 'typing' }
      this.reset()
      return result
    }
    if (NEUTRAL_KEYS.has(key)) return null
    if (key === 'Escape') {
      this.reset()
      return null
    }
    if (isPrintable(key)) {
      this.markGap(time)
      this.text += key
      this.lastTime = time
      return null
    }
    if (key === 'Backspace') this.text = [...this.text].slice(0, -1).join('')
    this.burst = false
    this.lastTime = time
    return null
  }

  /** Forgets the current line (e.g. when the scan field loses focus or is cleared). */
  reset(): void {
    this.text = ''
    this.lastTime = null
    this.burst = true
  }

  private markGap(time: number): void {
    if (this.lastTime === null) return
    const gap = time - this.lastTime
    if (!Number.isFinite(gap) || gap < 0 || gap > this.maxInterKeyMs) this.burst = false
  }
}
