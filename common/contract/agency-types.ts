/**
 * Holding the agencies to their turnaround (issue 15): whether documents arrived by the expected-ready date the
 * receipt promised, per agency and service, over a period; how that moves week by week or month by month; what
 * arrival batches closed against a manifest missed or brought unannounced; and the one-page report a centre sends.
 *
 * "Days late" of an arrival is its Nairobi arrival date minus its expected-ready date (the date printed on the
 * receipt, stored at registration: working days and the holidays in force then), in calendar days; 0 or less is on
 * time. The day figures are over the late arrivals only (an agency that is late twice by 9 days has median 9).
 */

export interface LatenessStats {
  /** Documents that arrived in the period. */
  arrived: number
  /** Of those, arrived on or before their expected-ready date. */
  onTime: number
  /** onTime / arrived, or null when nothing arrived. */
  onTimeRate: number | null
  /** Arrived after their expected-ready date. */
  late: number
  medianDaysLate: number | null
  p90DaysLate: number | null
  worstDaysLate: number | null
}

/** Documents at the agency now (registered, not arrived, not cancelled), and how many are past expected-ready. */
export interface StillOut {
  stillOut: number
  stillOutOverdue: number
}

export interface ServiceTurnaround extends LatenessStats, StillOut {
  serviceCode: string
  serviceName: string
}

export interface AgencyTurnaround extends LatenessStats, StillOut {
  agency: string
  services: ServiceTurnaround[]
}

/** `agency.turnaround`: every agency with arrivals in the period or documents out now, worst on-time rate first. */
export interface AgencyTurnaroundReport {
  from: string
  to: string
  agencies: AgencyTurnaround[]
  total: LatenessStats & StillOut
}

export interface AgencyTrendPoint extends LatenessStats {
  /** First day of the week (Monday) or month. */
  start: string
}

export interface AgencyChange {
  agency: string
  /** On-time rate over the first and the second half of the period (null when nothing arrived in that half). */
  before: number | null
  after: number | null
  /** after − before, in rate points (−0.12 = twelve points worse); null when either is null. */
  change: number | null
}

/** `agency.trend`: one agency or all, per week or month; and every agency, those that got worse first. */
export interface AgencyTrendReport {
  from: string
  to: string
  granularity: 'week' | 'month'
  agency: string | null
  points: AgencyTrendPoint[]
  changes: AgencyChange[]
}

export interface BatchDiscrepancies {
  agency: string
  /** Arrival batches opened against a manifest and closed in the period. */
  batches: number
  /** Tracking numbers on those manifests. */
  expected: number
  /** On the manifest and scanned in the batch. */
  received: number
  /** On the manifest, never scanned in the batch. */
  missing: number
  /** Scanned in the batch, not on its manifest. */
  unannounced: number
}

/** `agency.batches`: per agency over the period. */
export interface AgencyBatchReport {
  from: string
  to: string
  agencies: BatchDiscrepancies[]
}

/** A document still at the agency past its expected-ready date: no customer name or phone, ever. */
export interface OverdueAtAgency {
  trackingNumber: string
  serviceCode: string
  serviceName: string
  agencyRef: string | null
  registeredAt: number
  expectedReady: string
  daysLate: number
}

export interface ReportSignOff {
  staffNumber: string
  name: string
  at: number
}

/** `agency.report`: the page a centre sends one agency for a period. */
export interface AgencyReport {
  centreNumber: string
  centreName: string
  agency: string
  from: string
  to: string
  figures: LatenessStats & StillOut
  /** The agency's services, lowest on-time rate first (at most 10). */
  worstServices: ServiceTurnaround[]
  batches: BatchDiscrepancies
  /** Oldest first; at most 500 (`overdueTruncated` when there are more). */
  overdue: OverdueAtAgency[]
  overdueTruncated: boolean
  /** Set once a manager signed this report off (`agency.signOff`), null before. */
  signedOff: ReportSignOff | null
}

/** `agency.exportReport`: the printable page and the CSV of one report (no customer data). */
export interface AgencyReportFiles {
  report: AgencyReport
  files: { name: string; mime: string; content: string }[]
}
