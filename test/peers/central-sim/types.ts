import type { ServiceInput } from '../../../common/catalogue'

/** The wire shapes of docs/central-api.yaml (types only: openapi-backend validates requests against the YAML). */

export interface CentralEvent {
  id: string
  type: string
  occurredAt: number
  staffNumber: string | null
  deviceId: string
  centreNumber: string
  trackingNumber: string | null
  payload: Record<string, unknown>
}

export interface StoredEvent extends CentralEvent {
  seq: number
}

export type EventOutcome = 'accepted' | 'duplicate' | 'rejected'

export interface EventResult {
  id: string
  outcome: EventOutcome
  reason?: string
}

export interface EnrolRequest {
  centreNumber: string
  enrolmentCode: string
  deviceId: string
  workstationSlot: string
}

export interface Enrolment {
  deviceId: string
  centreNumber: string
  workstationSlot: string
  token: string
  centreName?: string
}

export interface Holiday {
  /** YYYY-MM-DD */
  date: string
  name: string
}

/** What the simulator serves at GET /v1/catalogue (services are checked with common/catalogue.ts). */
export interface CatalogueData {
  version: string
  services: ServiceInput[]
  holidays: Holiday[]
}

export type ApplicationStatus = 'registered' | 'arrived' | 'collected' | 'returned' | 'cancelled'

export interface ApplicationView {
  trackingNumber: string
  centreNumber: string
  status: ApplicationStatus
  serviceCode: string
  events: Array<{ type: string; occurredAt: number }>
}

export type SmsOutcome = 'delivered' | 'failed' | 'invalid-number'

export interface NotificationOutcome {
  eventId: string
  trackingNumbers: string[]
  outcome: SmsOutcome
  at: number
}

/** RFC 9457 problem details, as every error answer carries them. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  errors?: Array<{ field: string; message: string }>
}

/** Fault injection; every knob is off by default. Rates are probabilities per request (0..1). */
export interface Faults {
  /** Answer 500 or 503 (half each; 503 with Retry-After: 1) without handling the request. */
  errorRate: number
  /** Delay before each request is handled. */
  latencyMs: number
  /** Handle the request, then destroy the socket without answering (the work is done, the answer is lost). */
  resetRate: number
  /** Answer 429 with Retry-After: retryAfterSeconds without handling the request. */
  rate429: number
  retryAfterSeconds: number
  /** Events of these types are answered 'rejected' ('event type not accepted by the test fault'). */
  rejectTypes: string[]
  /** Send the response body in pieces spread over this many ms (headers first, Content-Length set). */
  slowBodyMs: number
  /** Destroy the connection before handling the request (the work is not done, no answer). */
  dropRate: number
  /** Hold the request this long without answering, then handle it: longer than a client's timeout, the client
   * has given up by then, so the work is done and nobody hears of it. */
  stallRate: number
  stallMs: number
}

export interface SimStats {
  requests: number
  accepted: number
  duplicates: number
  rejected: number
  byStatus: Record<number, number>
}

export interface CentralSimOptions {
  /** SQLite file for the simulator's state; default ':memory:'. */
  dbFile?: string
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number
  /** Single-use enrolment codes per centre number, e.g. { '042': ['DEMO-042'] }. */
  enrolmentCodes?: Record<string, string[]>
  /** The centres' names in the central registry, sent with an enrolment; default "Huduma Centre <number>". */
  centreNames?: Record<string, string>
  /** The catalogue served; default: the app's default services (isDefault false) and 2026 holidays. */
  catalogue?: CatalogueData
  /** PRNG seed for the fault rolls (default 1): the same seed and requests give the same faults. */
  seed?: number
  /** Delay before an SMS outcome appears; 0 (default) = at acceptance. deliver() forces them all now. */
  deliveryDelayMs?: number
  /** Initial faults. */
  faults?: Partial<Faults>
  /** Clock for acceptance and outcome times; default Date.now. */
  now?: () => number
}

export interface CentralSim {
  readonly url: string
  readonly port: number
  /** Changes only the given knobs (others keep their value). */
  setFaults(f: Partial<Faults>): void
  /** Revokes every token of the device; returns how many. */
  revokeToken(deviceId: string): number
  /** Test shortcut: enrols the device in the slot (no code) and returns a fresh bearer token. */
  issueToken(centreNumber: string, deviceId: string, slot: string): string
  stats(): SimStats
  /** Accepted events stored (of one centre when given). */
  eventCount(centre?: string): number
  /** Ids of the accepted events, in acceptance order. */
  eventIds(): string[]
  /**
   * How many times each event id was sent in a POST /v1/events that reached the handler (accepted, duplicate or
   * rejected; not the requests answered 429/500/503 by a fault or refused as invalid before it).
   */
  eventSends(): Map<string, number>
  /** The centre directory as held: the winning change of each field, in feed order. */
  directory(centre: string): {
    id: string
    kind: string
    key: string
    field: string
    value: unknown
    at: number
    by: string | null
    deviceId: string
  }[]
  /** Directory changes the simulator refused, with why. */
  directoryRejections(): { id: string; centre: string; kind: string; field: string; reason: string }[]
  /** Makes every pending SMS outcome visible now; returns how many. */
  deliver(): number
  /** Replaces the catalogue served (a new ETag). */
  setCatalogue(c: CatalogueData): void
  close(): Promise<void>
}
