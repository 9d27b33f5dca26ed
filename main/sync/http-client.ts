import axios, { type AxiosInstance, type CreateAxiosDefaults } from 'axios'

export interface CentralHttpOptions {
  /** Per request; the callers also bound the whole exchange with an AbortSignal. */
  timeoutMs: number
  /** Largest answer accepted. */
  maxResponseBytes: number
  /** Largest request body sent (default: axios' own). */
  maxRequestBytes?: number
  baseUrl?: string
  headers?: Record<string, string>
  agents?: Pick<CreateAxiosDefaults, 'httpAgent' | 'httpsAgent'>
}

/**
 * The one way this app talks HTTP to the central API (push, pull and enrolment): no redirects (one would carry
 * the bearer token somewhere we did not choose), every status handed back to be interpreted by the caller, and the
 * body as text, parsed by the caller against the contract so a garbled answer is a clear failure.
 */
export function createCentralHttp(o: CentralHttpOptions): AxiosInstance {
  return axios.create({
    ...(o.baseUrl === undefined ? {} : { baseURL: o.baseUrl.replace(/\/+$/, '') }),
    timeout: o.timeoutMs,
    maxContentLength: o.maxResponseBytes,
    ...(o.maxRequestBytes === undefined ? {} : { maxBodyLength: o.maxRequestBytes }),
    maxRedirects: 0,
    ...o.agents,
    ...(o.headers === undefined ? {} : { headers: o.headers }),
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
  })
}
