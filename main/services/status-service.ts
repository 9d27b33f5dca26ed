import type { DeviceState, StatusSnapshot } from '../../common/contract'
import type { Store } from '../db/store'
import type { PrinterStatus } from '../devices/printer/printer'

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
 * Device and sync state for the status bar. Each device reports here as its driver arrives; until one is configured
 * its state says so plainly, and the outbox depth is always the real count.
 */
export function createStatusService(
  store: Store,
  printer: () => { configured: boolean; status: PrinterStatus },
  scanner: () => { state: 'connected' | 'disconnected' | 'disabled' | 'error'; detail: string } | null,
) {
  return {
    snapshot(): StatusSnapshot {
      const p = printer()
      return {
        printer: p.configured
          ? { state: PRINTER_STATE[p.status.state], detail: p.status.detail }
          : { state: 'not-configured', detail: 'No printer set up: receipts show on screen' },
        scanner: scannerState(scanner()),
        sync: {
          state: 'not-configured',
          detail: 'Central API not connected: events wait in the outbox',
          queueDepth: store.events.outboxDepth(),
        },
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
