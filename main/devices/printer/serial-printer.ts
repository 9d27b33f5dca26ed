import { SerialPort } from 'serialport'
import type { Logger } from '../../infra/logger'
import { ByteInbox, queryEscposStatus } from './escpos-status'
import {
  errorText,
  jobFailure,
  printErrors,
  refusalFor,
  type PrintError,
  type PrinterStatus,
  type ReceiptPrinter,
} from './printer'

export interface SerialPrinterOptions {
  path: string
  baudRate: number
  /** Opening the port. */
  openTimeoutMs: number
  /** Writing and draining the job (a printer holding CTS low, e.g. cover open, stalls here). */
  writeTimeoutMs: number
  statusTimeoutMs: number
  queryStatus: boolean
}

export interface SerialPrinterDeps {
  logger: Logger
}

/** Opens the port per job (so an unplug between jobs is harmless), writes, drains, closes. */
export class SerialPrinter implements ReceiptPrinter {
  readonly description: string

  constructor(
    private readonly options: SerialPrinterOptions,
    private readonly deps: SerialPrinterDeps,
  ) {
    this.description = `Serial printer ${options.path} at ${options.baudRate} baud`
  }

  async print(bytes: Uint8Array): Promise<void> {
    const link = await SerialLink.open(this.options)
    let sent = false
    try {
      if (this.options.queryStatus) {
        const { status, answered } = await queryEscposStatus(link, this.options.statusTimeoutMs)
        if (!answered)
          this.deps.logger.warn('printer did not answer the status query; printing anyway', {
            printer: this.options.path,
          })
        const refusal = refusalFor(status)
        if (refusal) throw refusal
      }
      sent = true
      await link.writeAll(bytes, this.options.writeTimeoutMs)
    } catch (err) {
      throw jobFailure(err, sent)
    } finally {
      await link.close(this.options.writeTimeoutMs)
    }
  }

  async status(): Promise<PrinterStatus> {
    let link: SerialLink
    try {
      link = await SerialLink.open(this.options)
    } catch (err) {
      return { state: 'offline', detail: errorText(err) }
    }
    try {
      if (!this.options.queryStatus)
        return {
          state: 'unknown',
          detail: `The serial port ${this.options.path} opens; status checks are turned off.`,
        }
      return (await queryEscposStatus(link, this.options.statusTimeoutMs)).status
    } catch (err) {
      return { state: 'offline', detail: errorText(err) }
    } finally {
      await link.close(this.options.writeTimeoutMs)
    }
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

function openError(path: string, err: unknown): PrintError {
  const text = errorText(err)
  if (/no such file|ENOENT|file not found|cannot find/i.test(text)) return printErrors.pathNotFound(path, err)
  if (/permission denied|access denied|EACCES/i.test(text))
    return printErrors.io(
      `${path} cannot be opened: it is in use by another program, or this computer's user may not use it.`,
      err,
    )
  if (/resource busy|EBUSY|locked/i.test(text))
    return printErrors.io(`${path} is in use by another program.`, err)
  return printErrors.io(text, err)
}

class SerialLink {
  private readonly inbox = new ByteInbox()
  private closed = false

  private constructor(
    private readonly port: SerialPort,
    path: string,
  ) {
    port.on('data', (chunk: Buffer) => this.inbox.push(chunk))
    port.on('error', (err: Error) => this.inbox.fail(printErrors.io(errorText(err), err)))
    port.on('close', () => {
      this.closed = true
      this.inbox.fail(printErrors.pathNotFound(path))
    })
  }

  static async open(options: SerialPrinterOptions): Promise<SerialLink> {
    let port: SerialPort
    try {
      port = new SerialPort({ path: options.path, baudRate: options.baudRate, autoOpen: false })
    } catch (err) {
      throw printErrors.io(errorText(err), err)
    }
    const link = new SerialLink(port, options.path)
    let abandoned = false
    const opened = new Promise<Error | null>((resolve) => port.open((err) => resolve(err ?? null)))
    const outcome = await withTimeout(opened, options.openTimeoutMs)
    if (outcome === 'timeout') {
      abandoned = true
      // The open is still running in the thread pool: close the port if it ever succeeds.
      void opened.then((err) => {
        if (!err && abandoned) port.close(() => {})
      })
      throw printErrors.connectTimeout(options.openTimeoutMs)
    }
    if (outcome) throw openError(options.path, outcome)
    return link
  }

  send(bytes: Uint8Array): void {
    if (!this.closed) this.port.write(Buffer.from(bytes))
  }

  readByte(timeoutMs: number): Promise<number | 'timeout'> {
    return this.inbox.readByte(timeoutMs)
  }

  async writeAll(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    this.inbox.stopCollecting()
    const done = new Promise<Error | null>((resolve) => {
      this.port.write(Buffer.from(bytes), (err) => {
        if (err) return resolve(err)
        this.port.drain((drainErr) => resolve(drainErr ?? null))
      })
    })
    const outcome = await withTimeout(done, timeoutMs)
    if (outcome === 'timeout') throw printErrors.writeTimeout(timeoutMs)
    if (outcome) throw printErrors.dropped(outcome)
  }

  /** Closes the port; never rejects, never waits longer than `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    if (this.closed || !this.port.isOpen) return
    const closing = new Promise<void>((resolve) => this.port.close(() => resolve()))
    await withTimeout(closing, timeoutMs)
  }
}
