/** Output shapes of the sync methods. */

export interface SyncStatusInfo {
  state: 'not-configured' | 'online' | 'offline' | 'needs-enrolment'
  queueDepth: number
  oldestUnsentAgeMs: number | null
  lastError: string | null
  lastSuccessAt: number | null
  deadLetters: number
  apiUrl: string | null
  /** When the centre's events from the other workstations were last read to the end. */
  lastReceivedAt: number | null
  /** Replicated events this PC could not apply (kept in the log; see the sync page). */
  replicationIssues: number
  /**
   * The staff directory has not been read from the central API for a while (or ever, since enrolment): a
   * deactivation or new PIN made at another PC may not be here yet. False on a PC that is not enrolled.
   */
  staffListStale: boolean
  /** Staff and settings changes made here that the central API has not acknowledged yet. */
  directoryPending: number
}

export interface DeadLetter {
  seq: number
  id: string
  type: string
  occurredAt: number
  trackingNumber: string | null
  reason: string
  at: number
}

export interface TransferFile {
  fileName: string
  content: string
  events: number
}

export interface ImportSummary {
  accepted: number
  duplicate: number
  rejected: number
  rejections: { id: string; reason: string }[]
}
