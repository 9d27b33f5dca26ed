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
  /** The catch-up on the centre's history that follows an enrolment; null when none ran since the core started. */
  catchUp: CatchUpInfo | null
  /**
   * Whether the central API has ever enrolled this PC, and so confirmed that no other device holds its workstation
   * slot. Until then two PCs set up with one slot could issue the same tracking numbers offline.
   */
  slotConfirmed: boolean
}

/** A new or replacement PC bringing down what the centre already has, after its enrolment. */
export interface CatchUpInfo {
  /** `ready`: everything came down and the PC is ready to work; `failed`: see `error` (the pulls go on later). */
  state: 'running' | 'ready' | 'failed'
  /** 0–100; within one catch-up it never goes back, and it is 100 only when every step is done. */
  percent: number
  /** What it is doing now, said for the person watching (e.g. "The centre's applications"). */
  step: string
  /** The centre's events read so far, and how many the central API said were still to come (null: it did not say). */
  eventsRead: number
  eventsRemaining: number | null
  startedAt: number
  finishedAt: number | null
  error: string | null
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
