import { z } from 'zod'
import type { ReplicaEvent } from '../../db/queries/projection'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { Logger } from '../../infra/logger'
import { PROJECTED_TYPES, reduceApplication, type ProjectedApplication } from './application-reducer'

const callPayload = z.object({
  outcome: z.enum(['reached', 'no-answer', 'switched-off', 'wrong-number']),
  note: z.string().max(500).nullable().optional(),
})

const NOTIFICATION_KINDS: Record<string, 'ready' | 'reminder'> = {
  'notification.ready': 'ready',
  'notification.reminder': 'reminder',
}

export interface ApplyResult {
  /** Events new to this workstation. */
  stored: number
  /** Applications whose row the page changed or created. */
  projected: number
}

/**
 * Keeps `applications` equal to the fold of each application's events. Both roads in use it: the event writer
 * calls `project` after every local `application.*` event (in the same transaction), and the centre feed calls
 * `applyReplicated` with other workstations' events. Either way the row is rebuilt from every event this PC holds
 * for that tracking number, which makes the result independent of arrival order and safe to repeat.
 */
export function createProjector({ store, clock, logger }: { store: Store; clock: Clock; logger: Logger }) {
  // Set once at first-run setup and never changed: read once, not on every write.
  let ownDeviceId: string | null = null
  const ownDevice = (): string => {
    ownDeviceId ??= store.centre.get()?.device_id ?? null
    return ownDeviceId ?? ''
  }

  /** The fold of every event this PC holds for one application; null while its registration has not come. */
  const fold = (trackingNumber: string): ProjectedApplication | null => {
    const events = store.projection.eventsFor(trackingNumber).map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: e.occurred_at,
      staffNumber: e.staff_number,
      deviceId: e.device_id,
      payload: JSON.parse(e.payload) as unknown,
    }))
    const { application, ignored } = reduceApplication(trackingNumber, events, ownDevice())
    for (const i of ignored) {
      store.projection.recordIssue({
        eventId: i.id,
        type: i.type,
        trackingNumber,
        reason: i.reason,
        at: clock.now(),
      })
    }
    return application
  }

  /** After a local write: the row is there and its service known; the fold makes it exactly what the events say. */
  const project = (trackingNumber: string): boolean => {
    const application = fold(trackingNumber)
    if (application) store.projection.upsert(application)
    return application !== null
  }

  /**
   * A replicated application may be new here, of a service this PC has never heard of, and its SMS outcomes may
   * have been pulled before it came.
   */
  const projectReplica = (trackingNumber: string): boolean => {
    const application = fold(trackingNumber)
    if (!application) return false
    store.projection.ensureService(application.serviceCode, clock.now())
    const isNew = !store.projection.appExists(trackingNumber)
    store.projection.upsert(application)
    if (isNew) store.projection.refreshSmsOutcome(trackingNumber)
    return true
  }

  return {
    project,

    /** Whether an event of this type changes an application row. */
    projects: (type: string): boolean => PROJECTED_TYPES.has(type),

    /**
     * Stores a page of the centre's events and brings every application they touch up to date, in the caller's
     * transaction. Our own events come back in the feed too; they are already here and are skipped by id.
     */
    applyReplicated(events: readonly ReplicaEvent[]): ApplyResult {
      if (!store.db.inTransaction) throw new Error('applyReplicated must run inside a transaction')
      const own = ownDevice()
      const touched = new Set<string>()
      const messages: { e: ReplicaEvent; kind: 'ready' | 'reminder' }[] = []
      const calls: ReplicaEvent[] = []
      let stored = 0
      for (const e of events) {
        if (!store.projection.insertReplica(e)) continue
        stored++
        if (e.trackingNumber && PROJECTED_TYPES.has(e.type)) touched.add(e.trackingNumber)
        const kind = NOTIFICATION_KINDS[e.type]
        // Another desk's SMS: recorded so reminders and the backlog know it was sent. Ours are already here.
        if (kind && e.deviceId !== own) messages.push({ e, kind })
        // Another manager's phone call, so "not called yet" means the same on every PC.
        if (e.type === 'application.callLogged' && e.deviceId !== own) calls.push(e)
      }
      let projected = 0
      for (const tn of touched) if (projectReplica(tn)) projected++
      // After the projection: the registration a message is about may be in this same page.
      for (const m of messages) recordNotification(m.e, m.kind)
      for (const c of calls) recordCall(c)
      return { stored, projected }
    },
  }

  function recordCall(e: ReplicaEvent): void {
    const p = callPayload.safeParse(e.payload)
    if (!p.success || !e.trackingNumber || !e.staffNumber || !store.projection.appExists(e.trackingNumber)) {
      store.projection.recordIssue({
        eventId: e.id,
        type: e.type,
        trackingNumber: e.trackingNumber,
        reason: p.success ? 'the application or the staff member is missing' : 'bad payload',
        at: clock.now(),
      })
      return
    }
    store.projection.insertCall({
      trackingNumber: e.trackingNumber,
      at: e.occurredAt,
      staffNumber: e.staffNumber,
      outcome: p.data.outcome,
      note: p.data.note ?? null,
    })
  }

  function recordNotification(e: ReplicaEvent, kind: 'ready' | 'reminder'): void {
    const listed = e.payload.trackingNumbers
    const tns = Array.isArray(listed)
      ? listed.filter((t): t is string => typeof t === 'string')
      : e.trackingNumber
        ? [e.trackingNumber]
        : []
    for (const tn of new Set(tns)) {
      // The feed is in acceptance order and a desk only messages about applications it holds, so the
      // registration came first; if not, the message is still in the event log for the timeline.
      if (!store.projection.appExists(tn)) {
        logger.warn('replicated notification about an unknown application', { eventId: e.id, tn })
        continue
      }
      if (store.projection.insertNotification({ trackingNumber: tn, kind, at: e.occurredAt, eventId: e.id }))
        if (kind === 'reminder') store.projection.markReminded(tn, e.occurredAt)
    }
  }
}
export type Projector = ReturnType<typeof createProjector>
