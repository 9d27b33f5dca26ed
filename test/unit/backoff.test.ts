import { describe, expect, it } from 'vitest'
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffCeilingMs,
  nextDelayMs,
  parseRetryAfter,
} from '../../main/sync/backoff'

const NOW = Date.UTC(2026, 10, 2, 7, 0, 0)

describe('nextDelayMs (full jitter)', () => {
  it('the ceiling doubles from 1 s per attempt and stops at 5 min', () => {
    expect(BACKOFF_BASE_MS).toBe(1000)
    expect(BACKOFF_CAP_MS).toBe(300_000)
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((a) => backoffCeilingMs(a))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000,
    ])
    expect(backoffCeilingMs(1_000_000)).toBe(300_000)
  })

  it('is uniform between 0 and the ceiling', () => {
    expect(nextDelayMs(3, () => 0)).toBe(0)
    expect(nextDelayMs(3, () => 0.5)).toBe(2000)
    expect(nextDelayMs(3, () => 0.999_999)).toBe(3999)
    expect(nextDelayMs(40, () => 0.5)).toBe(150_000)
  })

  it('never goes negative or past the cap, whatever the inputs', () => {
    for (const attempt of [-5, 0, 0.5, NaN, Infinity, 1, 12, 1e9]) {
      for (const r of [-1, 0, 0.3, 0.999, 1, 2, NaN]) {
        const d = nextDelayMs(attempt, () => r)
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThanOrEqual(BACKOFF_CAP_MS)
        expect(Number.isInteger(d)).toBe(true)
      }
    }
  })

  it('spreads retries: many draws cover the range', () => {
    let seed = 42
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed / 2 ** 31
    }
    const draws = Array.from({ length: 2000 }, () => nextDelayMs(5, random))
    expect(Math.min(...draws)).toBeLessThan(1000)
    expect(Math.max(...draws)).toBeGreaterThan(15_000)
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length
    expect(mean).toBeGreaterThan(7000)
    expect(mean).toBeLessThan(9000)
  })
})

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000)
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000)
    expect(parseRetryAfter('0', NOW)).toBe(0)
    expect(parseRetryAfter(['7', '9'], NOW)).toBe(7000)
  })

  it('reads an HTTP date relative to now, and a past date as 0', () => {
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000)
    expect(parseRetryAfter('Mon, 02 Nov 2026 07:01:00 GMT', NOW)).toBe(60_000)
    expect(parseRetryAfter('Sunday, 01-Nov-26 07:00:00 GMT', NOW)).toBe(0)
    expect(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0)
  })

  it('answers null for anything else, so the caller uses its own backoff', () => {
    for (const bad of [
      undefined,
      null,
      '',
      '  ',
      '-1',
      '1.5',
      '2s',
      'soon',
      'tomorrow',
      '5 minutes',
      '99999999999999999999',
    ]) {
      expect(parseRetryAfter(bad, NOW)).toBeNull()
    }
    expect(parseRetryAfter([], NOW)).toBeNull()
    expect(parseRetryAfter('Mon, 99 Foo 2026 07:01:00 GMT', NOW)).toBeNull()
  })
})
