import type { PrintJobInfo, ReceiptPreview, UnprintedReceipt } from '../../common/contract'
import { AppError } from '../../common/errors'
import { createI18n } from '../../common/i18n'
import { PREVIEW_PRINTER, retryPrintsCopy } from '../../common/print-job'
import type { PrintJobRow } from '../db/queries/print-jobs'
import type { Store } from '../db/store'
import { createPrinter } from '../devices/printer/create-printer'
import { NO_PRINTER_STATUS } from '../devices/printer/null-printer'
import type { PrinterStatus, ReceiptPrinter } from '../devices/printer/printer'
import { errorText, PrintError } from '../devices/printer/printer'
import { parsePrinterConfig, type PrinterConfig } from '../../common/printer-config'
import {
  buildShelfSlip,
  renderEscPos,
  renderReceipt,
  type ReceiptData,
  type ShelfSlipData,
} from '../receipts'
import type { Clock } from '../infra/clock'
import type { Logger } from '../infra/logger'

const SETTINGS_KEY = 'printer'

export function toPrintJobInfo(r: PrintJobRow): PrintJobInfo {
  return {
    id: r.id,
    trackingNumber: r.tracking_number,
    kind: r.kind,
    status: r.status,
    printer: r.printer,
    reason: r.reason,
    error: r.error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    mayHavePrinted: r.may_have_printed === 1,
    copy: r.copy === 1,
  }
}

/** What a job needs to go out: its row is written, its bytes rendered, its printer chosen. */
export interface PreparedPrint {
  preview: ReceiptPreview
  job: PrintJobInfo
  bytes: Buffer
  /** The printer set up when the job was made (null: screen only); the job goes there even if settings change. */
  printer: ReceiptPrinter | null
}

export interface PrintRequest {
  data: ReceiptData
  kind: 'receipt' | 'reprint' | 'test'
  reason: string | null
  staffNumber: string
  /** The paper says COPY (see common/print-job.ts). */
  copy?: boolean
}

interface Deps {
  store: Store
  clock: Clock
  logger: Logger
  /** Told whenever the printer's state may have changed (status bar). */
  onStatus: () => void
  /** Told when a job has finished, printed or failed (pushed to the screens as `print.job`). */
  onJob: (job: PrintJobInfo) => void
}

const UNFINISHED =
  'This computer stopped before the receipt finished printing; it may be incomplete — check the printer, then print a copy.'

/**
 * Renders receipts and sends them to the configured printer, recording every job. A job's row is written
 * ('queued') before anyone is told about it, in the caller's transaction where there is one, and the bytes go out
 * afterwards: nobody waits for paper, so a stalled printer never holds up the counter, and a crash leaves a job
 * that evidently did not finish (marked failed at the next start). The outcome is recorded in the row and pushed.
 */
/** How far back the counter's list of unprinted receipts reaches. */
const UNPRINTED_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

export function createPrintService({ store, clock, logger, onStatus, onJob }: Deps) {
  const load = (): PrinterConfig => {
    const saved = parsePrinterConfig(store.centre.getSetting(SETTINGS_KEY) ?? {})
    if (saved.ok) return saved.config
    logger.warn('saved printer settings are invalid; using preview only', { problems: saved.problems })
    const fallback = parsePrinterConfig({})
    if (!fallback.ok) throw new Error('default printer settings do not validate')
    return fallback.config
  }
  let config = load()
  let printer: ReceiptPrinter | null = createPrinter(config, { logger })
  let lastStatus: PrinterStatus = printer
    ? { state: 'unknown', detail: 'Not checked yet' }
    : { ...NO_PRINTER_STATUS }

  const unfinished = store.printJobs.failUnfinished({ error: UNFINISHED, now: clock.now() })
  if (unfinished > 0) logger.warn('print jobs left unfinished by the last run marked failed', { unfinished })

  const setStatus = (s: PrinterStatus): void => {
    if (s.state === lastStatus.state && s.detail === lastStatus.detail) return
    lastStatus = s
    onStatus()
  }

  // One line to the printer: jobs go out one at a time in the order they were made, so two receipts' bytes never
  // interleave (nor a receipt's and a shelf slip's), and a stalled job holds the next back instead of racing it.
  let tail: Promise<void> = Promise.resolve()
  let inFlight = 0
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    inFlight += 1
    const run = tail.then(work).finally(() => {
      inFlight -= 1
    })
    tail = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  const render = (data: ReceiptData): { preview: ReceiptPreview; bytes: Buffer } => {
    const r = renderReceipt(data, { columns: config.paperColumns, printer: config.commandSet })
    return { preview: { svg: r.svg, text: r.text, columns: config.paperColumns }, bytes: r.escpos }
  }

  const jobInfo = (jobId: number): PrintJobInfo => {
    const row = store.printJobs.byId(jobId)
    if (!row) throw new Error(`print job ${jobId} vanished`)
    return toPrintJobInfo(row)
  }

  /** Sends bytes and records the outcome in the job row; never rejects. */
  const send = async (
    job: PrintJobInfo,
    bytes: Uint8Array,
    target: ReceiptPrinter,
  ): Promise<PrintJobInfo> => {
    let outcome: { status: 'printed' | 'failed'; error: string | null; mayHavePrinted: boolean }
    try {
      await target.print(bytes)
      outcome = { status: 'printed', error: null, mayHavePrinted: true }
    } catch (err) {
      // Anything but a PrintError is a surprise from the transport: assume paper may have come out.
      const mayHavePrinted = err instanceof PrintError ? err.mayHavePrinted : true
      outcome = { status: 'failed', error: errorText(err), mayHavePrinted }
    }
    try {
      store.printJobs.finish({ id: job.id, now: clock.now(), ...outcome })
      setStatus(
        outcome.error === null
          ? { state: 'ready', detail: `Printed on ${target.description}` }
          : { state: 'error', detail: outcome.error },
      )
      const finished = jobInfo(job.id)
      onJob(finished)
      return finished
    } catch (err) {
      // The store closed under a pending job (shutdown): the row stays queued and the next start fails it.
      logger.warn('print outcome not recorded', { job: job.id, error: errorText(err) })
      return job
    }
  }

  /** Renders and records a job without sending it: call inside the transaction that makes the thing printed. */
  const prepare = (p: PrintRequest): PreparedPrint => {
    const { preview, bytes } = render(p.copy ? { ...p.data, copy: true } : p.data)
    const jobId = store.printJobs.insert({
      trackingNumber: p.kind === 'test' ? null : p.data.trackingNumber,
      kind: p.kind,
      status: printer ? 'queued' : 'preview-only',
      printer: printer?.description ?? PREVIEW_PRINTER,
      reason: p.reason,
      staffNumber: p.staffNumber,
      now: clock.now(),
      copy: p.copy ?? false,
    })
    return { preview, job: jobInfo(jobId), bytes, printer }
  }

  /** Queues a prepared job for its printer; resolves with its outcome (also pushed through `onJob`). */
  const start = (prepared: PreparedPrint): Promise<PrintJobInfo> => {
    const target = prepared.printer
    if (!target) return Promise.resolve(prepared.job)
    return enqueue(() => send(prepared.job, prepared.bytes, target))
  }

  /** prepare + start, for prints that are not part of a larger write. */
  const print = (
    p: PrintRequest,
  ): { preview: ReceiptPreview; job: PrintJobInfo; done: Promise<PrintJobInfo> } => {
    const prepared = prepare(p)
    return { preview: prepared.preview, job: prepared.job, done: start(prepared) }
  }

  return {
    config: (): PrinterConfig => config,
    configured: (): boolean => printer !== null,
    description: (): string => printer?.description ?? 'Screen preview (no printer set up)',
    status: (): PrinterStatus => lastStatus,

    configure(input: unknown, by: string): PrinterConfig {
      const parsed = parsePrinterConfig(input)
      if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.problems[0] ?? 'Invalid printer settings')
      const now = clock.now()
      store.tx(() => {
        store.centre.putSetting(SETTINGS_KEY, parsed.config)
        store.audit.write({
          at: now,
          staffNumber: by,
          action: 'printer.configured',
          detail: { ...parsed.config },
        })
      })
      config = parsed.config
      printer = createPrinter(config, { logger })
      setStatus(printer ? { state: 'unknown', detail: 'Not checked yet' } : { ...NO_PRINTER_STATUS })
      return config
    },

    /** Asks the printer how it is (DLE EOT where it answers) and updates the status bar. */
    async refreshStatus(): Promise<PrinterStatus> {
      // While a job is out, its outcome is the news; a status query would open a second connection (or the
      // serial port a second time) beside the job, or wait behind a stalled one.
      if (printer && inFlight > 0) return lastStatus
      const s = printer ? await printer.status() : { ...NO_PRINTER_STATUS }
      setStatus(s)
      return s
    },

    /** A sample receipt (clearly marked TEST) to check paper, darkness and the barcode/QR from the settings screen. */
    testPrint(staffNumber: string): ReturnType<typeof print> {
      const centre = store.centre.get()
      const staff = store.staff.byNumber(staffNumber)
      // The service line says TEST in both languages, as a receipt's service does; the rest is for staff (English).
      const i18n = createI18n()
      const en = i18n.getFixedT('en')
      const sw = i18n.getFixedT('sw')
      return print({
        kind: 'test',
        reason: null,
        staffNumber,
        data: {
          centreName: centre?.name ?? en('receipt.test.centreFallback'),
          centreNumber: centre?.number ?? '000',
          trackingNumber: '000000000000',
          serviceNameEn: en('receipt.test.service'),
          serviceNameSw: sw('receipt.test.service'),
          phoneE164: '+254700000000',
          registeredAt: clock.now(),
          expectedReady: new Date(clock.now()).toISOString().slice(0, 10),
          statusUrl: 'https://example.invalid/test',
          howToCheck: en('receipt.test.howToCheck'),
          clerkName: staff?.name ?? staffNumber,
          clerkStaffNumber: staffNumber,
          workstationSlot: centre?.workstation_slot ?? '00',
        },
      })
    },

    /**
     * A shelf slip on arrival, when switched on and a printer is set up. Best effort: the arrival is already saved,
     * and a missing slip is written on by hand, so a failure is logged, not raised.
     */
    printSlip(data: ShelfSlipData): void {
      const target = printer
      if (!target) return
      const bytes = renderEscPos(buildShelfSlip(data), {
        columns: config.paperColumns,
        printer: config.commandSet,
      })
      enqueue(() => target.print(bytes)).catch((err: unknown) => {
        logger.warn('shelf slip did not print', { slot: data.slot, error: errorText(err) })
        setStatus({ state: 'error', detail: `Shelf slip did not print: ${errorText(err)}` })
      })
    },

    /** Renders without printing: the on-screen preview of an existing receipt. */
    preview: (data: ReceiptData): ReceiptPreview => render(data).preview,

    prepare,
    start,
    print,

    /**
     * Receipts of the last week that have not printed, newest first: after a printer fault or a restart the clerk
     * sees whose receipt is still owed (the customer may still be at the counter, or come back for it).
     */
    unprinted(): UnprintedReceipt[] {
      return store.printJobs.unprinted(clock.now() - UNPRINTED_WINDOW_MS, 50).map((r) => ({
        trackingNumber: r.tracking_number,
        customerName: r.customer_name,
        jobId: r.id,
        error: r.error,
        printsCopy: retryPrintsCopy({
          kind: r.kind,
          copy: r.copy === 1,
          mayHavePrinted: r.may_have_printed === 1,
        }),
        at: r.created_at,
      }))
    },

    /** One job as it stands. */
    job(jobId: number): PrintJobInfo {
      const row = store.printJobs.byId(jobId)
      if (!row) throw new AppError('NOT_FOUND', `No print job ${jobId}.`, 'jobId')
      return toPrintJobInfo(row)
    },
  }
}
export type PrintService = ReturnType<typeof createPrintService>
