import { SerialPort } from 'serialport'
import type { Clock } from '../../infra/clock'
import type { Logger } from '../../infra/logger'
import { LineFramer } from './framing'
import { DuplicateSuppressor, filterLine, rawText, type LineRejectReason } from './line-filter'
import { samePortPath, scannerPortLister } from './port-list'
import type { ScannerConfig } from '../../../common/scanner-config'

/**
 * Serial / USB virtual-COM barcode scanner. Reads the configured port, cuts the bytes into scans
 * (framing.ts), checks each (line-filter.ts), folds repeat reads into one scan, and reconnects by itself after an
 * unplug: status goes `disconnected` at once, the port list is polled with backoff (250 ms doubling to 2 s) until
 * the port is back, and it is reopened — no restart needed. While connected the port list is also checked every
 * second, for drivers that do not report the unplug on the open port.
 */

export type ScannerState = 'connected' | 'disconnected' | 'disabled' | 'error'

export interface ScannerStatus {
  state: ScannerState
  /** A sentence for the status bar / settings screen. */
  detail: string
}

/** `incomplete`: bytes that never got their line ending (see `STALE_LINE_MS`). */
export type ScanRejectReason = LineRejectReason | 'incomplete'

export interface ScanRejection {
  reason: ScanRejectReason
  message: string
  /** What arrived, printable characters as they are and other bytes as `\xNN`. */
  raw: string
}

/** An open port, as the scanner needs it. */
export interface ScannerPortHandle {
  /** Closes the port; never rejects. */
  close(): Promise<void>
}

export interface ScannerPortEvents {
  data(chunk: Uint8Array): void
  /** The port closed or failed by itself (unplug, driver error). Called at most once. */
  lost(err: Error | null): void
}

/** Opens a port or rejects (with the system error: ENOENT, EACCES, EBUSY, …). */
export type OpenScannerPort = (
  options: { path: string; baudRate: number },
  events: ScannerPortEvents,
) => Promise<ScannerPortHandle>

export interface SerialScannerDeps {
  logger: Logger
  clock: Clock
  /** Where to look for the port while reconnecting. Default: `scannerPortLister(config.path)` (port-list.ts). */
  listPorts?: () => Promise<{ path: string }[]>
  /** Default: `openSerialPort` (serialport). */
  openPort?: OpenScannerPort
}

/** First wait before looking for the port again after it went away; doubles up to `RECONNECT_MAX_MS`. */
export const RECONNECT_FIRST_MS = 250
export const RECONNECT_MAX_MS = 2000
/** While connected, how often the port list is checked for the port (unplug not reported by the driver). */
export const WATCH_INTERVAL_MS = 1000
/** Opening a port that does not answer within this long counts as a failed attempt. */
export const OPEN_TIMEOUT_MS = 5000
/**
 * With a line ending configured, bytes followed by this much silence without a line ending are reported as
 * `incomplete` and dropped (so they are not glued to the front of the next scan). A 64-character scan takes about
 * 0.6 s even at 1200 baud, and this is silence between bytes, so a real scan is never cut.
 */
export const STALE_LINE_MS = 1000
/** `stop()` does not wait longer than this for a port to close. */
const CLOSE_TIMEOUT_MS = 2000

const LINE_ENDING_NAMES: Record<ScannerConfig['lineEnding'], string> = {
  CR: 'CR',
  LF: 'LF',
  CRLF: 'CR+LF',
  none: 'none',
}

export class SerialScanner {
  private readonly scanListeners = new Set<(code: string) => void>()
  private readonly rejectListeners = new Set<(r: ScanRejection) => void>()
  private readonly repeatListeners = new Set<(code: string) => void>()
  private readonly statusListeners = new Set<(s: ScannerStatus) => void>()
  private readonly framer: LineFramer
  private readonly duplicates: DuplicateSuppressor
  private readonly listPorts: () => Promise<{ path: string }[]>
  private readonly openPort: OpenScannerPort
  private current: ScannerStatus
  private running = false
  /** Bumped by start, stop and every loss of the port: async work and port events of an older session are dropped. */
  private session = 0
  private handle: ScannerPortHandle | null = null
  private retryTimer: NodeJS.Timeout | null = null
  private watchTimer: NodeJS.Timeout | null = null
  private frameTimer: NodeJS.Timeout | null = null
  private nextDelayMs = RECONNECT_FIRST_MS
  private openFailures = 0
  /** What to show while the port is not there: "not found" at first, "unplugged" after losing it. */
  private awayStatus: ScannerStatus
  /** Attempts, watches and closes still running; `stop()` waits for them. */
  private readonly inFlight = new Set<Promise<void>>()

  constructor(
    private readonly config: ScannerConfig,
    private readonly deps: SerialScannerDeps,
  ) {
    this.framer = new LineFramer(config.lineEnding === 'none' ? 'timeout' : 'lines')
    this.duplicates = new DuplicateSuppressor(config.duplicateWindowMs)
    this.listPorts =
      deps.listPorts ??
      scannerPortLister(config.path, undefined, (error) =>
        deps.logger.warn('scanner: the serial port list failed; looking for the port in the file system', {
          scanner: config.path,
          error,
        }),
      )
    this.openPort = deps.openPort ?? openSerialPort
    this.awayStatus = notFoundStatus(config.path)
    this.current = config.enabled
      ? { state: 'disconnected', detail: `The scanner on ${config.path} is not started.` }
      : disabledStatus()
  }

  /** Where the scans come from, for settings screens and logs. */
  get description(): string {
    return `Serial scanner ${this.config.path} at ${this.config.baudRate} baud`
  }

  /** Each accepted scan (prefix, suffix and AIM id stripped; repeats folded). Returns the unsubscribe. */
  onScan(listener: (code: string) => void): () => void {
    this.scanListeners.add(listener)
    return () => {
      this.scanListeners.delete(listener)
    }
  }

  /**
   * Each repeat read folded into the scan before it (same code inside the repeat window): not a scan, but the person
   * at the desk sees that the scanner did read something. Returns the unsubscribe.
   */
  onRepeat(listener: (code: string) => void): () => void {
    this.repeatListeners.add(listener)
    return () => {
      this.repeatListeners.delete(listener)
    }
  }

  /** Each refused line, with the message to show. Returns the unsubscribe. */
  onRejected(listener: (r: ScanRejection) => void): () => void {
    this.rejectListeners.add(listener)
    return () => {
      this.rejectListeners.delete(listener)
    }
  }

  /** Each change of status (not repeats of the same one). Returns the unsubscribe. */
  onStatus(listener: (s: ScannerStatus) => void): () => void {
    this.statusListeners.add(listener)
    return () => {
      this.statusListeners.delete(listener)
    }
  }

  status(): ScannerStatus {
    return { ...this.current }
  }

  /** Opens the port (or starts looking for it). Does nothing when already started; `disabled` when turned off. */
  start(): void {
    if (!this.config.enabled) {
      this.setStatus(disabledStatus())
      return
    }
    if (this.running) return
    this.running = true
    this.nextDelayMs = RECONNECT_FIRST_MS
    this.openFailures = 0
    this.awayStatus = notFoundStatus(this.config.path)
    const session = ++this.session
    this.track(this.attempt(session))
  }

  /** Closes the port and clears every timer; resolves once nothing of the scanner is left running. */
  async stop(): Promise<void> {
    const wasRunning = this.running
    this.running = false
    this.session++
    this.clearTimer('retryTimer')
    this.clearTimer('watchTimer')
    this.clearTimer('frameTimer')
    this.framer.reset()
    this.duplicates.reset()
    const handle = this.handle
    this.handle = null
    if (handle) this.track(handle.close())
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight])
    // Unless start() was called again meanwhile.
    if (wasRunning && !this.running)
      this.setStatus({ state: 'disconnected', detail: `The scanner on ${this.config.path} is stopped.` })
  }

  private live(session: number): boolean {
    return this.running && session === this.session
  }

  private track(work: Promise<void>): void {
    const p = work.catch((err: unknown) =>
      this.deps.logger.error('scanner: unexpected failure', {
        scanner: this.config.path,
        error: errorText(err),
      }),
    )
    this.inFlight.add(p)
    void p.finally(() => this.inFlight.delete(p))
  }

  private clearTimer(which: 'retryTimer' | 'watchTimer' | 'frameTimer'): void {
    const timer = this[which]
    if (timer) clearTimeout(timer)
    this[which] = null
  }

  private async isPresent(): Promise<boolean> {
    const ports = await this.listPorts()
    return ports.some((p) => samePortPath(p.path, this.config.path))
  }

  /** One try: is the port there, and does it open? Connected, or the next try is scheduled. */
  private async attempt(session: number): Promise<void> {
    this.retryTimer = null
    let present: boolean
    try {
      present = await this.isPresent()
    } catch (err) {
      this.deps.logger.warn('scanner: listing serial ports failed', { error: errorText(err) })
      present = false
    }
    if (!this.live(session)) return
    if (!present) {
      this.openFailures = 0
      this.setStatus(this.awayStatus)
      this.scheduleRetry(session)
      return
    }

    // Port events that come between the open and this attempt taking the port are held, not dropped.
    let ready = false
    const early: { data: Uint8Array[]; lost: { err: Error | null } | null } = { data: [], lost: null }
    const events: ScannerPortEvents = {
      data: (chunk) => {
        if (ready) this.onData(session, chunk)
        else early.data.push(chunk)
      },
      lost: (err) => {
        if (ready) this.onLost(session, err)
        else early.lost = { err }
      },
    }
    let handle: ScannerPortHandle
    try {
      handle = await this.openPort({ path: this.config.path, baudRate: this.config.baudRate }, events)
    } catch (err) {
      if (!this.live(session)) return
      this.openFailures++
      this.deps.logger.warn('scanner: opening the port failed', {
        scanner: this.config.path,
        error: errorText(err),
        attempt: this.openFailures,
      })
      // A port that just appeared may refuse the first open (Linux sets its permissions a moment later):
      // report an error only when it fails twice in a row.
      this.setStatus(
        this.openFailures >= 2 ? openFailureStatus(this.config.path, err, this.awayStatus) : this.awayStatus,
      )
      this.scheduleRetry(session)
      return
    }
    if (!this.live(session)) {
      await handle.close()
      return
    }
    this.handle = handle
    this.openFailures = 0
    this.nextDelayMs = RECONNECT_FIRST_MS
    this.framer.reset()
    this.setStatus({
      state: 'connected',
      detail: `Scanner connected on ${this.config.path} at ${this.config.baudRate} baud.`,
    })
    this.deps.logger.info('scanner: connected', { scanner: this.config.path, baudRate: this.config.baudRate })
    this.scheduleWatch(session)
    ready = true
    for (const chunk of early.data) this.onData(session, chunk)
    if (early.lost) this.onLost(session, early.lost.err)
  }

  private scheduleRetry(session: number): void {
    const delay = this.nextDelayMs
    this.nextDelayMs = Math.min(delay * 2, RECONNECT_MAX_MS)
    this.clearTimer('retryTimer')
    this.retryTimer = setTimeout(() => this.track(this.attempt(session)), delay)
  }

  private scheduleWatch(session: number): void {
    this.clearTimer('watchTimer')
    this.watchTimer = setTimeout(() => this.track(this.watch(session)), WATCH_INTERVAL_MS)
  }

  /** While connected: is the port still listed? Some drivers keep a vanished port "open" without an error. */
  private async watch(session: number): Promise<void> {
    this.watchTimer = null
    let present = true
    try {
      present = await this.isPresent()
    } catch (err) {
      // Cannot tell: keep the open port, look again next time.
      this.deps.logger.warn('scanner: listing serial ports failed', { error: errorText(err) })
    }
    if (!this.live(session) || !this.handle) return
    if (present) this.scheduleWatch(session)
    else this.onLost(session, null)
  }

  private onLost(session: number, err: Error | null): void {
    if (!this.live(session) || !this.handle) return
    const handle = this.handle
    this.handle = null
    this.session++
    this.clearTimer('watchTimer')
    this.clearTimer('frameTimer')
    this.framer.reset()
    this.duplicates.reset()
    this.track(handle.close())
    this.deps.logger.warn('scanner: port lost', {
      scanner: this.config.path,
      error: err ? errorText(err) : null,
    })
    this.awayStatus = {
      state: 'disconnected',
      detail: `The scanner on ${this.config.path} was unplugged or switched off. Plug it back in; it reconnects by itself.`,
    }
    this.setStatus(this.awayStatus)
    this.nextDelayMs = RECONNECT_FIRST_MS
    this.scheduleRetry(this.session)
  }

  private onData(session: number, chunk: Uint8Array): void {
    if (!this.live(session) || !this.handle) return
    for (const frame of this.framer.push(chunk)) this.handleFrame(frame)
    this.clearTimer('frameTimer')
    if (this.framer.pendingBytes === 0) return
    if (this.config.lineEnding === 'none')
      this.frameTimer = setTimeout(() => this.flushFrame(session, false), this.config.interByteTimeoutMs)
    else this.frameTimer = setTimeout(() => this.flushFrame(session, true), STALE_LINE_MS)
  }

  private flushFrame(session: number, stale: boolean): void {
    this.frameTimer = null
    if (!this.live(session)) return
    const frame = this.framer.flush()
    if (!frame) return
    if (stale) this.handleIncomplete(frame)
    else this.handleFrame(frame)
  }

  private handleFrame(frame: Uint8Array): void {
    const result = filterLine(frame, this.config)
    if (!result.ok) {
      this.reject({ reason: result.reason, message: result.message, raw: rawText(frame) })
      return
    }
    if (!this.duplicates.accept(result.code, this.deps.clock.now())) {
      this.deps.logger.info('scanner: repeat read ignored', { scanner: this.config.path, code: result.code })
      for (const listener of [...this.repeatListeners]) this.safely(() => listener(result.code))
      return
    }
    for (const listener of [...this.scanListeners]) this.safely(() => listener(result.code))
  }

  /** Bytes that never got their line ending: whatever else is wrong with them, or the line ending setting. */
  private handleIncomplete(frame: Uint8Array): void {
    const result = filterLine(frame, this.config)
    const ending = LINE_ENDING_NAMES[this.config.lineEnding]
    this.reject(
      result.ok
        ? {
            reason: 'incomplete',
            message: `The scan did not end with the line ending set for the scanner (${ending}). Check the scanner's line ending setting, then scan again.`,
            raw: rawText(frame),
          }
        : { reason: result.reason, message: result.message, raw: rawText(frame) },
    )
  }

  private reject(rejection: ScanRejection): void {
    this.deps.logger.warn('scanner: scan refused', {
      scanner: this.config.path,
      reason: rejection.reason,
      raw: rejection.raw.slice(0, 200),
    })
    for (const listener of [...this.rejectListeners]) this.safely(() => listener(rejection))
  }

  private setStatus(next: ScannerStatus): void {
    if (next.state === this.current.state && next.detail === this.current.detail) return
    this.current = next
    for (const listener of [...this.statusListeners]) this.safely(() => listener({ ...next }))
  }

  /** A listener that throws must not stop the scanner (nor the other listeners). */
  private safely(call: () => void): void {
    try {
      call()
    } catch (err) {
      this.deps.logger.error('scanner: a listener failed', {
        scanner: this.config.path,
        error: errorText(err),
      })
    }
  }
}

function disabledStatus(): ScannerStatus {
  return {
    state: 'disabled',
    detail:
      'The serial scanner is turned off in the settings. Keyboard-mode (USB) scanners still work in the scan field.',
  }
}

function notFoundStatus(path: string): ScannerStatus {
  return {
    state: 'disconnected',
    detail: `No scanner found on ${path}. Plug the scanner in, or check the port in the scanner settings; it connects by itself.`,
  }
}

function openFailureStatus(path: string, err: unknown, away: ScannerStatus): ScannerStatus {
  const text = errorText(err)
  if (/no such file|ENOENT|file not found|cannot find/i.test(text)) return away
  if (/permission denied|access denied|EACCES/i.test(text))
    return {
      state: 'error',
      detail: `The scanner port ${path} cannot be opened: another program may be using it, or this computer's user may not use it (on Linux, add the user to the "dialout" group). Retrying.`,
    }
  if (/resource busy|EBUSY|locked/i.test(text))
    return {
      state: 'error',
      detail: `The scanner port ${path} is in use by another program. Close that program; the scanner connects by itself.`,
    }
  if (err instanceof OpenTimeoutError)
    return {
      state: 'error',
      detail: `The scanner port ${path} did not open within ${OPEN_TIMEOUT_MS / 1000} s. Unplug the scanner and plug it back in.`,
    }
  return { state: 'error', detail: `The scanner port ${path} cannot be opened: ${text}. Retrying.` }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

class OpenTimeoutError extends Error {
  override readonly name = 'OpenTimeoutError'
}

/**
 * The production `OpenScannerPort`: serialport, 8N1, no flow control. An open that hangs (some USB drivers do)
 * gives up after `OPEN_TIMEOUT_MS`, and the port is closed if that open succeeds later.
 */
export const openSerialPort: OpenScannerPort = async ({ path, baudRate }, events) => {
  const port = new SerialPort({ path, baudRate, autoOpen: false })
  let opened = false
  let done = false
  const lost = (err: Error | null) => {
    if (!opened || done) return
    done = true
    events.lost(err)
  }
  port.on('data', (chunk: Buffer) => {
    if (!done) events.data(chunk)
  })
  port.on('close', (err: Error | null | undefined) => lost(err ?? null))
  port.on('end', () => lost(null))
  port.on('error', (err: Error) => {
    lost(err)
    if (port.isOpen) port.close(() => {})
  })

  const opening = new Promise<Error | null>((resolve) => port.open((err) => resolve(err ?? null)))
  const outcome = await withTimeout(opening, OPEN_TIMEOUT_MS)
  if (outcome === 'timeout') {
    // The open is still running in the thread pool: close the port if it ever succeeds.
    void opening.then((err) => {
      if (!err) port.close(() => {})
    })
    throw new OpenTimeoutError(`${path} did not open within ${OPEN_TIMEOUT_MS} ms`)
  }
  if (outcome) throw outcome
  opened = true

  return {
    close: async () => {
      done = true
      if (!port.isOpen) return
      await withTimeout(new Promise<void>((resolve) => port.close(() => resolve())), CLOSE_TIMEOUT_MS)
    },
  }
}

/** Settles `work` or gives 'timeout' after `ms`; the timer never outlives the call. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
