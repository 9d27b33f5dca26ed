import type { PrinterStatus, ReceiptPrinter } from './printer'

/**
 * No printer configured (`connection.kind: 'none'`). Decision: `createPrinter` returns **null** for it rather
 * than a printer that pretends to print. A null printer is the caller's cue for preview-only: show the receipt
 * on screen (and offer to save it) instead of "printed". A silent no-op printer would let the app report
 * "printed" for a receipt nobody received; null makes every caller handle the case at compile time.
 */
export const NO_PRINTER_STATUS: PrinterStatus = {
  state: 'unknown',
  detail: 'No printer set up: receipts show on screen.',
}

/** Status for a settings screen or status bar, including the no-printer case. Never rejects. */
export function printerStatusOrPreview(printer: ReceiptPrinter | null): Promise<PrinterStatus> {
  return printer ? printer.status() : Promise.resolve({ ...NO_PRINTER_STATUS })
}
