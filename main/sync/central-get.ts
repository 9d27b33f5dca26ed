import type { AxiosResponse } from 'axios'
import { createCentralHttp } from './http-client'
import { z } from 'zod'
import type { SyncEndpoint } from './central-client'
import { networkMessage } from './central-client'

export const NEEDS_ENROLMENT = 'needs enrolment'

export type PullError = { error: string }

export const cursorSchema = z.string().min(1).max(200)
/** A paged feed that never runs dry within this many pages is treated as broken (an unmoving cursor, say). */
export const MAX_PAGES = 10_000
export const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** One run at a time: a second call while one runs shares its result. */
export function single<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null
  return () => {
    running ??= run().finally(() => {
      running = null
    })
    return running
  }
}

export interface Answer {
  status: number
  body: string
  etag: string | null
}

export interface CentralGetOptions {
  /** Per request, connect plus the whole answer. */
  timeoutMs: number
  /** Largest answer accepted. */
  maxResponseBytes: number
}

/**
 * Authenticated GETs to the central API for the pull side (catalogue, outcomes, the centre feed, look-ups), and the
 * check of a 200 answer against the contract's shape. Never throws: failures come back as `{ error }`.
 */
export function createCentralGet({ timeoutMs, maxResponseBytes }: CentralGetOptions) {
  const http = createCentralHttp({ timeoutMs, maxResponseBytes })

  const get = async (
    ep: SyncEndpoint,
    path: string,
    params: Record<string, string | number>,
    headers: Record<string, string> = {},
  ): Promise<Answer | PullError> => {
    let res: AxiosResponse<unknown>
    try {
      res = await http.get(`${ep.baseUrl.replace(/\/+$/, '')}${path}`, {
        params,
        headers: {
          Authorization: `Bearer ${ep.token}`,
          Accept: 'application/json, application/problem+json',
          ...headers,
        },
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (err) {
      return { error: networkMessage(err, timeoutMs) }
    }
    const etag = res.headers.etag as unknown
    return {
      status: res.status,
      body: typeof res.data === 'string' ? res.data : '',
      etag: typeof etag === 'string' && etag !== '' ? etag : null,
    }
  }

  /** The JSON body of a 200 checked against `schema`, or the error to report. */
  const parse = <T>(what: string, a: Answer, schema: z.ZodType<T>): T | PullError => {
    if (a.status === 401 || a.status === 403) return { error: NEEDS_ENROLMENT }
    if (a.status !== 200) return { error: `${what}: the central API answered ${a.status}` }
    let json: unknown
    try {
      json = JSON.parse(a.body)
    } catch {
      return { error: `${what}: the central API answered 200 with a body that is not JSON` }
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? issue.path.join('.') : 'body'
      return { error: `${what}: malformed answer (${where}: ${issue?.message ?? 'invalid'})` }
    }
    return parsed.data
  }

  return { get, parse }
}
export type CentralGet = ReturnType<typeof createCentralGet>
