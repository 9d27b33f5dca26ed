import type { PrinterConfig } from '../printer-config'

/** Output shapes of the counter desk's methods. */

export type Language = 'en' | 'sw'
export type ApplicationStatus = 'registered' | 'arrived' | 'collected' | 'returned' | 'cancelled'

export interface ApplicationSummary {
  trackingNumber: string
  serviceCode: string
  serviceName: string
  customerName: string
  /** E.164; staff see the whole number, receipts only a masked one. */
  phone: string
  status: ApplicationStatus
  registeredAt: number
  expectedReady: string
  shelfSlot: string | null
}

export interface TimelineEntry {
  at: number
  type: string
  staffNumber: string | null
  detail: Record<string, unknown>
}

/** A customer's receipt that has not printed: the counter lists these until each is printed. */
export interface UnprintedReceipt {
  trackingNumber: string
  customerName: string
  /** The last failed job: what `print.retry` takes. */
  jobId: number
  error: string | null
  /** Printing it again makes a COPY: part of it may have come out, or it was a copy already (common/print-job.ts). */
  printsCopy: boolean
  at: number
}

export interface PrintJobInfo {
  id: number
  /** Null for a test print. */
  trackingNumber: string | null
  kind: 'receipt' | 'reprint' | 'test'
  /** 'queued': waiting for or being sent to the printer; its outcome is pushed as `print.job`. */
  status: 'queued' | 'printed' | 'failed' | 'preview-only'
  printer: string
  reason: string | null
  error: string | null
  createdAt: number
  finishedAt: number | null
  /** Whether any byte of it may have reached the printer: printed, or failed after sending began. */
  mayHavePrinted: boolean
  /** The paper says COPY: printed again after an attempt that may have left paper. */
  copy: boolean
}

/** One line of an application's history: its events, the receipts printed for it and what the SMS gateway said. */
export type HistoryEntry =
  | ({ kind: 'event' } & TimelineEntry)
  | { kind: 'print'; at: number; job: PrintJobInfo }
  | { kind: 'sms'; at: number; outcome: 'delivered' | 'failed' | 'invalid-number' }

export interface ApplicationDetail extends ApplicationSummary {
  idNumber: string | null
  agencyRef: string | null
  language: Language
  smsConsent: boolean
  notes: string | null
  registeredBy: string
  arrivedAt: number | null
  collectedAt: number | null
  /** The application's events, oldest first (the time each happened, wherever it was recorded). */
  timeline: TimelineEntry[]
  printJobs: PrintJobInfo[]
  /** What the SMS gateway reported for this application's messages (pulled from the central API). */
  deliveries: { outcome: 'delivered' | 'failed' | 'invalid-number'; at: number }[]
  /** Events, print jobs and SMS outcomes in one list, oldest first: what the record's timeline shows. */
  history: HistoryEntry[]
}

export interface ReceiptPreview {
  svg: string
  text: string
  columns: 48 | 32
}

export interface RegisterResult {
  application: ApplicationDetail
  receipt: ReceiptPreview
  /** Usually still 'queued': registering answers once the application is saved, not once the paper is out. */
  printJob: PrintJobInfo
  /** Set when this workstation's tracking-number range is nearly used up. */
  counterWarning: string | null
}

export interface PrintResult {
  receipt: ReceiptPreview
  printJob: PrintJobInfo
}

export type PrinterState =
  'ready' | 'offline' | 'cover-open' | 'paper-out' | 'paper-low' | 'error' | 'unknown'

export interface PrinterInfo {
  /** The saved settings (see common/printer-config.ts). */
  config: PrinterConfig
  description: string
  status: { state: PrinterState; detail: string }
}
