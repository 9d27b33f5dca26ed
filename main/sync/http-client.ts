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

/** What each TLS certificate failure of Node's means, in words IT can act on. */
const CERTIFICATE_FAULTS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'signed by an authority this PC does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'signed by an authority this PC does not know',
  UNABLE_TO_GET_ISSUER_CERT: 'signed by an authority this PC does not know',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'signed by an authority this PC does not know',
  ERR_TLS_CERT_ALTNAME_INVALID: 'issued for another address',
  CERT_REVOKED: 'revoked',
  CERT_SIGNATURE_FAILURE: 'its signature does not check',
}

/**
 * The message for a request the central API's TLS certificate stopped, or null for any other failure. The
 * handshake fails before the request is written, so nothing (token, events) left this PC.
 */
export function certificateMessage(err: unknown): string | null {
  const codes: unknown[] = []
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    codes.push((e as { code?: unknown }).code)
    e = (e as { cause?: unknown }).cause
  }
  const fault = codes.map((c) => (typeof c === 'string' ? CERTIFICATE_FAULTS[c] : undefined)).find(Boolean)
  return fault === undefined
    ? null
    : `The central service's certificate is not valid (${fault}): nothing was sent. ` +
        'Ask IT to check the address and the certificate.'
}
