/** Output shapes of the reminder-campaign and return-to-agency methods. */

export interface CampaignCriteria {
  /** Only documents on the shelf at least this many whole days (Nairobi calendar). */
  minDaysOnShelf: number
  /** Only these services; empty means every service. */
  serviceCodes: string[]
  /** Only documents whose last reminder is older than this many days (never reminded always qualifies). */
  lastReminderOlderThanDays: number
}

/** One SMS of a campaign: every selected document of one phone number, in that customer's language. */
export interface CampaignRecipient {
  phone: string
  language: 'en' | 'sw'
  customerName: string
  trackingNumbers: string[]
  /** When this message goes out under the send rate and quiet hours (epoch ms). */
  dueAt: number
}

export interface CampaignLanguageText {
  language: 'en' | 'sw'
  recipients: number
  /** A sample message (the first recipient's) with its encoding and segment count. */
  sampleText: string
  encoding: 'GSM-7' | 'UCS-2'
  segmentsPerMessage: number
}

export interface CampaignPreview {
  criteria: CampaignCriteria
  documents: number
  recipients: number
  segments: number
  /** Estimated cost in KES at the configured price per SMS segment. */
  costKes: number
  priceKes: number
  /** Documents left out because their phone already got a reminder inside the exclusion window. */
  excludedRecent: number
  /** Documents left out because the customer did not consent to SMS. */
  excludedNoConsent: number
  exclusionDays: number
  languages: CampaignLanguageText[]
  quietHours: { start: string; end: string }
  ratePerMinute: number
  firstDueAt: number | null
  lastDueAt: number | null
  /** The first recipients in send order (the full list can be 100,000 long). */
  sample: CampaignRecipient[]
}

export interface CampaignSummary {
  id: number
  dryRun: boolean
  criteria: CampaignCriteria
  documents: number
  recipients: number
  segments: number
  costKes: number
  excludedRecent: number
  excludedNoConsent: number
  firstDueAt: number | null
  lastDueAt: number | null
  createdAt: number
  createdBy: string
  /** Messages already handed to the outbox (the rest wait for their time). */
  sent: number
  scheduled: number
  skipped: number
}

/** A document on the shelf past its service's retention period. */
export interface ReturnCandidate {
  trackingNumber: string
  serviceCode: string
  serviceName: string
  agency: string
  agencyRef: string | null
  customerName: string
  shelfSlot: string | null
  arrivedAt: number
  /** The last day it could have been collected ('YYYY-MM-DD'). */
  collectBy: string
  daysOverdue: number
}

export interface ReturnsDue {
  /** Documents past retention that the filter lists: the agency asked for, or every agency without one. */
  total: number
  /** The agency the list and `total` are for (null: every agency). */
  agency: string | null
  byAgency: { agency: string; count: number }[]
  items: ReturnCandidate[]
}

export interface ReturnManifestItem extends ReturnCandidate {
  outcome: 'returned' | 'skipped' | null
  skipReason: string | null
}

export interface ReturnManifestSummary {
  id: number
  agency: string
  status: 'open' | 'confirmed' | 'cancelled'
  documents: number
  createdAt: number
  createdBy: string
  confirmedAt: number | null
  confirmedBy: string | null
}

export interface ReturnManifest extends ReturnManifestSummary {
  centreName: string
  centreNumber: string
  items: ReturnManifestItem[]
}
