import type { Store } from '../db/store'
import type { Clock } from '../infra/clock'
import { uuidv7 } from '../infra/uuidv7'

export interface DomainEvent {
  type: string
  staffNumber: string | null
  trackingNumber?: string | null
  payload: Record<string, unknown>
}

/**
 * Appends a domain event and its outbox row. Call it inside the same `store.tx` as the change it records,
 * so a change is never committed without the event that will carry it to the central API.
 */
export function createEventWriter(store: Store, clock: Clock) {
  return (e: DomainEvent, deviceId = store.centre.get()?.device_id): string => {
    if (!deviceId) throw new Error('events need a device id: the centre is not set up')
    const id = uuidv7(clock.now())
    store.events.append({
      id,
      type: e.type,
      occurredAt: clock.now(),
      staffNumber: e.staffNumber,
      deviceId,
      trackingNumber: e.trackingNumber ?? null,
      payload: e.payload,
    })
    return id
  }
}
export type EventWriter = ReturnType<typeof createEventWriter>
