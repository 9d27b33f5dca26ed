import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KeyboardScanDetector, type KeyEventLike, type KeyScanResult } from '../../common/keyboard-scan'

/** Keydowns for `text` then Enter, `gapMs` apart, starting at `start`. */
function keys(text: string, gapMs: number, start = 1000): KeyEventLike[] {
  const events = [...text].map((key, i) => ({ key, time: start + i * gapMs }))
  return [...events, { key: 'Enter', time: start + [...text].length * gapMs }]
}

/** Feeds every event and returns the non-null results. */
function feed(detector: KeyboardScanDetector, events: readonly KeyEventLike[]): KeyScanResult[] {
  const out: KeyScanResult[] = []
  for (const e of events) {
    const r = detector.key(e)
    if (r !== null) out.push(r)
  }
  return out
}

describe('KeyboardScanDetector', () => {
  it('recognises a scanner burst of 12 digits at 5 ms ending in Enter', () => {
    const d = new KeyboardScanDetector()
    const events = keys('042036714272', 5)
    for (const e of events.slice(0, -1)) expect(d.key(e)).toBeNull()
    expect(d.key(events[events.length - 1] ?? { key: 'Enter', time: 0 })).toEqual({
      kind: 'scan',
      code: '042036714272',
    })
    expect(d.buffer).toBe('')
  })

  it('calls a person typing at 150 ms typing', () => {
    expect(feed(new KeyboardScanDetector(), keys('042036714272', 150))).toEqual([{ kind: 'typing' }])
  })

  it('calls a burst followed by a slow key typing, keeping the text until Enter', () => {
    const d = new KeyboardScanDetector()
    const burst = keys('0420367142', 5).slice(0, -1)
    feed(d, burst)
    expect(d.key({ key: '7', time: 1200 })).toBeNull()
    expect(d.buffer).toBe('04203671427')
    expect(d.key({ key: '2', time: 1205 })).toBeNull()
    expect(d.key({ key: 'Enter', time: 1210 })).toEqual({ kind: 'typing' })
  })

  it('calls a slow Enter after a burst typing (the gap before Enter counts)', () => {
    const d = new KeyboardScanDetector()
    feed(d, keys('042036714272', 5).slice(0, -1))
    expect(d.key({ key: 'Enter', time: 5000 })).toEqual({ kind: 'typing' })
  })

  it('uses the gap limit inclusively and honours options', () => {
    expect(feed(new KeyboardScanDetector(), keys('ABCDEF', 35))).toEqual([{ kind: 'scan', code: 'ABCDEF' }])
    expect(feed(new KeyboardScanDetector(), keys('ABCDEF', 36))).toEqual([{ kind: 'typing' }])
    expect(feed(new KeyboardScanDetector({ maxInterKeyMs: 60 }), keys('ABCDEF', 50))).toEqual([
      { kind: 'scan', code: 'ABCDEF' },
    ])
    expect(feed(new KeyboardScanDetector({ minLength: 3 }), keys('ABC', 5))).toEqual([
      { kind: 'scan', code: 'ABC' },
    ])
  })

  it('calls a burst shorter than minLength typing', () => {
    expect(feed(new KeyboardScanDetector(), keys('12345', 5))).toEqual([{ kind: 'typing' }])
    expect(feed(new KeyboardScanDetector(), keys('123456', 5))).toEqual([{ kind: 'scan', code: '123456' }])
    expect(feed(new KeyboardScanDetector(), [{ key: 'Enter', time: 1 }])).toEqual([{ kind: 'typing' }])
  })

  it('ignores Shift (scanners press it for capitals) but not editing keys', () => {
    const events: KeyEventLike[] = []
    let t = 0
    for (const ch of 'SLOT:W48-BC') {
      if (/[A-Z:]/.test(ch)) events.push({ key: 'Shift', time: (t += 2) })
      events.push({ key: ch, time: (t += 3) })
    }
    events.push({ key: 'Enter', time: t + 3 })
    expect(feed(new KeyboardScanDetector(), events)).toEqual([{ kind: 'scan', code: 'SLOT:W48-BC' }])

    const d = new KeyboardScanDetector()
    feed(d, keys('1234567', 5).slice(0, -1))
    d.key({ key: 'Backspace', time: 1036 })
    expect(d.buffer).toBe('123456')
    expect(d.key({ key: 'Enter', time: 1040 })).toEqual({ kind: 'typing' })

    const tab = new KeyboardScanDetector()
    feed(tab, keys('1234567', 5).slice(0, -1))
    tab.key({ key: 'Tab', time: 1036 })
    expect(tab.key({ key: 'Enter', time: 1040 })).toEqual({ kind: 'typing' })
  })

  it('starts afresh after each Enter, after Escape and after reset()', () => {
    const d = new KeyboardScanDetector()
    expect(feed(d, keys('hello world', 150, 0))).toEqual([{ kind: 'typing' }])
    expect(feed(d, keys('042036714272', 4, 10_000))).toEqual([{ kind: 'scan', code: '042036714272' }])
    feed(d, keys('999', 200, 20_000).slice(0, -1))
    d.reset()
    expect(d.buffer).toBe('')
    expect(feed(d, keys('ABCDEF', 5, 30_000))).toEqual([{ kind: 'scan', code: 'ABCDEF' }])
    feed(d, keys('999', 200, 40_000).slice(0, -1))
    d.key({ key: 'Escape', time: 41_000 })
    expect(feed(d, keys('ABCDEF', 5, 50_000))).toEqual([{ kind: 'scan', code: 'ABCDEF' }])
  })

  it('treats a clock going backwards as not a burst', () => {
    const d = new KeyboardScanDetector()
    feed(d, keys('123456', 5).slice(0, -1))
    d.key({ key: '7', time: 10 })
    expect(d.key({ key: 'Enter', time: 15 })).toEqual({ kind: 'typing' })
  })

  it('rejects nonsense options', () => {
    expect(() => new KeyboardScanDetector({ maxInterKeyMs: -1 })).toThrow(RangeError)
    expect(() => new KeyboardScanDetector({ minLength: 0 })).toThrow(RangeError)
    expect(() => new KeyboardScanDetector({ minLength: 2.5 })).toThrow(RangeError)
  })

  it('scans exactly when every gap is within the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Z]{6,30}$/),
        fc.array(
          fc.oneof(
            { arbitrary: fc.integer({ min: 0, max: 35 }), weight: 40 },
            { arbitrary: fc.integer({ min: 36, max: 200 }), weight: 1 },
          ),
          { minLength: 30, maxLength: 30 },
        ),
        (code, gaps) => {
          const d = new KeyboardScanDetector()
          let t = 0
          const used: number[] = []
          const events: KeyEventLike[] = [...code].map((key, i) => {
            if (i > 0) used.push(gaps[i] ?? 0)
            t += i > 0 ? (gaps[i] ?? 0) : 0
            return { key, time: t }
          })
          const last = gaps[0] ?? 0
          used.push(last)
          events.push({ key: 'Enter', time: t + last })
          const expected: KeyScanResult = used.every((g) => g <= 35)
            ? { kind: 'scan', code }
            : { kind: 'typing' }
          expect(feed(d, events)).toEqual([expected])
        },
      ),
    )
  })
})
