import { z } from 'zod'
import type { SyncEndpoint } from './central-client'
import { createCentralGet } from './central-get'

/** What the central API knows about a tracking number this PC has never seen (`GET /v1/applications/{tn}`). */
export type CentralLookup =
  | {
      kind: 'found'
      centreNumber: string
      status: 'registered' | 'arrived' | 'collected' | 'returned' | 'cancelled'
      serviceCode: string
      registeredAt: number | null
    }
  | { kind: 'not-found' }
  /** Not enrolled, offline, or a bad answer: the caller carries on as it would offline. */
  | { kind: 'unavailable'; reason: string }

const applicationSchema = z.strictObject({
  trackingNumber: z.string().regex(/^\d{12}$/),
  centreNumber: z.string().regex(/^\d{3}$/),
  status: z.enum(['registered', 'arrived', 'collected', 'returned', 'cancelled']),
  serviceCode: z.string().max(24),
  events: z
    .array(z.strictObject({ type: z.string().max(60), occurredAt: z.number().int().min(0) }))
    .max(10_000),
})

/** A short timeout: someone is standing at the desk with the document in hand. */
const LOOKUP_TIMEOUT_MS = 4_000

export function createApplicationLookup(endpoint: () => SyncEndpoint | null) {
  const { get, parse } = createCentralGet({ timeoutMs: LOOKUP_TIMEOUT_MS, maxResponseBytes: 1024 * 1024 })
  return async (trackingNumber: string): Promise<CentralLookup> => {
    const ep = endpoint()
    if (!ep) return { kind: 'unavailable', reason: 'this workstation is not enrolled with the central API' }
    const a = await get(ep, `/v1/applications/${trackingNumber}`, {})
    if ('error' in a) return { kind: 'unavailable', reason: a.error }
    if (a.status === 404) return { kind: 'not-found' }
    const app = parse('look-up', a, applicationSchema)
    if ('error' in app) return { kind: 'unavailable', reason: app.error }
    if (app.trackingNumber !== trackingNumber)
      return { kind: 'unavailable', reason: 'look-up: the central API answered about another number' }
    return {
      kind: 'found',
      centreNumber: app.centreNumber,
      status: app.status,
      serviceCode: app.serviceCode,
      registeredAt: app.events.find((e) => e.type === 'application.registered')?.occurredAt ?? null,
    }
  }
}
export type ApplicationLookup = ReturnType<typeof createApplicationLookup>
