import fs from 'node:fs'
import {
  errorCode,
  errorText,
  jobFailure,
  PrintError,
  printErrors,
  type PrinterStatus,
  type ReceiptPrinter,
} from './printer'

export interface FilePrinterOptions {
  /** A printer device (/dev/usb/lp0, LPT1) or an OS printer share (\\server\receipts). Must already exist. */
  path: string
  writeTimeoutMs: number
}

/**
 * Writes the job to a device file or printer share with fs. The path is opened write-only *without* create,
 * so a mistyped /dev path fails as 'not-found' instead of quietly becoming a regular file; on Windows shares
 * the usual 'w' open is used (that is what a share expects). No status: a device file cannot report paper or
 * cover, so status() only says whether the path is there.
 *
 * Caveat: fs writes run on libuv's thread pool and cannot be cancelled. On timeout the job is reported as
 * 'timeout' and the file handle is closed once the stuck write returns.
 */
export class FilePrinter implements ReceiptPrinter {
  readonly description: string

  constructor(
    private readonly options: FilePrinterOptions,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    this.description = `Printer device ${options.path}`
  }

  async print(bytes: Uint8Array): Promise<void> {
    const flags = this.platform === 'win32' ? 'w' : fs.constants.O_WRONLY | fs.constants.O_APPEND
    // Set once the first write is issued: from then on paper may come out. After a timeout an open that
    // completes late writes nothing, so "nothing sent" stays true when it was reported.
    let sent = false
    let abandoned = false
    const work = (async () => {
      const handle = await fs.promises.open(this.options.path, flags)
      try {
        if (abandoned) return
        sent = true
        let offset = 0
        while (offset < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset)
          if (bytesWritten <= 0) throw new Error('the device accepted no data')
          offset += bytesWritten
        }
      } finally {
        await handle.close()
      }
    })()
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.writeTimeoutMs)
    })
    try {
      const outcome = await Promise.race([work.then(() => 'done' as const), timeout])
      if (outcome === 'timeout') {
        abandoned = true
        work.catch(() => {}) // settles later; nobody is waiting for it any more
        throw printErrors.writeTimeout(this.options.writeTimeoutMs)
      }
    } catch (err) {
      throw jobFailure(this.toPrintError(err), sent)
    } finally {
      clearTimeout(timer)
    }
  }

  async status(): Promise<PrinterStatus> {
    try {
      await fs.promises.stat(this.options.path)
      return {
        state: 'unknown',
        detail: `The printer device ${this.options.path} is there; this connection cannot report paper or cover.`,
      }
    } catch (err) {
      return { state: 'offline', detail: this.toPrintError(err).message }
    }
  }

  private toPrintError(err: unknown): PrintError {
    if (err instanceof PrintError) return err
    switch (errorCode(err)) {
      case 'ENOENT':
      case 'ENOTDIR':
      case 'ENXIO':
      case 'ENODEV':
        return printErrors.pathNotFound(this.options.path, err)
      case 'EACCES':
      case 'EPERM':
        return printErrors.io(
          `this computer is not allowed to write to ${this.options.path}. Ask the administrator to give access to the printer.`,
          err,
        )
      case 'EBUSY':
        return printErrors.io(`${this.options.path} is in use by another program.`, err)
      case 'EISDIR':
        return printErrors.io(`${this.options.path} is a folder, not a printer.`, err)
      default:
        return printErrors.io(errorText(err), err)
    }
  }
}
