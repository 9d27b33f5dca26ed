import net from 'node:net'
import type { Logger } from '../../infra/logger'
import { ByteInbox, queryEscposStatus } from './escpos-status'
import {
  errorCode,
  errorText,
  jobFailure,
  printErrors,
  refusalFor,
  type PrintError,
  type PrinterStatus,
  type ReceiptPrinter,
} from './printer'

export interface TcpPrinterOptions {
  host: string
  port: number
  connectTimeoutMs: number
  /** From the first job byte until the printer has everything and the connection is closed. */
  writeTimeoutMs: number
  /** Per DLE EOT answer. */
  statusTimeoutMs: number
  /** Ask DLE EOT 1/2/4 before each job and refuse to print on cover open / paper out / error. */
  queryStatus: boolean
}

export interface TcpPrinterDeps {
  logger: Logger
}

/**
 * Raw TCP ("JetDirect", port 9100): one connection per job. The job counts as delivered when the socket has
 * flushed everything, sent FIN, and the printer closed its side (`end()` then `'close'`) — kernel buffers can
 * swallow hundreds of KB, so "written" alone proves nothing.
 */
export class TcpPrinter implements ReceiptPrinter {
  readonly description: string
  private readonly where: string

  constructor(
    private readonly options: TcpPrinterOptions,
    private readonly deps: TcpPrinterDeps,
  ) {
    this.where = `${options.host}:${options.port}`
    this.description = `Network printer ${this.where}`
  }

  async print(bytes: Uint8Array): Promise<void> {
    const conn = await TcpConnection.open(this.options, this.where)
    try {
      if (this.options.queryStatus) {
        const { status, answered } = await queryEscposStatus(conn, this.options.statusTimeoutMs)
        if (!answered)
          this.deps.logger.warn('printer did not answer the status query; printing anyway', {
            printer: this.where,
          })
        const refusal = refusalFor(status)
        if (refusal) throw refusal
      }
      await conn.sendJob(bytes, this.options.writeTimeoutMs)
    } catch (err) {
      // Status bytes (DLE EOT) print nothing: only job bytes handed to the socket can leave paper.
      throw jobFailure(err, conn.jobSent)
    } finally {
      conn.destroy()
    }
  }

  async status(): Promise<PrinterStatus> {
    let conn: TcpConnection
    try {
      conn = await TcpConnection.open(this.options, this.where)
    } catch (err) {
      return { state: 'offline', detail: errorText(err) }
    }
    try {
      if (!this.options.queryStatus)
        return {
          state: 'unknown',
          detail: `The printer at ${this.where} answers on the network; status checks are turned off.`,
        }
      const { status } = await queryEscposStatus(conn, this.options.statusTimeoutMs)
      return status
    } catch (err) {
      return { state: 'offline', detail: errorText(err) }
    } finally {
      conn.destroy()
    }
  }
}

/** One socket and everything it has told us, so no event is ever missed or unhandled. */
class TcpConnection {
  readonly inbox = new ByteInbox()
  private error: Error | null = null
  private peerEnded = false
  private finished = false
  private closed = false
  private jobStarted = false
  /** Peer FIN before our own end was flushed: the printer hung up on an unfinished job. */
  private peerEndedEarly = false
  private wake: (() => void) | null = null

  private constructor(
    private readonly socket: net.Socket,
    private readonly where: string,
  ) {
    socket.on('data', (chunk: Buffer) => this.inbox.push(chunk))
    socket.on('error', (err) => {
      this.error ??= err
      this.inbox.fail(this.linkError(err))
      this.notify()
    })
    socket.on('end', () => {
      this.peerEnded = true
      if (!this.finished) this.peerEndedEarly = true
      this.inbox.fail(this.jobStarted ? printErrors.dropped() : printErrors.hungUp(this.where))
      this.notify()
    })
    socket.on('finish', () => {
      this.finished = true
      this.notify()
    })
    socket.on('close', () => {
      this.closed = true
      this.inbox.fail(this.jobStarted ? printErrors.dropped() : printErrors.hungUp(this.where))
      this.notify()
    })
  }

  static async open(options: TcpPrinterOptions, where: string): Promise<TcpConnection> {
    const socket = net.connect({ host: options.host, port: options.port })
    const conn = new TcpConnection(socket, where)
    let connected = false
    socket.once('connect', () => {
      connected = true
      conn.notify()
    })
    const outcome = await conn.until(
      () => (connected ? 'ok' : conn.error ? 'error' : conn.closed ? 'closed' : undefined),
      options.connectTimeoutMs,
    )
    if (outcome === 'ok') {
      socket.setNoDelay(true)
      return conn
    }
    conn.destroy()
    if (outcome === 'timeout') throw printErrors.connectTimeout(options.connectTimeoutMs)
    throw conn.connectError(options.host, options.connectTimeoutMs)
  }

  /** Whether job bytes have been handed to the socket (from then on the printer may have printed some). */
  get jobSent(): boolean {
    return this.jobStarted
  }

  send(bytes: Uint8Array): void {
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(bytes)
  }

  readByte(timeoutMs: number): Promise<number | 'timeout'> {
    return this.inbox.readByte(timeoutMs)
  }

  /** Writes the job, ends our side, and waits until the printer has closed the connection. */
  async sendJob(bytes: Uint8Array, timeoutMs: number): Promise<void> {
    this.inbox.stopCollecting()
    if (this.error) throw this.linkError(this.error)
    if (this.peerEnded || this.closed) throw printErrors.hungUp(this.where)
    this.jobStarted = true
    // end() queues everything in Node's buffer; 'finish' = all of it handed to the kernel and FIN sent.
    this.socket.end(bytes)
    const outcome = await this.until(
      () => (this.error ? 'error' : this.closed ? 'closed' : undefined),
      timeoutMs,
    )
    if (outcome === 'timeout') throw printErrors.writeTimeout(timeoutMs)
    if (outcome === 'error' && this.error) throw this.linkError(this.error)
    if (this.peerEndedEarly || !this.finished) throw printErrors.dropped()
  }

  destroy(): void {
    this.wake = null
    if (!this.socket.destroyed) this.socket.destroy()
  }

  private notify(): void {
    this.wake?.()
  }

  /** Resolves with the first non-undefined `check()` after any socket event, or 'timeout'. */
  private until<T extends string>(check: () => T | undefined, timeoutMs: number): Promise<T | 'timeout'> {
    return new Promise((resolve) => {
      const first = check()
      if (first !== undefined) return resolve(first)
      const timer = setTimeout(() => {
        this.wake = null
        resolve('timeout')
      }, timeoutMs)
      this.wake = () => {
        const r = check()
        if (r === undefined) return
        clearTimeout(timer)
        this.wake = null
        resolve(r)
      }
    })
  }

  private connectError(host: string, timeoutMs: number): PrintError {
    const err = this.error
    if (!err) return printErrors.hungUp(this.where)
    switch (errorCode(err)) {
      case 'ECONNREFUSED':
        return printErrors.refused(this.where, err)
      case 'ECONNRESET':
      case 'ECONNABORTED':
      case 'EPIPE':
        return printErrors.hungUp(this.where, err)
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
      case 'EAI_NONAME':
        return printErrors.hostNotFound(host, err)
      case 'ETIMEDOUT':
        return printErrors.connectTimeout(timeoutMs, err)
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
      case 'EHOSTDOWN':
      case 'ENETDOWN':
        return printErrors.unreachable(this.where, err)
      default:
        return printErrors.io(errorText(err), err)
    }
  }

  /** An error on an established connection. */
  private linkError(err: Error): PrintError {
    const code = errorCode(err)
    if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED')
      return this.jobStarted ? printErrors.dropped(err) : printErrors.hungUp(this.where, err)
    if (code === 'ETIMEDOUT') return printErrors.dropped(err)
    return printErrors.io(errorText(err), err)
  }
}
