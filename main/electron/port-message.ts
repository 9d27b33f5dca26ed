/** Shape check for requests arriving on a window's MessagePort; the dispatcher validates the method and input. */
export interface PortRequest {
  id: number
  method: string
  input: unknown
}

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
