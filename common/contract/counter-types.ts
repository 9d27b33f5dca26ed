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

export interface ApplicationDetail extends ApplicationSummary {
  idNumber: string | null
  agencyRef: string | null
  language: Language
  smsConsent: boolean
  notes: string | null
  registeredBy: string
  arrivedAt: number | null
  collectedAt: number | null
  timeline: TimelineEntry[]
  printJobs: PrintJobInfo[]
  /** What the SMS gateway reported for this application's messages (pulled from the central API). */
  deliveries: { outcome: 'delivered' | 'failed' | 'invalid-number'; at: number }[]
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
