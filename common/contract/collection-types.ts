import type { ScannerConfig } from '../scanner-config'
import type { ApplicationSummary } from './counter-types'

/** Output shapes of the collection desk's methods. */

export type ScanOutcomeKind = 'arrived' | 'rescan' | 'collected' | 'returned' | 'unknown' | 'invalid'

/** What one scan at the arrivals desk did, in words for the person holding the document. */
export interface ScanResult {
  scanId: number
  code: string
  outcome: ScanOutcomeKind
  /** Headline shown large: the slot for an arrival, otherwise what is wrong. */
  headline: string
  message: string
  trackingNumber: string | null
  slot: string | null
  customerName: string | null
  serviceCode: string | null
  serviceName: string | null
  /** Whether the manifest listed it (null when the batch has no expected list). */
  expected: boolean | null
  /** For an unknown code: whether it has since been linked or accepted. */
  resolved: boolean
  /**
   * When several applications hold the scanned agency reference: the desk picks one (resolving this scan) rather
   * than the app guessing. Empty otherwise.
   */
  candidates: ScanCandidate[]
}

/** One of the applications a scanned agency reference could mean, as much as the desk needs to tell them apart. */
export interface ScanCandidate {
  trackingNumber: string
  serviceCode: string
  serviceName: string
  /** 'Wa••• Ka•••': enough to ask the customer, not enough for the queue to read. */
  maskedName: string
  status: 'registered' | 'arrived' | 'collected' | 'returned' | 'cancelled'
  shelfSlot: string | null
  registeredAt: number
}

export interface BatchSummary {
  id: number
  agency: string
  manifestRef: string | null
  expectedCount: number | null
  status: 'open' | 'closed'
  openedAt: number
  openedBy: string
  arrivedCount: number
  problemCount: number
}

export interface BatchReport {
  batchId: number
  arrived: number
  expectedNotReceived: string[]
  receivedNotExpected: string[]
  duplicates: { code: string; times: number }[]
  unknown: string[]
  countDifference: number | null
}

export interface BatchDetail extends BatchSummary {
  scans: ScanResult[]
  expected: string[]
  report: BatchReport | null
}

/** The customer's "ready" SMS as the desk sees it: what the gateway said if it said anything, else our side. */
export interface SmsStatus {
  state: 'delivered' | 'failed' | 'invalid-number' | 'sent' | 'scheduled' | 'none'
  at: number | null
}

export interface HandoverCandidate extends ApplicationSummary {
  idNumberHint: string | null
  missing: boolean
  damaged: boolean
  arrivedAt: number | null
  sms: SmsStatus
}

export interface LookupResult {
  /** The documents this customer can take now (the scanned one first). */
  ready: HandoverCandidate[]
  /** What was found but cannot be handed over, with why. */
  notReady: { trackingNumber: string; reason: string }[]
  /**
   * When the scanned agency reference belongs to several applications: nothing is listed until the desk picks one
   * (then looks up its tracking number). Empty otherwise.
   */
  choose: ScanCandidate[]
}

export interface ShelfAuditReport {
  slot: string
  present: string[]
  missing: string[]
  misplaced: { trackingNumber: string; belongsIn: string | null }[]
  collectedButHere: string[]
  unknown: string[]
  /** Agency references held by several applications, none of them in this slot: which one is on the shelf? */
  ambiguous: { code: string; trackingNumbers: string[] }[]
}

export interface ScannerInfo {
  config: ScannerConfig
  /** null when no serial scanner is enabled. */
  status: { state: 'connected' | 'disconnected' | 'disabled' | 'error'; detail: string } | null
}

export interface ScannerPort {
  path: string
  vendorId: string | null
  productId: string | null
  manufacturer: string | null
  knownScanner: string | null
}

/** `listError`: why the system's port list could not be read (the ports are then those the file system shows). */
export interface ScannerPortList {
  ports: ScannerPort[]
  listError: string | null
}
