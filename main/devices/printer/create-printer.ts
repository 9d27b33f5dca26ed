import type { Logger } from '../../infra/logger'
import { FilePrinter } from './file-printer'
import type { PrinterConfig } from '../../../common/printer-config'
import type { ReceiptPrinter } from './printer'
import { SerialPrinter } from './serial-printer'
import { TcpPrinter } from './tcp-printer'

export interface PrinterDeps {
  logger: Logger
}

/**
 * The printer for validated settings (`parsePrinterConfig`), or **null** when none is configured: the caller
 * then shows receipts on screen only (see null-printer.ts). Status queries (DLE EOT) are ESC/POS; with the
 * 'star' command set they are not sent, whatever `queryStatus` says.
 */
export function createPrinter(config: PrinterConfig, deps: PrinterDeps): ReceiptPrinter | null {
  const queryStatus = config.queryStatus && config.commandSet === 'escpos'
  const c = config.connection
  switch (c.kind) {
    case 'none':
      return null
    case 'tcp':
      return new TcpPrinter(
        {
          host: c.host,
          port: c.port,
          connectTimeoutMs: config.connectTimeoutMs,
          writeTimeoutMs: config.writeTimeoutMs,
          statusTimeoutMs: config.statusTimeoutMs,
          queryStatus,
        },
        { logger: deps.logger },
      )
    case 'serial':
      return new SerialPrinter(
        {
          path: c.path,
          baudRate: c.baudRate,
          openTimeoutMs: config.connectTimeoutMs,
          writeTimeoutMs: config.writeTimeoutMs,
          statusTimeoutMs: config.statusTimeoutMs,
          queryStatus,
        },
        { logger: deps.logger },
      )
    case 'file':
      return new FilePrinter({ path: c.path, writeTimeoutMs: config.writeTimeoutMs })
  }
}
