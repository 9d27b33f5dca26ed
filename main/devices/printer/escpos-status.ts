/**
 * ESC/POS real-time status (Epson "DLE EOT n", 0x10 0x04 n). The printer answers each request with one byte,
 * even while offline, ahead of any data still in its buffer. Every answer byte has fixed bits: bit 0 = 0,
 * bit 1 = 1, bit 4 = 1, bit 7 = 0 (mask 0x93 must read 0x12); anything else is not a status answer.
 *
 *   n = 1 printer status:   bit 2 drawer kick-out connector pin 3 high, bit 3 offline,
 *                           bit 5 waiting for online recovery, bit 6 paper feed button pressed
 *   n = 2 offline cause:    bit 2 cover open, bit 3 paper being fed by the feed button,
 *                           bit 5 printing stopped because the paper ran out, bit 6 an error occurred
 *   n = 4 roll paper sensor: bits 2-3 paper near end, bits 5-6 paper end (paper not present)
 *
 * Star printers in Star mode do not speak DLE EOT; status is queried for the 'escpos' command set only.
 */
import type { PrintError, PrinterStatus } from './printer'

export const DLE = 0x10
export const EOT = 0x04

export type StatusRequestKind = 1 | 2 | 4

export function statusRequest(n: StatusRequestKind): Uint8Array {
  return Uint8Array.of(DLE, EOT, n)
}

const FIXED_MASK = 0x93
const FIXED_VALUE = 0x12

/** True when the byte has the fixed-bit pattern every DLE EOT answer carries. */
export function isStatusByte(b: number): boolean {
  return Number.isInteger(b) && b >= 0 && b <= 0xff && (b & FIXED_MASK) === FIXED_VALUE
}

export interface PrinterStatusBits {
  drawerPin3High: boolean
  offline: boolean
  waitingForRecovery: boolean
  feedButtonPressed: boolean
}

export interface OfflineCauseBits {
  coverOpen: boolean
  feedingByButton: boolean
  stoppedForPaperEnd: boolean
  errorOccurred: boolean
}

export interface RollPaperBits {
  nearEnd: boolean
  paperEnd: boolean
}

/** n = 1. Null when the byte is not a status answer. */
export function parsePrinterStatusByte(b: number): PrinterStatusBits | null {
  if (!isStatusByte(b)) return null
  return {
    drawerPin3High: (b & 0x04) !== 0,
    offline: (b & 0x08) !== 0,
    waitingForRecovery: (b & 0x20) !== 0,
    feedButtonPressed: (b & 0x40) !== 0,
  }
}

/** n = 2. Null when the byte is not a status answer. */
export function parseOfflineCauseByte(b: number): OfflineCauseBits | null {
  if (!isStatusByte(b)) return null
  return {
    coverOpen: (b & 0x04) !== 0,
    feedingByButton: (b & 0x08) !== 0,
    stoppedForPaperEnd: (b & 0x20) !== 0,
    errorOccurred: (b & 0x40) !== 0,
  }
}

/** n = 4. Either bit of a sensor pair counts (models differ in whether they set one or both). */
export function parseRollPaperByte(b: number): RollPaperBits | null {
  if (!isStatusByte(b)) return null
  return { nearEnd: (b & 0x0c) !== 0, paperEnd: (b & 0x60) !== 0 }
}

/** The answers to DLE EOT 1, 2 and 4; a missing one is a request the printer did not answer. */
export interface StatusAnswers {
  printer?: number
  offlineCause?: number
  paper?: number
}

const hex = (b: number): string => `0x${b.toString(16).padStart(2, '0')}`

export const STATUS_DETAIL = {
  ready: 'The printer is ready.',
  coverOpen: 'The printer cover is open. Close it to print.',
  paperOut: 'The printer is out of paper. Load a new roll.',
  paperLow: 'The paper roll is nearly finished. Have a new roll ready.',
  error:
    'The printer reports an error (for example a paper jam or a cutter fault). Switch it off and on again.',
  feeding: 'The printer is feeding paper (the feed button is pressed).',
  offline: 'The printer is offline. Check its lights and switch it off and on again.',
  noAnswer: 'The printer did not report its status.',
} as const

/** Maps the answers to one state, most urgent first: cover, paper out, error, offline, paper low, ready. */
export function statusFromAnswers(answers: StatusAnswers): PrinterStatus {
  for (const b of [answers.printer, answers.offlineCause, answers.paper]) {
    if (b !== undefined && !isStatusByte(b))
      return { state: 'unknown', detail: `The printer gave an unexpected status answer (${hex(b)}).` }
  }
  const printer = answers.printer === undefined ? null : parsePrinterStatusByte(answers.printer)
  if (!printer) return { state: 'unknown', detail: STATUS_DETAIL.noAnswer }
  const cause = answers.offlineCause === undefined ? null : parseOfflineCauseByte(answers.offlineCause)
  const paper = answers.paper === undefined ? null : parseRollPaperByte(answers.paper)

  if (cause?.coverOpen) return { state: 'cover-open', detail: STATUS_DETAIL.coverOpen }
  if (paper?.paperEnd || cause?.stoppedForPaperEnd)
    return { state: 'paper-out', detail: STATUS_DETAIL.paperOut }
  if (cause?.errorOccurred) return { state: 'error', detail: STATUS_DETAIL.error }
  if (printer.offline)
    return {
      state: 'offline',
      detail: cause?.feedingByButton ? STATUS_DETAIL.feeding : STATUS_DETAIL.offline,
    }
  if (paper?.nearEnd) return { state: 'paper-low', detail: STATUS_DETAIL.paperLow }
  return { state: 'ready', detail: STATUS_DETAIL.ready }
}

/** A two-way byte link to a printer, as far as a status query needs it. */
export interface StatusChannel {
  send(bytes: Uint8Array): void
  /** The next byte from the printer, or 'timeout'. Rejects (PrintError) when the link closes or fails. */
  readByte(timeoutMs: number): Promise<number | 'timeout'>
}

export interface StatusQueryResult {
  status: PrinterStatus
  /** False when a request went unanswered (the printer may not support DLE EOT, or is busy). */
  answered: boolean
}

/**
 * Asks DLE EOT 1, 2 and 4 one at a time, each answer within `timeoutMs`. Stops at the first silence and maps
 * what it has. Rejects only when the link itself fails (the caller's PrintError).
 */
export async function queryEscposStatus(
  channel: StatusChannel,
  timeoutMs: number,
): Promise<StatusQueryResult> {
  const answers: StatusAnswers = {}
  const slots = [
    [1, 'printer'],
    [2, 'offlineCause'],
    [4, 'paper'],
  ] as const
  for (const [n, key] of slots) {
    channel.send(statusRequest(n))
    const b = await channel.readByte(timeoutMs)
    if (b === 'timeout') return { status: statusFromAnswers(answers), answered: false }
    answers[key] = b
  }
  return { status: statusFromAnswers(answers), answered: true }
}

/**
 * Bytes arriving from a printer, for `readByte`: collects data and wakes one waiter at a time. `fail` ends
 * it: pending and later reads reject with that error.
 */
export class ByteInbox {
  private readonly queue: number[] = []
  private failure: PrintError | null = null
  private waiter: (() => void) | null = null
  private collecting = true

  push(chunk: Uint8Array): void {
    if (!this.collecting) return
    // A status answer is one byte per request; cap what a chatty printer can make us keep.
    for (const b of chunk) if (this.queue.length < 64) this.queue.push(b)
    this.waiter?.()
  }

  /** Ignore further data (the status phase is over; the job is being sent). */
  stopCollecting(): void {
    this.collecting = false
    this.queue.length = 0
  }

  fail(error: PrintError): void {
    if (!this.failure) this.failure = error
    this.waiter?.()
  }

  readByte(timeoutMs: number): Promise<number | 'timeout'> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const b = this.queue.shift()
        if (b !== undefined) {
          done()
          resolve(b)
          return true
        }
        if (this.failure) {
          done()
          reject(this.failure)
          return true
        }
        return false
      }
      const timer = setTimeout(() => {
        done()
        resolve('timeout')
      }, timeoutMs)
      const done = (): void => {
        clearTimeout(timer)
        this.waiter = null
      }
      if (!check()) this.waiter = () => void check()
    })
  }
}
