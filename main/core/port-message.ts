/**
 * Messages on a window's MessagePort (preload/port-client.ts ↔ port-server.ts). Requests are shape-checked here; the
 * dispatcher validates the method and input.
 */
export interface PortRequest {
  id: number
  method: string
  input: unknown
}

/** The window's scan page takes the scanner's desk (`claimed: true`) or gives it up (core/event-hub.ts). */
export interface DeskClaim {
  kind: 'desk'
  claimed: boolean
}

/** What the core sends back: the answer to request `id`, or a push event. */
export type PortReply =
  { kind: 'result'; id: number; result: unknown } | { kind: 'event'; event: string; data: unknown }

export function parsePortRequest(data: unknown): PortRequest | null {
  if (typeof data !== 'object' || data === null) return null
  const { id, method, input } = data as Record<string, unknown>
  if (
    typeof id !== 'number' ||
    !Number.isSafeInteger(id) ||
    typeof method !== 'string' ||
    method.length > 100
  )
    return null
  return { id, method, input }
}

export function parseDeskClaim(data: unknown): DeskClaim | null {
  if (typeof data !== 'object' || data === null) return null
  const { kind, claimed } = data as Record<string, unknown>
  if (kind !== 'desk' || typeof claimed !== 'boolean') return null
  return { kind, claimed }
}
