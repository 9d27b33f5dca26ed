import { z } from 'zod'
import { CALL_OUTCOMES } from './backlog-age'
import { serviceSchema } from './catalogue'
import { ROLES } from './roles'

/**
 * Every event type this app writes or accepts from other workstations, each with the schema of its payload. The
 * event writer takes its argument type from here (a payload that does not fit its type does not compile) and
 * checks it at run time (one that does not fit is refused, so it is never written); the reducer and the projector
 * read payloads through it; docs/central-api.yaml lists the same schemas under `EventPayloads`, and a test fails
 * when the two disagree.
 *
 * Objects are not strict: a newer workstation may add a member and older ones still apply the event. Members that
 * older versions did not write are optional.
 */

const trackingNumber = z.string().regex(/^\d{12}$/)
const slot = z.string().min(1).max(20)
const shelfReason = z.object({ reason: z.string().min(1).max(200) })
const language = z.enum(['en', 'sw'])
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const message = {
  phone: z.string().regex(/^\+?\d{9,15}$/),
  language,
  /** The documents the message is about; the event's tracking number when absent. */
  trackingNumbers: z.array(trackingNumber).min(1).max(50).optional(),
  text: z.string().min(1).max(1000),
  segments: z.int().min(1).max(10),
}

export const EVENT_PAYLOADS = {
  'application.registered': z.object({
    serviceCode: z.string().min(1).max(24),
    customerName: z.string().min(1).max(200),
    phone: z.string().min(1).max(20),
    idNumber: z.string().max(20).nullable().optional(),
    agencyRef: z.string().max(60).nullable().optional(),
    language,
    smsConsent: z.boolean(),
    expectedReady: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    notes: z.string().max(500).nullable().optional(),
    /** The clerk registered it although the ID number had an open application of the same service. */
    duplicateConfirmed: z.boolean().optional(),
  }),
  'application.arrived': z.object({
    slot,
    /** The arrival batch on the workstation that scanned it (meaningless on any other). */
    batchId: z.int().min(1).optional(),
    agency: z.string().min(1).max(120).optional(),
    /** The code scanned: the tracking number or the agency's reference. */
    code: z.string().min(1).max(100).optional(),
  }),
  'application.moved': z.object({ slot, reason: z.string().min(1).max(200).optional() }),
  'application.missing': shelfReason,
  'application.missingCleared': shelfReason,
  'application.damaged': shelfReason,
  'application.damagedCleared': shelfReason,
  'application.collected': z.object({
    collector: z.discriminatedUnion('kind', [
      z.looseObject({ kind: z.literal('owner') }),
      z.looseObject({
        kind: z.literal('proxy'),
        name: z.string().min(1).max(200),
        idNumber: z.string().min(1).max(20),
        relationship: z.string().min(1).max(40),
        authorisationRef: z.string().min(1).max(60),
      }),
    ]),
    slot: slot.nullable().optional(),
  }),
  'application.returned': z.object({
    /** The return manifest on the workstation that confirmed it (meaningless on any other). */
    manifestId: z.int().min(1),
    agency: z.string().min(1).max(120),
    slot: slot.nullable(),
  }),
  /** Written by the central service or a newer version; this one only applies it. */
  'application.cancelled': z.object({ reason: z.string().max(500).optional() }),
  'application.callLogged': z.object({
    outcome: z.enum(CALL_OUTCOMES),
    note: z.string().max(500).nullable().optional(),
  }),
  /**
   * The customer's personal fields of this application are erased (retention, or the data subject's request): the
   * fold blanks them, and this PC has already replaced them in the application's earlier events. Central erases too.
   */
  'application.personalDataErased': z.object({
    reason: z.enum(['retention', 'request']),
    /** What the request or the rule was, in staff's words (never personal data). */
    detail: z.string().max(200).optional(),
  }),
  'notification.ready': z.object(message),
  'notification.reminder': z.object({ ...message, campaignId: z.int().min(1) }),
  'batch.closed': z.object({
    batchId: z.int().min(1),
    arrived: z.int().min(0),
    expectedNotReceived: z.array(z.string()),
    receivedNotExpected: z.array(z.string()),
    duplicates: z.array(z.object({ code: z.string(), times: z.int().min(2) })),
    unknown: z.array(z.string()),
    countDifference: z.int().nullable(),
    agency: z.string().min(1).max(120),
    manifestRef: z.string().max(60).nullable(),
    /**
     * The discrepancy counts of a batch opened against a manifest (absent when it had no expected list, and in
     * events of older versions): what every PC of the centre sums per agency (the agency turnaround report).
     */
    manifest: z
      .object({
        /** Codes on the manifest. */
        expected: z.int().min(0),
        /** Codes on the manifest whose document arrived in the batch. */
        received: z.int().min(0),
        /** Codes on the manifest whose document never came (expected − received). */
        missing: z.int().min(0),
        /** Documents that arrived in the batch and are not on the manifest. */
        unannounced: z.int().min(0),
      })
      .optional(),
  }),
  /**
   * A manager signed off an agency's turnaround report for a period: the figures as signed (no customer data, no
   * tracking numbers), so the central API collects every centre's reports. The first sign-off of an agency and
   * period stands on every PC.
   */
  'report.agencySignedOff': z.object({
    agency: z.string().min(1).max(120),
    from: isoDate,
    to: isoDate,
    /** The signing manager's name as the staff list had it. */
    name: z.string().min(1).max(200),
    figures: z.object({
      arrived: z.int().min(0),
      onTime: z.int().min(0),
      late: z.int().min(0),
      medianDaysLate: z.int().nullable(),
      p90DaysLate: z.int().nullable(),
      worstDaysLate: z.int().nullable(),
      stillOut: z.int().min(0),
      stillOutOverdue: z.int().min(0),
    }),
    batches: z.object({
      batches: z.int().min(0),
      expected: z.int().min(0),
      received: z.int().min(0),
      missing: z.int().min(0),
      unannounced: z.int().min(0),
    }),
    worstServices: z
      .array(
        z.object({
          serviceCode: z.string().min(1).max(24),
          arrived: z.int().min(0),
          onTime: z.int().min(0),
          stillOutOverdue: z.int().min(0),
        }),
      )
      .max(10),
  }),
  'catalogue.serviceUpdated': serviceSchema,
  'centre.workstationEnrolled': z.object({
    centreNumber: z.string().regex(/^\d{3}$/),
    centreName: z.string().min(1).max(120),
    workstationSlot: z.string().regex(/^\d{2}$/),
  }),
  'staff.created': z.object({
    staffNumber: z.string().min(1).max(32),
    name: z.string().min(1).max(200),
    role: z.enum(ROLES),
  }),
  'staff.updated': z.object({
    staffNumber: z.string().min(1).max(32),
    name: z.string().min(1).max(200),
    role: z.enum(ROLES),
    active: z.boolean(),
  }),
} as const satisfies Record<string, z.ZodType<Record<string, unknown>>>

export type EventType = keyof typeof EVENT_PAYLOADS
/** What a writer passes for an event of type T. */
export type EventPayload<T extends EventType> = z.input<(typeof EVENT_PAYLOADS)[T]>
/** What a reader gets back from `parseEventPayload` for type T. */
export type ParsedPayload<T extends EventType> = z.output<(typeof EVENT_PAYLOADS)[T]>

export const EVENT_TYPES = Object.keys(EVENT_PAYLOADS) as EventType[]

/** As docs/central-api.yaml spells event types (the API takes types it does not know; this app names them). */
export const EVENT_TYPE_PATTERN = /^[a-z]+(\.[a-zA-Z]+)+$/

export const isEventType = (type: string): type is EventType => Object.hasOwn(EVENT_PAYLOADS, type)

/** Event types that change an application row; any other event about an application is history only. */
export const PROJECTED_TYPES: ReadonlySet<string> = new Set<EventType>([
  'application.registered',
  'application.arrived',
  'application.moved',
  'application.missing',
  'application.missingCleared',
  'application.damaged',
  'application.damagedCleared',
  'application.collected',
  'application.returned',
  'application.cancelled',
  'application.personalDataErased',
])

export type PayloadCheck<T extends EventType> =
  { ok: true; payload: ParsedPayload<T> } | { ok: false; reason: string }

/** Checks a payload against its type's schema; the reason names the first member that does not fit. */
export function checkEventPayload<T extends EventType>(type: T, payload: unknown): PayloadCheck<T> {
  const r = (EVENT_PAYLOADS[type] as z.ZodType).safeParse(payload)
  // The schema of T made it: its output is ParsedPayload<T>, which TypeScript cannot follow through the index.
  if (r.success) return { ok: true, payload: r.data as ParsedPayload<T> }
  const issue = r.error.issues[0]
  const where = issue?.path.length ? `payload.${issue.path.join('.')}` : 'payload'
  return { ok: false, reason: `${where}: ${issue?.message ?? 'does not fit its type'}` }
}

/** The same check for a type read off the wire or the log, which may be one this version does not know. */
export function checkAnyEvent(type: string, payload: unknown): { ok: true } | { ok: false; reason: string } {
  if (!isEventType(type)) return { ok: false, reason: `${type} is not an event type this version knows` }
  const r = checkEventPayload(type, payload)
  return r.ok ? { ok: true } : r
}
