/**
 * Receipt printers: one interface for every transport, and one error type whose messages a
 * counter clerk can act on. A failed print is the caller's to record and offer for reprint; printers only report.
 */

export type PrinterState =
  'ready' | 'offline' | 'cover-open' | 'paper-out' | 'paper-low' | 'error' | 'unknown'

export type PrinterStatus = { state: PrinterState; detail: string }

export interface ReceiptPrinter {
  /** Where the receipts go, for settings screens and logs, e.g. "TCP 192.168.1.50:9100". */
  readonly description: string
  /**
   * Sends one whole job. Resolves once the bytes are handed over; rejects with a PrintError whose
   * `mayHavePrinted` says whether any job byte had left this computer (so paper may have come out).
   */
  print(bytes: Uint8Array): Promise<void>
  /** Never rejects: an unreachable printer is `offline`, one that cannot tell is `unknown`. */
  status(): Promise<PrinterStatus>
}

export type PrintErrorReason =
  'refused' | 'timeout' | 'dropped' | 'not-found' | 'offline' | 'cover-open' | 'paper-out' | 'io'

export class PrintError extends Error {
  override readonly name = 'PrintError'
  /**
   * Whether any byte of the job may have reached the printer. False only when the job was refused before it was
   * sent (connection refused, printer offline per its status): then nothing came out, and printing again gives
   * the customer their one original. True once sending began, since half a receipt may be in the customer's hand.
   */
  readonly mayHavePrinted: boolean
  constructor(
    readonly reason: PrintErrorReason,
    message: string,
    options?: { cause?: unknown; mayHavePrinted?: boolean },
  ) {
    super(message, options)
    this.mayHavePrinted = options?.mayHavePrinted ?? false
  }
}

/**
 * The failure of a job as the transport saw it: `sent` is whether job bytes had started to leave. Anything that
 * is not a PrintError yet becomes an 'io' one, so callers always get the flag.
 */
export function jobFailure(err: unknown, sent: boolean): PrintError {
  const e = err instanceof PrintError ? err : printErrors.io(errorText(err), err)
  if (e.mayHavePrinted === sent) return e
  return new PrintError(e.reason, e.message, { cause: e.cause, mayHavePrinted: sent })
}

/** "5 s", "0.3 s", "1.5 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}

/** The messages, in one place so every transport says the same thing. */
export const printErrors = {
  refused: (where: string, cause?: unknown) =>
    new PrintError(
      'refused',
      `The printer at ${where} refused the connection. Is it switched on and on the network?`,
      { cause },
    ),
  hungUp: (where: string, cause?: unknown) =>
    new PrintError(
      'refused',
      `The printer at ${where} closed the connection before printing. It may be busy with another computer's job — try again in a moment.`,
      { cause },
    ),
  connectTimeout: (ms: number, cause?: unknown) =>
    new PrintError('timeout', `The printer did not answer within ${seconds(ms)}.`, { cause }),
  writeTimeout: (ms: number) =>
    new PrintError(
      'timeout',
      `The printer stopped taking the receipt for ${seconds(ms)}; it may be incomplete — check the printer, then print a copy.`,
    ),
  dropped: (cause?: unknown) =>
    new PrintError(
      'dropped',
      'The connection to the printer dropped while printing; the receipt may be incomplete — print a copy.',
      { cause },
    ),
  hostNotFound: (host: string, cause?: unknown) =>
    new PrintError(
      'not-found',
      `The printer name "${host}" is not known on this network. Use the printer's IP address instead, e.g. 192.168.1.50.`,
      { cause },
    ),
  pathNotFound: (path: string, cause?: unknown) =>
    new PrintError(
      'not-found',
      `No printer found at ${path}. Check that the printer is plugged in and switched on, and the printer setting.`,
      { cause },
    ),
  unreachable: (where: string, cause?: unknown) =>
    new PrintError(
      'offline',
      `The printer at ${where} cannot be reached. Check the network cable and that this computer is on the same network.`,
      { cause },
    ),
  offline: (detail: string) => new PrintError('offline', detail),
  coverOpen: () => new PrintError('cover-open', 'The printer cover is open. Close it and print again.'),
  paperOut: () =>
    new PrintError('paper-out', 'The printer is out of paper. Load a new roll and print again.'),
  io: (detail: string, cause?: unknown) =>
    new PrintError('io', `The receipt could not be sent to the printer: ${detail}`, { cause }),
}

/**
 * Whether a reported status forbids printing. Cover open, paper out, a printer error or offline: the job would
 * not come out (or come out half), so the clerk fixes the printer first. `paper-low` and `unknown` print.
 */
export function refusalFor(status: PrinterStatus): PrintError | null {
  switch (status.state) {
    case 'cover-open':
      return printErrors.coverOpen()
    case 'paper-out':
      return printErrors.paperOut()
    case 'error':
    case 'offline':
      return printErrors.offline(status.detail)
    default:
      return null
  }
}

/** Node system errors carry `code`; happy-eyeballs connects throw an AggregateError whose parts do. */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string') return code
  if (err instanceof AggregateError) {
    for (const inner of err.errors) {
      const c = errorCode(inner)
      if (c) return c
    }
  }
  return undefined
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
