/** Output shapes of the centre manager's backlog, overdue and analytics methods. */
import type { AgeBucketKey, CallOutcome, SmsOutcome } from '../backlog-age'

export type { AgeBucketKey, CallOutcome, SmsOutcome } from '../backlog-age'

export interface BacklogSummary {
  /** Nairobi date the ages are counted from ('YYYY-MM-DD'). */
  today: string
  total: number
  byAge: { bucket: AgeBucketKey; label: string; count: number }[]
  byService: { serviceCode: string; serviceName: string; count: number; oldestArrivedAt: number }[]
  bySlot: { slot: string; count: number; oldestArrivedAt: number }[]
  bySms: { outcome: SmsOutcome; label: string; count: number }[]
}

export interface ShelfDocument {
  trackingNumber: string
  customerName: string
  phone: string
  serviceCode: string
  serviceName: string
  slot: string | null
  arrivedAt: number
  /** Whole Nairobi days on the shelf. */
  ageDays: number
  sms: SmsOutcome
  missing: boolean
  damaged: boolean
}

/** A page of a list: rows, the cursor of the next page (null on the last one) and the size of the whole list. */
export interface Page<T> {
  rows: T[]
  nextCursor: string | null
  total: number
}

export interface CallListRow extends ShelfDocument {
  calls: number
  lastCall: { outcome: CallOutcome; at: number; staffNumber: string; note: string | null } | null
}

export interface CallLogEntry {
  id: number
  trackingNumber: string
  outcome: CallOutcome
  note: string | null
  at: number
  staffNumber: string
}

export interface OverdueSummary {
  today: string
  total: number
  byAgency: { agency: string; count: number; oldestExpectedReady: string }[]
  byService: {
    serviceCode: string
    serviceName: string
    agency: string
    count: number
    oldestExpectedReady: string
  }[]
}

export interface OverdueDocument {
  trackingNumber: string
  customerName: string
  phone: string
  serviceCode: string
  serviceName: string
  agency: string
  registeredAt: number
  expectedReady: string
  /** Calendar days past the expected-ready date. */
  daysOverdue: number
}

/** Median and 90th percentile (nearest rank) in whole Nairobi days; null when nothing ended in the period. */
export interface StageStats {
  count: number
  medianDays: number | null
  p90Days: number | null
}

export interface TurnaroundRow {
  serviceCode: string
  serviceName: string
  agency: StageStats
  customer: StageStats
  /** Documents that arrived in the period at least 30 days ago, and how many were collected within 30 days. */
  cohortArrived: number
  collectedWithin30: number
  /** collectedWithin30 / cohortArrived, or null when no such document. */
  collectionRate: number | null
}

export interface TurnaroundReport {
  from: string
  to: string
  /** Last arrival day counted for the 30-day collection rate (arrivals after it have not had 30 days yet). */
  cohortTo: string
  services: TurnaroundRow[]
  total: TurnaroundRow
}

export interface TrendPoint {
  /** First day of the day or week (weeks start on Monday). */
  start: string
  arrived: number
  collected: number
  /** Mean days, null when nothing ended. */
  agencyAvgDays: number | null
  customerAvgDays: number | null
}

export interface TrendReport {
  from: string
  to: string
  granularity: 'day' | 'week'
  points: TrendPoint[]
}
