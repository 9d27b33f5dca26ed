import type { UiLanguage } from '../i18n/languages'
import type { SlotScheme } from '../shelf-slot'
import type { Role } from '../roles'
import type { UpdateState } from '../update-status'
import type { CatchUpInfo } from './sync-types'

/** Output shapes of the contract's methods. Plain data: they cross IPC and HTTP as JSON. */

export interface StaffSummary {
  staffNumber: string
  name: string
  role: Role
  active: boolean
  /** Epoch ms until which sign-in is refused after too many wrong PINs; null when not locked. */
  lockedUntil: number | null
  lastSignInAt: number | null
}

export interface SessionInfo {
  staff: { staffNumber: string; name: string; role: Role }
  locked: boolean
  idleLockMs: number
  /**
   * The PIN this person signed in with is shorter than their role now needs (a manager's or administrator's PIN set
   * before the 6-digit rule): they set a new one before anything else (`auth.changePin`).
   */
  mustChangePin: boolean
  /** The language this person works in: chosen at sign-in, the same on every PC of the centre. */
  language: UiLanguage
}

export interface DatabaseRecovery {
  at: number
  reason: string
  movedAsideTo: string
  restoredFrom: string | null
}

export interface AppStatus {
  setupDone: boolean
  centre: { number: string; name: string; workstationSlot: string } | null
  deviceId: string
  version: string
  /** Set when start-up found the database damaged and moved it aside: the UI must tell staff. */
  recovery: DatabaseRecovery | null
  /**
   * The catch-up after an enrolment (null when none ran since the core started): a PC that joined its centre at
   * first run shows it on the sign-in screen, since no one can sign in before the staff list has come down.
   */
  catchUp: CatchUpInfo | null
}

export type DeviceState = 'not-configured' | 'ready' | 'offline' | 'error'

export interface StatusSnapshot {
  printer: { state: DeviceState; detail: string }
  scanner: { state: DeviceState; detail: string }
  sync: { state: DeviceState; detail: string; queueDepth: number }
  /** Shown when the staff directory may be out of date on this PC (see SyncStatusInfo.staffListStale). */
  staffList: { stale: boolean; detail: string }
  /** Space left for the database; `low` well before a write would fail (and the daily backup is then skipped). */
  disk: { low: boolean; detail: string }
  /**
   * What the background integrity check of a large data file found, or null (none found, or not finished). The
   * next start restores the newest good backup.
   */
  dataFileProblem: string | null
  /** The catch-up after an enrolment (a progress bar while it runs); null when none ran since the core started. */
  catchUp: CatchUpInfo | null
  /** See SyncStatusInfo.slotConfirmed: every receipt screen warns while it is false. */
  slotConfirmed: boolean
  /** The desktop app's automatic update (the browser host says it has none). */
  update: UpdateState
}

export interface Settings {
  idleLockMinutes: number
  /** Start of the status URL printed as a QR code; the tracking number is appended. */
  statusUrlBase: string
  /** "How to check your status" text printed on every receipt. */
  howToCheck: string
  /** Minutes between a document's arrival and the customer's SMS: time to catch a mis-scan. */
  readyGraceMinutes: number
  /** How arriving documents are given shelf slots. */
  slotScheme: SlotScheme
  /** Print a small slip (slot, last 4 digits, surname initial) for each document as it arrives. */
  printShelfSlip: boolean
  /** What one SMS segment costs the centre, in KES: campaign previews estimate cost with it. */
  smsPriceKes: number
  /** Reminder SMS are not sent from this time ('HH:MM', Nairobi)… */
  reminderQuietStart: string
  /** …until this time; a window past midnight (20:00–08:00) wraps. Equal times mean no quiet hours. */
  reminderQuietEnd: string
  /** Reminder messages handed to the central API per minute, so a big campaign does not flood the gateway. */
  reminderRatePerMinute: number
  /** A phone reminded within this many days gets no other reminder. */
  reminderExclusionDays: number
  /**
   * A collected, returned or cancelled application's personal fields (name, phone, ID number, notes, proxy) are
   * erased this many days after its last change (issue #13, Data Protection Act ss. 25, 39).
   */
  personalDataRetentionDays: number
  /** The desktop app checks for, downloads and installs signed updates (docs/UPDATES.md); off stops all three. */
  updatesEnabled: boolean
  /** The update server (generic provider: a folder with latest.yml), or '' for the address the build came with. */
  updateUrl: string
}

export interface AuditEntry {
  id: number
  at: number
  staffNumber: string | null
  action: string
  detail: Record<string, unknown>
}

/**
 * What checking the audit log's hash chain found: every row and the head record fit (`rows` checked), or the first
 * row that does not (`brokenAt`, null when no one row is to blame) and what is wrong with it.
 */
export type AuditCheck =
  { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number | null; problem: string }

/** A settings file to save (settings.export). */
export interface SettingsFile {
  fileName: string
  content: string
}

/** What a settings import changed. */
export interface SettingsImportSummary {
  settings: Settings
  /** Services of the catalogue the file changed on this PC. */
  servicesChanged: number
}
