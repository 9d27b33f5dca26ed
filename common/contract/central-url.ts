import { z } from 'zod'

/**
 * Hosts that are this PC itself (127.0.0.0/8, ::1, localhost): the only place plain http:// may go, for the
 * central API simulator. Matched against the hostname as the WHATWG URL parser gives it, which has already turned
 * 127.1 or 0x7f.0.0.1 into 127.0.0.1 and put IPv6 in brackets.
 */
export const LOOPBACK_HOST = /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/

const httpsUrl = z.url({ protocol: /^https$/ })
const loopbackHttpUrl = z.url({ protocol: /^http$/, hostname: LOOPBACK_HOST })
const httpUrl = z.url({ protocol: /^http$/ })

/**
 * Why `url` may not be the central API's address, or null when it may. The bearer token and every event cross the
 * network to it, so the connection must be TLS. The one definition of this rule, used by the enrolment input and by
 * the stored endpoint (main/sync/sync-state.ts), so an old plain-http endpoint is not used either.
 */
export function centralUrlProblem(url: string): string | null {
  if (httpsUrl.safeParse(url).success || loopbackHttpUrl.safeParse(url).success) return null
  if (httpUrl.safeParse(url).success)
    return (
      'The central API address starts with https://: plain http:// would send the token and the customers’ ' +
      'details unencrypted (http:// is only for a simulator on this PC: 127.0.0.1 or localhost)'
    )
  return 'The central API address is a web address starting with https://'
}

/** The central API's base address, as typed at enrolment and as stored. */
export const centralApiUrl = z
  .string({ error: 'The central API address is required' })
  .trim()
  .max(200, 'The central API address has at most 200 characters')
  .superRefine((url, ctx) => {
    const problem = centralUrlProblem(url)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
