import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { focusFirstError } from '../../renderer/src/api/form-keyboard'
import { zodValidate } from '../../renderer/src/api/zod-validate'
import { nairobiToday, periodOf } from '../../renderer/src/features/backlog/period'
import { deskForKey, itemsFor } from '../../renderer/src/features/shell/nav-items'
import { formatDate, formatDateTime, formatDay, readyIn } from '../../renderer/src/ui/format'
import { setUiLanguage } from '../../renderer/src/i18n/instance'

afterEach(() => {
  vi.useRealTimers()
})

describe('formatters', () => {
  it('formatDateTime shows Nairobi time on the 24-hour clock whatever the machine’s zone', () => {
    // 21:30 UTC is half past midnight the next day in Nairobi.
    expect(formatDateTime(Date.parse('2026-12-13T21:30:00Z'))).toBe('14 Dec 2026, 00:30')
    expect(formatDateTime(null)).toBe('—')
  })

  it('formatDay writes a calendar date with its weekday, and leaves what is not a date as it was', () => {
    expect(formatDay('2026-12-14')).toBe('Mon, 14 Dec 2026')
    expect(formatDay('2028-02-29')).toBe('Tue, 29 Feb 2028')
    expect(formatDay('not a date')).toBe('not a date')
  })

  it('formatDate writes a calendar date for a chart axis in the window language, and leaves what is not a date', () => {
    expect(formatDate('2026-12-14')).toBe('14 Dec 2026')
    setUiLanguage('sw')
    try {
      expect(formatDate('2026-12-14')).toBe('14 Des 2026')
    } finally {
      setUiLanguage('en')
    }
    expect(formatDate('2026-13-40')).toBe('2026-13-40')
  })

  it('readyIn agrees with the count', () => {
    expect(readyIn(0)).toBe('ready the same day')
    expect(readyIn(1)).toBe('ready in 1 working day')
    expect(readyIn(10)).toBe('ready in 10 working days')
  })
})

describe('analytics periods on the Nairobi calendar', () => {
  it('nairobiToday turns over at 21:00 UTC', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.parse('2027-02-28T20:59:59Z'))
    expect(nairobiToday()).toBe('2027-02-28')
    vi.setSystemTime(Date.parse('2027-02-28T21:00:00Z'))
    expect(nairobiToday()).toBe('2027-03-01')
  })

  it('periodOf counts back whole days including today, across a leap day', () => {
    expect(periodOf('30', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-03-01' })
    expect(periodOf('365', '2028-12-31')).toEqual({ from: '2028-01-02', to: '2028-12-31' })
    // An unknown preset is the shortest one.
    expect(periodOf('7', '2027-03-02')).toEqual({ from: '2027-02-01', to: '2027-03-02' })
  })
})

describe('desk keys', () => {
  it('each desk keeps its Alt digit whatever the role, and a role’s missing desk has no key', () => {
    expect(itemsFor('clerk').map((i) => [i.id, i.key])).toEqual([
      ['counter', 1],
      ['settings', 5],
    ])
    expect(deskForKey('clerk', 5)?.id).toBe('settings')
    expect(deskForKey('clerk', 2)).toBeNull()
    expect(deskForKey('desk', 2)?.id).toBe('arrivals')
    expect(deskForKey('admin', 4)?.id).toBe('backlog')
    expect(deskForKey('admin', 6)).toBeNull()
  })
})

describe('form helpers', () => {
  it('zodValidate gives the first message of each field, and extra rules win', () => {
    const schema = z.object({
      name: z.string().min(1, 'Name is required').max(3, 'Too long'),
      age: z.number(),
    })
    const validate = zodValidate<{ name: string; age: unknown }>(schema, (v) => ({
      age: v.age === 0 ? 'Age cannot be 0' : undefined,
    }))
    expect(validate({ name: '', age: 0 })).toEqual({ name: 'Name is required', age: 'Age cannot be 0' })
    expect(validate({ name: 'Ann', age: 30 })).toEqual({})
  })

  it('focusFirstError focuses the first field in screen order that has an error, not the first named', () => {
    document.body.innerHTML = `<form>
      <input data-path="serviceCode"><input data-path="customerName"><input data-path="phone"></form>`
    const form = document.querySelector('form')
    focusFirstError(form, { phone: 'Phone is required', customerName: 'Name is required' })
    expect(document.activeElement?.getAttribute('data-path')).toBe('customerName')
    focusFirstError(form, {})
    expect(document.activeElement?.getAttribute('data-path')).toBe('customerName')
  })
})
