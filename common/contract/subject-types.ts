/** Output shapes of the personal-data exports and of a data subject's request (Data Protection Act ss. 26, 40). */
import type { CallListRow, OverdueDocument, ShelfDocument } from './manager-types'
import type { ReturnManifest } from './campaign-types'

/** A whole list, read once its PIN was confirmed; `truncated` when it stopped at the export's row limit. */
export interface ExportedRows<T> {
  rows: T[]
  truncated: boolean
}
export type ShelfExport = ExportedRows<ShelfDocument>
export type CallListExport = ExportedRows<CallListRow>
export type OverdueExport = ExportedRows<OverdueDocument>
export type ManifestExport = ReturnManifest

/** How the customer identified themself: the ID number on their card, or their phone number (E.164). */
export type SubjectKey = { idNumber: string } | { phone: string }

export interface SubjectEvent {
  type: string
  at: number
  staffNumber: string | null
  /** The event's payload as recorded (and sent to the central API), field by field. */
  details: Record<string, unknown>
}

export interface SubjectApplication {
  trackingNumber: string
  serviceCode: string
  serviceName: string
  customerName: string
  phone: string
  idNumber: string | null
  agencyRef: string | null
  language: 'en' | 'sw'
  smsConsent: boolean
  notes: string | null
  status: 'registered' | 'arrived' | 'collected' | 'returned' | 'cancelled'
  registeredAt: number
  registeredBy: string
  arrivedAt: number | null
  shelfSlot: string | null
  collectedAt: number | null
  collectedBy: string | null
  /** Who collected: the owner, or a proxy with their name, ID number, relationship and authorisation. */
  collector: Record<string, unknown> | null
  returnedAt: number | null
  events: SubjectEvent[]
  notifications: {
    kind: string
    status: string
    dueAt: number
    sentAt: number | null
    skipReason: string | null
  }[]
  deliveryOutcomes: { outcome: string; at: number }[]
  calls: { at: number; staffNumber: string; outcome: string; note: string | null }[]
  returnManifests: { manifestId: number; agency: string; outcome: string | null }[]
}

/** Reminder SMS sent to the phone number (a campaign message can name several documents). */
export interface SubjectReminder {
  phone: string
  dueAt: number
  sentAt: number | null
  status: string
  trackingNumbers: string[]
}

/** Everything this PC holds about one person, as found by one ID number or phone number. */
export interface SubjectRecord {
  /** 'idNumber' or 'phone', and the value searched for as the customer gave it (shown to the manager only). */
  by: 'idNumber' | 'phone'
  value: string
  /** When the record was read (the file says "as held on …"). */
  at: number
  centreName: string
  centreNumber: string
  applications: SubjectApplication[]
  reminders: SubjectReminder[]
  /** True when more applications matched than one request shows (see SUBJECT_MAX_APPLICATIONS). */
  truncated: boolean
}

/** The readable files of a subject-access export: a printable page and the same facts as CSV. */
/** What `subject.erase` did with each application found for the person. */
export interface SubjectErasure {
  erased: string[]
  alreadyErased: string[]
  /** Kept, and why: a document still to be handed over keeps the name and phone it is found and handed over by. */
  refused: { trackingNumber: string; reason: string }[]
}

export interface SubjectExport {
  record: SubjectRecord
  files: { name: string; mime: string; content: string }[]
}
