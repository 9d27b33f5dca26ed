import {
  checkEventPayload,
  PROJECTED_TYPES,
  type EventPayload,
  type EventType,
} from '../../common/event-catalogue'
import type { Store } from '../db/store'
import type { Clock } from '../infra/clock'
import { uuidv7 } from '../infra/uuidv7'

/** One event of the catalogue: its type decides the payload it must carry. */
export type DomainEvent = {
  [T in EventType]: {
    type: T
    staffNumber: string | null
    trackingNumber?: string | null
    payload: EventPayload<T>
  }
}[EventType]

/** Makes an application's row the fold of its events (the projector); the event writer calls it, nothing else. */
export type ProjectApplication = (trackingNumber: string) => unknown

/**
 * Appends a domain event and its outbox row, and for an application event makes the application's row anew from
 * its events: the projector is the only writer of those rows, so this PC derives them exactly as every other PC
 * that holds the same events. Call it inside the same `store.tx` as the rest of the change, so a change is never
 * committed without the event that will carry it to the central API. A payload that does not fit its type in
 * the catalogue throws, and the caller's transaction then writes nothing.
 */
export function createEventWriter(store: Store, clock: Clock, project: ProjectApplication) {
  return (e: DomainEvent, deviceId = store.centre.get()?.device_id): string => {
    if (!deviceId) throw new Error('events need a device id: the centre is not set up')
    const checked = checkEventPayload(e.type, e.payload)
    if (!checked.ok) throw new Error(`refused to write ${e.type}: ${checked.reason}`)
    const now = clock.now()
    const id = uuidv7(now)
    store.events.append({
      id,
      type: e.type,
      occurredAt: now,
      staffNumber: e.staffNumber,
      deviceId,
      trackingNumber: e.trackingNumber ?? null,
      payload: e.payload,
    })
    if (e.trackingNumber && PROJECTED_TYPES.has(e.type)) project(e.trackingNumber)
    return id
  }
}
export type EventWriter = ReturnType<typeof createEventWriter>
