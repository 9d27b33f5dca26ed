import type { PrintJobInfo, ReceiptPreview } from '../../common/contract'
import { AppError } from '../../common/errors'
import type { PrintJobRow } from '../db/queries/print-jobs'
import type { Store } from '../db/store'
import { createPrinter } from '../devices/printer/create-printer'
import { NO_PRINTER_STATUS } from '../devices/printer/null-printer'
import type { PrinterStatus, ReceiptPrinter } from '../devices/printer/printer'
import { errorText } from '../devices/printer/printer'
import { parsePrinterConfig, type PrinterConfig } from '../../common/printer-config'
import {
  buildShelfSlip,
  renderEscPos,
  renderReceipt,
  type ReceiptData,
  type ShelfSlipData,
} from '../receipts'
import type { Clock } from './clock'
import type { Logger } from './logger'

const SETTINGS_KEY = 'printer'

export function toPrintJobInfo(r: PrintJobRow): PrintJobInfo {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    printer: r.printer,
    reason: r.reason,
    error: r.error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }
}

interface Deps {
  store: Store
  clock: Clock
  logger: Logger
  /** Told whenever the printer's state may have changed (status bar). */
  onStatus: () => void
}

/**
 * Renders receipts and sends them to the configured printer, recording every job. The application is committed
 * before this runs, so a failed print loses nothing: the job is marked failed with the reason and can be retried.
 */
export function createPrintService({ store, clock, logger, onStatus }: Deps) {
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

  const setStatus = (s: PrinterStatus): void => {
    if (s.state === lastStatus.state && s.detail === lastStatus.detail) return
    lastStatus = s
    onStatus()
  }

  const render = (data: ReceiptData): { preview: ReceiptPreview; bytes: Buffer } => {
    const r = renderReceipt(data, { columns: config.paperColumns, printer: config.commandSet })
    return { preview: { svg: r.svg, text: r.text, columns: config.paperColumns }, bytes: r.escpos }
  }

  /** Sends bytes and records the outcome in the job row; never throws for a printer failure. */
  const send = async (jobId: number, bytes: Uint8Array): Promise<PrintJobInfo> => {
    if (printer) {
      try {
        await printer.print(bytes)
        store.printJobs.finish({ id: jobId, status: 'printed', error: null, now: clock.now() })
        setStatus({ state: 'ready', detail: `Printed on ${printer.description}` })
      } catch (err) {
        const message = errorText(err)
        store.printJobs.finish({ id: jobId, status: 'failed', error: message, now: clock.now() })
        setStatus({ state: 'error', detail: message })
      }
    }
    const row = store.printJobs.byId(jobId)
    if (!row) throw new Error(`print job ${jobId} vanished`)
    return toPrintJobInfo(row)
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
      const s = printer ? await printer.status() : { ...NO_PRINTER_STATUS }
      setStatus(s)
      return s
    },

    /** A sample receipt (clearly marked TEST) to check paper, darkness and the barcode/QR from the settings screen. */
    testPrint(staffNumber: string): Promise<{ preview: ReceiptPreview; job: PrintJobInfo }> {
      const centre = store.centre.get()
      const staff = store.staff.byNumber(staffNumber)
      return this.print({
        kind: 'test',
        reason: null,
        staffNumber,
        data: {
          centreName: centre?.name ?? 'Huduma Centre',
          centreNumber: centre?.number ?? '000',
          trackingNumber: '000000000000',
          serviceNameEn: 'TEST PRINT - not a receipt',
          serviceNameSw: 'JARIBIO - si stakabadhi',
          phoneE164: '+254700000000',
          registeredAt: clock.now(),
          expectedReady: new Date(clock.now()).toISOString().slice(0, 10),
          statusUrl: 'https://example.invalid/test',
          howToCheck: 'This is a test print.',
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
      if (!printer) return
      const bytes = renderEscPos(buildShelfSlip(data), {
        columns: config.paperColumns,
        printer: config.commandSet,
      })
      printer.print(bytes).catch((err: unknown) => {
        logger.warn('shelf slip did not print', { slot: data.slot, error: errorText(err) })
        setStatus({ state: 'error', detail: `Shelf slip did not print: ${errorText(err)}` })
      })
    },

    /** Renders without printing: the on-screen preview of an existing receipt. */
    preview: (data: ReceiptData): ReceiptPreview => render(data).preview,

    async print(p: {
      data: ReceiptData
      kind: 'receipt' | 'reprint' | 'test'
      reason: string | null
      staffNumber: string
    }): Promise<{ preview: ReceiptPreview; job: PrintJobInfo }> {
      const { preview, bytes } = render(p.data)
      const jobId = store.printJobs.insert({
        trackingNumber: p.kind === 'test' ? null : p.data.trackingNumber,
        kind: p.kind,
        status: printer ? 'queued' : 'preview-only',
        printer: printer?.description ?? 'screen preview',
        reason: p.reason,
        staffNumber: p.staffNumber,
        now: clock.now(),
      })
      return { preview, job: await send(jobId, bytes) }
    },
  }
}
export type PrintService = ReturnType<typeof createPrintService>
