/** Output shapes of the sync methods. */

export interface SyncStatusInfo {
  state: 'not-configured' | 'online' | 'offline' | 'needs-enrolment'
  queueDepth: number
  oldestUnsentAgeMs: number | null
  lastError: string | null
  lastSuccessAt: number | null
  deadLetters: number
  apiUrl: string | null
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
