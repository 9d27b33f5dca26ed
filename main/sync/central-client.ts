import axios, { type AxiosInstance } from 'axios'
import { certificateMessage, createCentralHttp } from './http-client'
import http from 'node:http'
import https from 'node:https'
import { parseRetryAfter } from './backoff'
import { type EventResult, PostEventsResponseSchema, resultsProblem, type SyncEvent } from './wire'

/** Where the central API is and how this PC proves who it is. */
export interface SyncEndpoint {
  baseUrl: string
  token: string
}

/** What one `POST /v1/events` came to. The drain decides what each means for the outbox. */
export type PostEventsOutcome =
  | { kind: 'results'; results: EventResult[] }
  /** 401/403: the token is missing, wrong or revoked; nothing can go until the PC is enrolled again. */
  | { kind: 'unauthorized'; message: string }
  /** 429/503 with a Retry-After the server set: wait exactly that long. */
  | { kind: 'retry-after'; ms: number; message: string }
  /** 400/413/422: the server refuses the batch itself; some event in it is bad (or too big). */
  | { kind: 'bad-request'; detail: string }
  /** Network error, timeout, other status, or a 200 that is not a valid answer: try again later. */
  | { kind: 'failed'; message: string }

export interface CentralClient {
  postEvents(events: readonly SyncEvent[]): Promise<PostEventsOutcome>
  /** Closes idle keep-alive sockets. */
  close(): void
}

export interface CentralClientOptions {
  /** Connect plus the whole response, per request. */
  timeoutMs?: number
  /** Largest answer accepted; 500 results are a few tens of KB. */
  maxResponseBytes?: number
  now?: () => number
}

const DEFAULT_TIMEOUT_MS = 10_000
const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024
// 500 events of a few KB each, with room; the API's own limit decides beyond this.
const MAX_REQUEST_BYTES = 16 * 1024 * 1024

/**
 * The HTTP client for the central API's events endpoint. Never throws: every failure comes back as an outcome, and
 * a 200 is only `results` when its body passes the schema and answers exactly the events sent.
 */
export function createCentralClient(endpoint: SyncEndpoint, opts: CentralClientOptions = {}): CentralClient {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const now = opts.now ?? Date.now
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 4 })
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 4 })
  const api: AxiosInstance = createCentralHttp({
    baseUrl: endpoint.baseUrl,
    timeoutMs,
    maxResponseBytes: opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    maxRequestBytes: MAX_REQUEST_BYTES,
    agents: { httpAgent, httpsAgent },
    headers: {
      Authorization: `Bearer ${endpoint.token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json, application/problem+json',
    },
  })

  return {
    async postEvents(events) {
      let status: number
      let body: string
      let retryAfter: unknown
      try {
        const res = await api.post<string>('/v1/events', JSON.stringify({ events }), {
          // axios' own timeout is per socket phase; this bounds the whole exchange.
          signal: AbortSignal.timeout(timeoutMs),
        })
        status = res.status
        body = typeof res.data === 'string' ? res.data : ''
        retryAfter = res.headers['retry-after']
      } catch (err) {
        return { kind: 'failed', message: networkMessage(err, timeoutMs) }
      }
      return interpret(status, body, retryAfter, events, now())
    },
    close() {
      httpAgent.destroy()
      httpsAgent.destroy()
    },
  }
}

function interpret(
  status: number,
  body: string,
  retryAfterHeader: unknown,
  events: readonly SyncEvent[],
  now: number,
): PostEventsOutcome {
  if (status === 200) {
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch {
      return { kind: 'failed', message: 'the central API answered 200 with a body that is not JSON' }
    }
    const parsed = PostEventsResponseSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? issue.path.join('.') : 'body'
      return {
        kind: 'failed',
        message: `the central API answered 200 with a malformed body (${where}: ${issue?.message ?? 'invalid'})`,
      }
    }
    const problem = resultsProblem(events, parsed.data.results)
    if (problem) return { kind: 'failed', message: `the central API answered 200 but ${problem}` }
    return { kind: 'results', results: parsed.data.results }
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'unauthorized',
      message: `the central API refused this PC's token (${status}${problemText(body)})`,
    }
  }
  if (status === 429 || status === 503) {
    const ms = parseRetryAfter(typeof retryAfterHeader === 'string' ? retryAfterHeader : undefined, now)
    const message = `the central API is ${status === 429 ? 'rate limiting' : 'unavailable'} (${status})`
    if (ms !== null) return { kind: 'retry-after', ms, message }
    return { kind: 'failed', message }
  }
  if (status === 400 || status === 413 || status === 422) {
    return { kind: 'bad-request', detail: `${status}${problemText(body) || ' (no detail)'}` }
  }
  return { kind: 'failed', message: `the central API answered ${status}${problemText(body)}` }
}

/** The useful part of an RFC 9457 problem body (title, detail, first errors), or of a plain-text body. */
function problemText(body: string): string {
  const text = body.trim()
  if (text === '') return ''
  try {
    const p = JSON.parse(text) as unknown
    if (p && typeof p === 'object' && !Array.isArray(p)) {
      const o = p as Record<string, unknown>
      const parts = [o.title, o.detail].filter((v): v is string => typeof v === 'string' && v !== '')
      if (Array.isArray(o.errors) && o.errors.length > 0) parts.push(JSON.stringify(o.errors.slice(0, 5)))
      if (parts.length > 0) return `: ${parts.join(': ')}`.slice(0, 2000)
    }
  } catch {
    // Not JSON: the text itself, trimmed, is the best detail there is.
  }
  return `: ${text.slice(0, 500)}`
}

/** A transport failure (timeout, refused, oversized answer) in words for the sync status. Shared by push and pull. */
export function networkMessage(err: unknown, timeoutMs: number): string {
  const certificate = certificateMessage(err)
  if (certificate) return certificate
  if (axios.isAxiosError(err)) {
    if (err.code === 'ECONNABORTED' || err.code === 'ETIMEDOUT' || axios.isCancel(err)) {
      return `the central API did not answer within ${timeoutMs} ms`
    }
    if (err.code === 'ERR_BAD_RESPONSE' && /maxContentLength/i.test(err.message)) {
      return 'the central API answered with more data than allowed'
    }
    return `cannot reach the central API: ${err.code ?? err.message}`
  }
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `the central API did not answer within ${timeoutMs} ms`
  }
  return `cannot reach the central API: ${err instanceof Error ? err.message : String(err)}`
}
