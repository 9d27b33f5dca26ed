import type { DeviceState, StatusSnapshot, SyncStatusInfo } from '../../common/contract'
import type { UpdateState } from '../../common/update-status'
import type { PrinterStatus } from '../devices/printer/printer'

/** Until the desktop shell reports (and always in the browser host, which has no updater). */
export const NO_UPDATER: UpdateState = {
  kind: 'unavailable',
  detail: 'This window is not the desktop app: updates are installed by the desktop app on each PC.',
}

const PRINTER_STATE: Record<PrinterStatus['state'], DeviceState> = {
  ready: 'ready',
  'paper-low': 'ready',
  unknown: 'ready',
  offline: 'offline',
  'cover-open': 'error',
  'paper-out': 'error',
  error: 'error',
}

/**
 * No printer is the "Screen only" setting, the default: a new install shows receipts on screen, nothing is left
 * undone (the status bar names it so, as Settings → Printer does).
 */
const SCREEN_ONLY: StatusSnapshot['printer'] = {
  state: 'not-configured',
  detail: 'Screen only: receipts show on screen (an administrator adds a printer under Settings → Printer)',
}

/**
 * Device and sync state for the status bar. Each device reports here as its driver arrives; until one is configured
 * its state says so plainly, and the outbox depth is always the real count.
 */
export function createStatusService(
  printer: () => { configured: boolean; status: PrinterStatus },
  scanner: () => { state: 'connected' | 'disconnected' | 'disabled' | 'error'; detail: string } | null,
  sync: () => SyncStatusInfo,
  disk: () => StatusSnapshot['disk'],
  dataFileProblem: () => string | null = () => null,
  update: () => UpdateState = () => NO_UPDATER,
) {
  return {
    snapshot(): StatusSnapshot {
      const p = printer()
      const s = sync()
      return {
        printer: p.configured
          ? { state: PRINTER_STATE[p.status.state], detail: p.status.detail }
          : SCREEN_ONLY,
        scanner: scannerState(scanner()),
        sync: syncState(s),
        staffList: {
          stale: s.staffListStale,
          detail: s.staffListStale
            ? 'The staff list has not been read from the central API for a while: a change made at another PC (a deactivation, a new PIN) may not be here yet'
            : 'The staff list is up to date with the central API',
        },
        disk: disk(),
        dataFileProblem: dataFileProblem(),
        catchUp: s.catchUp,
        slotConfirmed: s.slotConfirmed,
        update: update(),
      }
    },
  }
}
export type StatusService = ReturnType<typeof createStatusService>

function scannerState(
  s: { state: 'connected' | 'disconnected' | 'disabled' | 'error'; detail: string } | null,
): { state: DeviceState; detail: string } {
  if (!s || s.state === 'disabled')
    return { state: 'not-configured', detail: 'No serial scanner set up: keyboard scanning works' }
  return {
    state: s.state === 'connected' ? 'ready' : s.state === 'disconnected' ? 'offline' : 'error',
    detail: s.detail,
  }
}

const SYNC_STATE: Record<SyncStatusInfo['state'], DeviceState> = {
  'not-configured': 'not-configured',
  online: 'ready',
  offline: 'offline',
  'needs-enrolment': 'error',
}

function syncState(s: SyncStatusInfo): StatusSnapshot['sync'] {
  const detail =
    s.state === 'not-configured'
      ? 'Central API not connected: events wait in the outbox'
      : s.state === 'needs-enrolment'
        ? 'The central API refused this PC: an administrator must enrol it again (nothing is lost)'
        : s.state === 'offline'
          ? `Offline${s.lastError ? `: ${s.lastError}` : ''}; events wait in the outbox`
          : 'Connected to the central API'
  return { state: SYNC_STATE[s.state], detail, queueDepth: s.queueDepth }
}
