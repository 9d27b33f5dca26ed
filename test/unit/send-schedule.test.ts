import { describe, expect, it } from 'vitest'
import { afterQuietHours, inQuietHours, scheduleTimes } from '../../main/services/campaigns/send-schedule'

const MIN = 60_000
/** An instant at Nairobi wall-clock time hh:mm on 30 Nov 2026 (UTC+3). */
const at = (hh: number, mm = 0) => Date.UTC(2026, 10, 30, hh - 3, mm)
const NIGHT = { start: '20:00', end: '08:00' }
const LUNCH = { start: '13:00', end: '14:00' }

describe('reminder send schedule (Nairobi clock)', () => {
  it('quiet hours past midnight and within a day', () => {
    expect([at(19, 59), at(20), at(23, 30), at(7, 59), at(8)].map((t) => inQuietHours(t, NIGHT))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ])
    expect([at(12, 59), at(13), at(13, 59), at(14)].map((t) => inQuietHours(t, LUNCH))).toEqual([
      false,
      true,
      true,
      false,
    ])
    expect(inQuietHours(at(3), { start: '00:00', end: '00:00' })).toBe(false)
  })

  it('a time in quiet hours moves to their end (the next morning after midnight wrap)', () => {
    expect(afterQuietHours(at(21), NIGHT)).toBe(Date.UTC(2026, 11, 1, 5, 0))
    expect(afterQuietHours(at(6, 30), NIGHT)).toBe(at(8))
    expect(afterQuietHours(at(13, 20), LUNCH)).toBe(at(14))
    expect(afterQuietHours(at(10, 17), NIGHT)).toBe(at(10, 17))
  })

  it('rate per minute, skipping quiet hours between batches', () => {
    expect(scheduleTimes(5, at(10), 2, NIGHT)).toEqual([at(10), at(10), at(10, 1), at(10, 1), at(10, 2)])
    // 19:58 start, 1 a minute: 19:58, 19:59, then 08:00 and 08:01 the next day.
    const next8 = Date.UTC(2026, 11, 1, 5, 0)
    expect(scheduleTimes(4, at(19, 58), 1, NIGHT)).toEqual([at(19, 58), at(19, 59), next8, next8 + MIN])
    expect(scheduleTimes(0, at(10), 60, NIGHT)).toEqual([])
  })
})
