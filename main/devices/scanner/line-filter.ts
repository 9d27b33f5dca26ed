/**
 * What a serial barcode scanner sent, line by line, turned into a code or a reason to refuse it
 * (garbage and overlong lines are rejected with a message; a repeat read within a short window is one scan).
 * Pure: no ports, no timers, no clock of its own.
 */

import type { ScannerConfig } from '../../../common/scanner-config'

export type LineRejectReason = 'empty' | 'non-printable' | 'too-long' | 'noise'

export type LineResult = { ok: true; code: string } | { ok: false; reason: LineRejectReason; message: string }

export type LineFilterOptions = Pick<ScannerConfig, 'prefix' | 'suffix' | 'stripAimId' | 'maxLength'>

/** The messages, in one place: the counter shows them as they are. */
export const lineMessages = {
  empty: () => 'The scanner sent an empty scan. Scan again.',
  nonPrintable: () => 'The scanner sent unreadable characters (line noise?). Scan again.',
  tooLong: (length: number) =>
    `The scan is too long (${length} characters): not one of our codes. Scan again.`,
  noise: () => 'The scan is only spaces or one character repeated (line noise?): not a code. Scan again.',
}

/**
 * AIM symbology identifier: `]`, a symbology letter, a modifier character. `]C0` Code 128, `]E0` EAN-13,
 * `]Q1` QR Code, `]d1` Data Matrix, `]A0` Code 39, `]I0` Interleaved 2 of 5, …
 */
const AIM_ID = /^\][A-Za-z][0-9A-Za-z]/
const PRINTABLE = /^[\x20-\x7e]*$/
const LINE_ENDING_AT_END = /[\r\n]+$/
const LINE_ENDING_AT_START = /^[\r\n]+/
/** A code this long or longer made of one character repeated (`~~~`, `000`) is line noise. */
const NOISE_MIN_RUN = 3

/** Bytes as text, one character per byte (Latin-1), so every byte value survives to be checked. */
function bytesToText(raw: Uint8Array | string): string {
  if (typeof raw === 'string') return raw
  let text = ''
  for (const byte of raw) text += String.fromCharCode(byte)
  return text
}

/** For logs and the rejection event: printable characters as they are, the rest as `\xNN`. */
export function rawText(raw: Uint8Array | string): string {
  let out = ''
  for (const ch of bytesToText(raw)) {
    const c = ch.codePointAt(0) ?? 0
    if (ch === '\\') out += '\\\\'
    else if (c >= 0x20 && c <= 0x7e) out += ch
    else if (c <= 0xff) out += `\\x${c.toString(16).padStart(2, '0')}`
    else out += `\\u{${c.toString(16)}}`
  }
  return out
}

/**
 * The AIM identifier may come before the prefix (some scanners put it first) or right after it; it is stripped
 * once, wherever it is. A prefix or suffix that is not there is left alone (the scan is not refused for it).
 */
function stripDecorations(line: string, o: LineFilterOptions): string {
  let s = line
  let aimStripped = false
  if (o.stripAimId && AIM_ID.test(s)) {
    s = s.slice(3)
    aimStripped = true
  }
  if (o.prefix !== '' && s.startsWith(o.prefix)) s = s.slice(o.prefix.length)
  if (o.stripAimId && !aimStripped && AIM_ID.test(s)) s = s.slice(3)
  if (o.suffix !== '' && s.endsWith(o.suffix)) s = s.slice(0, s.length - o.suffix.length)
  return s
}

function reject(reason: LineRejectReason, message: string): LineResult {
  return { ok: false, reason, message }
}

/**
 * One line from the scanner (bytes, or text with one character per byte) → the code, or why not.
 * Order: strip the line ending (CR/LF at either end); refuse anything outside printable ASCII 0x20–0x7E; strip
 * the AIM id, prefix and suffix, then surrounding spaces; refuse what is left if empty, longer than `maxLength`,
 * or line noise (only spaces, or one character repeated at least three times).
 */
export function filterLine(raw: Uint8Array | string, options: LineFilterOptions): LineResult {
  const line = bytesToText(raw).replace(LINE_ENDING_AT_END, '').replace(LINE_ENDING_AT_START, '')
  if (line === '') return reject('empty', lineMessages.empty())
  if (!PRINTABLE.test(line)) return reject('non-printable', lineMessages.nonPrintable())
  if (line.trim() === '') return reject('noise', lineMessages.noise())
  const code = stripDecorations(line, options).trim()
  if (code === '') return reject('empty', lineMessages.empty())
  if (code.length > options.maxLength) return reject('too-long', lineMessages.tooLong(code.length))
  if (code.length >= NOISE_MIN_RUN && /^(.)\1+$/.test(code)) return reject('noise', lineMessages.noise())
  return { ok: true, code }
}

/**
 * A repeat read of the same code within `windowMs` is one scan. The window is measured from the latest read of
 * that code, accepted or not, so a code held under a scanner in continuous mode stays one scan however long it
 * is held. A different code is always a new scan and starts a new window. `windowMs` 0: every read counts.
 */
export class DuplicateSuppressor {
  private last: { code: string; atMs: number } | null = null

  constructor(private readonly windowMs: number) {}

  /** True when `code` read at `nowMs` is a new scan; false when it repeats the previous read. */
  accept(code: string, nowMs: number): boolean {
    const last = this.last
    this.last = { code, atMs: nowMs }
    if (last === null || last.code !== code) return true
    const since = nowMs - last.atMs
    // A clock that went backwards (since < 0) cannot prove a repeat: count it.
    return !(since >= 0 && since < this.windowMs)
  }

  /** Forget the previous read (e.g. after the scanner was unplugged). */
  reset(): void {
    this.last = null
  }
}
