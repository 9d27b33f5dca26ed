import { z } from 'zod'
import type { UpdateState } from '../../common/update-status'
import type { UpdatePolicy } from '../services/update/update-policy'

/**
 * The messages between the desktop main process (which runs electron-updater) and the core's utility process (which
 * holds the centre settings and knows what is open at the desks), on the core's parent port. Both ends check them:
 * the other side is our own process, but a malformed message must not become a state or an install.
 */
export interface UpdatePolicyMessage {
  type: 'update-policy'
  policy: UpdatePolicy
}
export interface UpdateStateMessage {
  type: 'update-state'
  state: UpdateState
}

const policySchema = z.strictObject({
  type: z.literal('update-policy'),
  policy: z.strictObject({
    enabled: z.boolean(),
    url: z.string().max(300),
    openWork: z.string().max(200).nullable(),
  }),
})

const version = z.string().max(50)
const stateSchema = z.strictObject({
  type: z.literal('update-state'),
  state: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('unavailable'), detail: z.string().max(500) }),
    z.strictObject({ kind: z.literal('off') }),
    z.strictObject({ kind: z.literal('idle'), checkedAt: z.number().nullable() }),
    z.strictObject({ kind: z.literal('checking') }),
    z.strictObject({ kind: z.literal('downloading'), version, percent: z.number().min(0).max(100) }),
    z.strictObject({ kind: z.literal('ready'), version, waitingFor: z.string().max(200).nullable() }),
    z.strictObject({ kind: z.literal('installing'), version }),
    z.strictObject({
      kind: z.literal('error'),
      message: z.string().max(1000),
      at: z.number(),
      retryAt: z.number().nullable(),
    }),
  ]),
})

export function parseUpdatePolicyMessage(data: unknown): UpdatePolicyMessage | null {
  const r = policySchema.safeParse(data)
  return r.success ? r.data : null
}

export function parseUpdateStateMessage(data: unknown): UpdateStateMessage | null {
  const r = stateSchema.safeParse(data)
  return r.success ? (r.data as UpdateStateMessage) : null
}
