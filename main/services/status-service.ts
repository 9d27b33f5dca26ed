import type { StatusSnapshot } from '../../common/contract'
import type { Store } from '../db/store'

/**
 * Device and sync state for the status bar. Printer, scanner and central-API drivers report here as they arrive;
 * until one is configured its state says so plainly, and the outbox depth is always the real count.
 */
export function createStatusService(store: Store) {
  return {
    snapshot(): StatusSnapshot {
      return {
        printer: { state: 'not-configured', detail: 'No printer set up: receipts show on screen' },
        scanner: { state: 'not-configured', detail: 'No serial scanner set up: keyboard scanning works' },
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
