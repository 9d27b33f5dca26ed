import { checkAnyEvent, checkEventPayload, PROJECTED_TYPES } from '../../../common/event-catalogue'
import type { EventRow } from '../../db/queries/events'
import type { ReplicaEvent } from '../../db/queries/projection'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { Logger } from '../../infra/logger'
import { reduceApplication, type ProjectedApplication } from './application-reducer'

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
 * The only writer of the application rows' registration and state columns: each row is the fold of its events.
 * Both roads in use it: the event writer calls `project` after every local `application.*` event (in the same
 * transaction; the services write events, never those columns), and the centre feed calls `applyReplicated` with
 * other workstations' events. Either way the row is rebuilt from every event this PC holds for that tracking
 * number, which makes the result independent of arrival order and safe to repeat.
 */
export function createProjector({ store, clock, logger }: { store: Store; clock: Clock; logger: Logger }) {
  // Set once at first-run setup and never changed: read once, not on every write.
  let ownDeviceId: string | null = null
  const ownDevice = (): string => {
    ownDeviceId ??= store.centre.get()?.device_id ?? null
    return ownDeviceId ?? ''
  }

  /** The fold of every event this PC holds for one application; null while its registration has not come. */
  const fold = (
    trackingNumber: string,
    rows: readonly EventRow[] = store.projection.eventsFor(trackingNumber),
  ): ProjectedApplication | null => {
    const events = rows.map((e) => ({
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

  /** After a local write (the service is known here): the fold makes the row, new or not, what the events say. */
  const project = (trackingNumber: string): boolean => {
    const application = fold(trackingNumber)
    if (application) store.projection.upsert(application)
    return application !== null
  }

  /**
   * A replicated application may be new here, of a service this PC has never heard of, and its SMS outcomes may
   * have been pulled before it came.
   */
  const projectReplica = (trackingNumber: string, rows?: readonly EventRow[]): boolean => {
    const application = fold(trackingNumber, rows)
    if (!application) return false
    store.projection.ensureService(application.serviceCode, clock.now())
    if (store.projection.upsert(application) === 'inserted')
      store.projection.refreshSmsOutcome(trackingNumber)
    return true
  }

  return {
    project,

    /**
     * Stores a page of the centre's events and brings every application they touch up to date, in the caller's
     * transaction. Our own events come back in the feed too; they are already here and are skipped by id.
     */
    applyReplicated(events: readonly ReplicaEvent[]): ApplyResult {
      if (!store.db.inTransaction) throw new Error('applyReplicated must run inside a transaction')
      const touched = new Set<string>()
      const followUps: ReplicaEvent[] = []
      let stored = 0
      for (const e of events) {
        const r = storeOne(e)
        if (r === 'here') continue
        stored++
        if (r === 'unfit') continue
        if (e.trackingNumber && PROJECTED_TYPES.has(e.type)) touched.add(e.trackingNumber)
        followUps.push(e)
      }
      let projected = 0
      for (const tn of touched) if (projectReplica(tn)) projected++
      // After the projection: the registration a message is about may be in this same page.
      afterProjection(followUps)
      return { stored, projected }
    },

    /**
     * A catch-up's first road (main/sync/catch-up-projection.ts): stores a page of the centre's events, checked
     * as applyReplicated checks them, without projecting them. The applications are made later (`projectStoredInOrder`
     * or `projectStored`), and the messages and calls recorded by `followUpStored`. Answers how many were new.
     */
    storeReplicated(events: readonly ReplicaEvent[]): number {
      if (!store.db.inTransaction) throw new Error('storeReplicated must run inside a transaction')
      let stored = 0
      for (const e of events) if (storeOne(e) !== 'here') stored++
      return stored
    },

    /** Brings these applications' rows up to date from the events held here; answers how many have a row. */
    projectStored(trackingNumbers: readonly string[]): number {
      if (!store.db.inTransaction) throw new Error('projectStored must run inside a transaction')
      let projected = 0
      for (const tn of trackingNumbers) if (projectReplica(tn)) projected++
      return projected
    },

    /**
     * The catch-up's walk in tracking-number order: makes each application and, while its row is still in the
     * page cache, does to it what the other desks' SMS about it stored from `fromSeq` on will do when
     * `followUpStored` records them in the order they happened (sms_outcome 'pending', the last reminder), so
     * that later pass, in another order, finds the rows as they must be and writes none of them again.
     */
    projectStoredInOrder(trackingNumbers: readonly string[], fromSeq: number): void {
      if (!store.db.inTransaction) throw new Error('projectStoredInOrder must run inside a transaction')
      const own = ownDevice()
      for (const tn of trackingNumbers) {
        const rows = store.projection.eventsFor(tn)
        if (!projectReplica(tn, rows)) continue
        for (const r of rows) {
          const kind = NOTIFICATION_KINDS[r.type]
          if (r.seq < fromSeq || !kind || r.device_id === own) continue
          const p = checkEventPayload(`notification.${kind}`, JSON.parse(r.payload))
          if (!p.ok || !(p.payload.trackingNumbers ?? [tn]).includes(tn)) continue
          store.projection.markSmsSent(tn)
          if (kind === 'reminder') store.projection.markReminded(tn, r.occurred_at)
        }
      }
    },

    /** Another desk's messages and calls among events `storeReplicated` kept, once their applications are made. */
    followUpStored(rows: readonly EventRow[]): void {
      if (!store.db.inTransaction) throw new Error('followUpStored must run inside a transaction')
      // Each is checked where it is recorded (a misfit's issue is already there from when it was stored).
      afterProjection(
        rows.map((r) => ({
          id: r.id,
          type: r.type,
          occurredAt: r.occurred_at,
          staffNumber: r.staff_number,
          deviceId: r.device_id,
          trackingNumber: r.tracking_number,
          payload: JSON.parse(r.payload) as Record<string, unknown>,
        })),
      )
    },
  }

  /** Stores one replicated event: 'here' when it already was, 'unfit' when it is kept but changes nothing. */
  function storeOne(e: ReplicaEvent): 'stored' | 'here' | 'unfit' {
    if (!store.projection.insertReplica(e)) return 'here'
    // Kept in the log (it is the centre's history), but an event that does not fit the catalogue changes nothing.
    const checked = checkAnyEvent(e.type, e.payload)
    if (checked.ok) return 'stored'
    issue(e, checked.reason)
    return 'unfit'
  }

  /** What other desks' events record besides the application rows: SMS sent and phone calls. Ours are here. */
  function afterProjection(events: readonly ReplicaEvent[]): void {
    const own = ownDevice()
    const mine = (e: ReplicaEvent): boolean => e.deviceId === own
    for (const e of events) {
      const kind = NOTIFICATION_KINDS[e.type]
      // Another desk's SMS: recorded so reminders and the backlog know it was sent.
      if (kind && !mine(e)) recordNotification(e, kind)
    }
    // Another manager's phone call, so "not called yet" means the same on every PC.
    for (const e of events) if (e.type === 'application.callLogged' && !mine(e)) recordCall(e)
  }

  function issue(e: ReplicaEvent, reason: string): void {
    store.projection.recordIssue({
      eventId: e.id,
      type: e.type,
      trackingNumber: e.trackingNumber,
      reason,
      at: clock.now(),
    })
  }

  function recordCall(e: ReplicaEvent): void {
    const p = checkEventPayload('application.callLogged', e.payload)
    if (!p.ok) return issue(e, p.reason)
    if (!e.trackingNumber || !e.staffNumber || !store.projection.appExists(e.trackingNumber))
      return issue(e, 'the application or the staff member is missing')
    store.projection.insertCall({
      trackingNumber: e.trackingNumber,
      at: e.occurredAt,
      staffNumber: e.staffNumber,
      outcome: p.payload.outcome,
      note: p.payload.note ?? null,
    })
  }

  function recordNotification(e: ReplicaEvent, kind: 'ready' | 'reminder'): void {
    const p = checkEventPayload(`notification.${kind}`, e.payload)
    if (!p.ok) return issue(e, p.reason)
    const tns = p.payload.trackingNumbers ?? (e.trackingNumber ? [e.trackingNumber] : [])
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
