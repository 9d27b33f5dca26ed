/** First retry waits up to this long. */
export const BACKOFF_BASE_MS = 1000
/** No retry waits longer than this, however long the outage. */
export const BACKOFF_CAP_MS = 5 * 60 * 1000

/**
 * The upper bound of the wait before retry number `attempt` (1 = the first retry): base · 2^(attempt−1), capped.
 * Attempts below 1 count as 1, so a damaged persisted count can never make the wait negative.
 */
export function backoffCeilingMs(attempt: number, baseMs = BACKOFF_BASE_MS, capMs = BACKOFF_CAP_MS): number {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1
  // 2^30 s is far past any cap; stopping the exponent there keeps the arithmetic exact.
  return Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30))
}

/**
 * "Full jitter" backoff: a uniformly random wait between 0 and the ceiling. Many PCs coming back online after the
 * same outage then spread their retries instead of hitting the API together. `random` returns [0, 1).
 */
export function nextDelayMs(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const r = random()
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0.5
  return Math.floor(unit * backoffCeilingMs(attempt, baseMs, capMs))
}

/**
 * A `Retry-After` header in milliseconds from `now`: delta-seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT"). A date in the past is 0. Null when absent or not understood, so the
 * caller falls back to its own backoff.
 */
export function parseRetryAfter(
  header: string | readonly string[] | null | undefined,
  now: number,
): number | null {
  const raw = Array.isArray(header) ? header[0] : header
  if (typeof raw !== 'string') return null
  const value = raw.trim()
  if (value === '') return null
  if (/^\d+$/.test(value)) {
    const seconds = Number(value)
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : null
  }
  // RFC 9110 dates always name the weekday and GMT; that test keeps Date.parse from accepting "5" or "tomorrow".
  if (!/^[A-Za-z]{3},? /.test(value) && !/GMT$/.test(value)) return null
  const at = Date.parse(value)
  if (Number.isNaN(at)) return null
  return Math.max(0, at - now)
}
