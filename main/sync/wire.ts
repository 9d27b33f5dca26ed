import { z } from 'zod'
import { EVENT_TYPE_PATTERN } from '../../common/event-catalogue'
import type { OutboxEventRow } from '../db/queries/sync'

/** The API takes 1..500 events per request. */
export const MAX_BATCH = 500

// As docs/central-api.yaml spells them: lower-case ids, dotted event types.
const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * One event as `POST /v1/events` carries it. Also the line format of an offline transfer file. The envelope only:
 * a page may hold a type a newer version writes, so payloads are checked per type against the event catalogue where
 * events are written (the event writer) and applied (the projector), not here.
 */
export const SyncEventSchema = z.strictObject({
  id: z.string().regex(UUIDV7, 'must be a lower-case UUIDv7'),
  type: z
    .string()
    .max(60)
    .regex(EVENT_TYPE_PATTERN, 'must be a dotted event type like application.registered'),
  occurredAt: z.number().int().min(0).max(253_402_300_799_999),
  staffNumber: z.string().min(1).max(32).nullable(),
  deviceId: z.string().regex(UUID, 'must be a lower-case UUID'),
  centreNumber: z.string().regex(/^\d{3}$/, 'must be 3 digits'),
  trackingNumber: z
    .string()
    .regex(/^\d{12}$/, 'must be 12 digits')
    .nullable(),
  payload: z.record(z.string(), z.unknown()),
})
export type SyncEvent = z.infer<typeof SyncEventSchema>

export const EventOutcomeSchema = z.enum(['accepted', 'duplicate', 'rejected'])
export type EventOutcome = z.infer<typeof EventOutcomeSchema>

export const EventResultSchema = z.object({
  id: z.string().min(1).max(100),
  outcome: EventOutcomeSchema,
  reason: z.string().max(2000).nullish(),
})
export type EventResult = z.infer<typeof EventResultSchema>

/** A 200 answer. Anything else that comes back with 200 is a fault on the far side, never a verdict on events. */
export const PostEventsResponseSchema = z.object({
  results: z.array(EventResultSchema).max(MAX_BATCH),
})

/** The wire form of a stored event. The payload column is always a JSON object (the event writer makes it). */
export function toSyncEvent(row: OutboxEventRow, centreNumber: string): SyncEvent {
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at,
    staffNumber: row.staff_number,
    deviceId: row.device_id,
    centreNumber,
    trackingNumber: row.tracking_number,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  }
}

/**
 * Checks that `results` answer exactly the events sent: one result per id, no strangers. Returns a problem to log,
 * or null. A partial answer cannot be applied, because deleting some rows and keeping earlier ones would let later
 * events overtake earlier ones for the same tracking number.
 */
export function resultsProblem(
  sent: readonly { id: string }[],
  results: readonly EventResult[],
): string | null {
  const expected = new Set(sent.map((e) => e.id))
  const seen = new Set<string>()
  for (const r of results) {
    if (!expected.has(r.id)) return `the answer names event ${r.id}, which was not sent`
    if (seen.has(r.id)) return `the answer names event ${r.id} twice`
    seen.add(r.id)
  }
  if (seen.size !== expected.size) return `the answer covers ${seen.size} of ${expected.size} events`
  return null
}
