import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  COUNTER_CAPACITY,
  counterRemaining,
  counterWarning,
  dammCheckDigit,
  derivePermutationKey,
  describeTrackingNumber,
  formatTrackingNumber,
  isCounterExhausted,
  isDammValid,
  isValidPermutationKey,
  mintTrackingNumber,
  parseTrackingNumber,
  permuteCounter,
  unpermuteCounter,
} from '../../common/tracking-number'

const KEY_A = '0123456789abcdef0123456789abcdef'
const KEY_B = 'f00dfeedcafe1234deadbeef98765432'

const digitString = (length: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''))

const hexKey: fc.Arbitrary<string> = fc
  .uint8Array({ minLength: 16, maxLength: 16 })
  .map((bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''))

const withCheck = (body: string): string => `${body}${dammCheckDigit(body)}`

const MSG_CHECK = 'This is not a valid tracking number: a digit may be wrong or two digits swapped.'

describe('Damm check digit', () => {
  it('matches known vectors from the Damm algorithm literature', () => {
    expect(dammCheckDigit('572')).toBe(4)
    expect(isDammValid('5724')).toBe(true)
    expect(isDammValid('5723')).toBe(false)
    expect(dammCheckDigit('0')).toBe(0)
    expect(dammCheckDigit('0000000000')).toBe(0)
    // Single digit d: check digit is row 0 of the table, i.e. 0 3 1 7 5 9 8 6 4 2.
    expect(Array.from('0123456789', (d) => dammCheckDigit(d))).toEqual([0, 3, 1, 7, 5, 9, 8, 6, 4, 2])
  })

  it('rejects non-digit input to dammCheckDigit and treats it as invalid in isDammValid', () => {
    expect(() => dammCheckDigit('')).toThrow(RangeError)
    expect(() => dammCheckDigit('12a4')).toThrow(RangeError)
    expect(() => dammCheckDigit('１２')).toThrow(RangeError)
    expect(isDammValid('')).toBe(false)
    expect(isDammValid('0')).toBe(false)
    expect(isDammValid('57 24')).toBe(false)
  })

  it('appending the check digit always gives a valid string', () => {
    fc.assert(fc.property(digitString(11), (body) => isDammValid(withCheck(body))))
  })

  it('detects every single-digit substitution at every position (check digit included)', () => {
    fc.assert(
      fc.property(digitString(11), (body) => {
        const full = withCheck(body)
        for (let pos = 0; pos < full.length; pos++) {
          for (let d = 0; d <= 9; d++) {
            if (String(d) === full[pos]) continue
            const mutated = `${full.slice(0, pos)}${d}${full.slice(pos + 1)}`
            expect(isDammValid(mutated), `substitution at ${pos} of ${full} -> ${mutated}`).toBe(false)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('detects every adjacent transposition of two different digits (check digit included)', () => {
    fc.assert(
      fc.property(digitString(11), (body) => {
        const full = withCheck(body)
        for (let pos = 0; pos + 1 < full.length; pos++) {
          const a = full[pos]
          const b = full[pos + 1]
          if (a === b) continue
          const swapped = `${full.slice(0, pos)}${b}${a}${full.slice(pos + 2)}`
          expect(isDammValid(swapped), `swap at ${pos} of ${full} -> ${swapped}`).toBe(false)
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('counter permutation', () => {
  it('is a bijection on 0..999,999 for a fixed key (every output distinct and in range)', () => {
    const key = derivePermutationKey(KEY_A)
    const seen = new Uint8Array(COUNTER_CAPACITY)
    let duplicates = 0
    let outOfRange = 0
    for (let counter = 0; counter < COUNTER_CAPACITY; counter++) {
      const value = permuteCounter(counter, key)
      if (!Number.isInteger(value) || value < 0 || value >= COUNTER_CAPACITY) {
        outOfRange++
        continue
      }
      if (seen[value] === 1) duplicates++
      seen[value] = 1
    }
    expect(outOfRange).toBe(0)
    expect(duplicates).toBe(0)
    expect(seen.every((bit) => bit === 1)).toBe(true)
  })

  it('unpermute(permute(x)) === x for random keys and counters', () => {
    fc.assert(
      fc.property(hexKey, fc.integer({ min: 0, max: COUNTER_CAPACITY - 1 }), (key, counter) => {
        const permuted = permuteCounter(counter, key)
        expect(permuted).toBeGreaterThanOrEqual(0)
        expect(permuted).toBeLessThan(COUNTER_CAPACITY)
        expect(unpermuteCounter(permuted, key)).toBe(counter)
        expect(permuteCounter(unpermuteCounter(counter, key), key)).toBe(counter)
      }),
      { numRuns: 1000 },
    )
  })

  it('the string key and its derived PermutationKey give the same permutation; hex case does not matter', () => {
    const derived = derivePermutationKey(KEY_B)
    for (const counter of [0, 1, 2, 999, 1000, 123_456, 999_999]) {
      const expected = permuteCounter(counter, KEY_B)
      expect(permuteCounter(counter, derived)).toBe(expected)
      expect(permuteCounter(counter, KEY_B.toUpperCase())).toBe(expected)
    }
  })

  it('different keys give different sequences', () => {
    const seqA = Array.from({ length: 100 }, (_, i) => permuteCounter(i, KEY_A))
    const seqB = Array.from({ length: 100 }, (_, i) => permuteCounter(i, KEY_B))
    const same = seqA.filter((v, i) => v === seqB[i]).length
    expect(same).toBeLessThan(3)

    fc.assert(
      fc.property(hexKey, hexKey, (k1, k2) => {
        fc.pre(k1 !== k2)
        const s1 = Array.from({ length: 20 }, (_, i) => permuteCounter(i, k1))
        const s2 = Array.from({ length: 20 }, (_, i) => permuteCounter(i, k2))
        expect(s1).not.toEqual(s2)
      }),
      { numRuns: 200 },
    )
  })

  it('consecutive counters do not produce consecutive outputs', () => {
    for (const key of [KEY_A, KEY_B]) {
      const derived = derivePermutationKey(key)
      let adjacent = 0
      let previous = permuteCounter(0, derived)
      for (let counter = 1; counter < 1000; counter++) {
        const value = permuteCounter(counter, derived)
        if (Math.abs(value - previous) === 1) adjacent++
        previous = value
      }
      expect(adjacent).toBeLessThan(10)
    }
  })

  it('throws RangeError for counters outside 0..999,999 or not whole numbers', () => {
    for (const bad of [-1, COUNTER_CAPACITY, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => permuteCounter(bad, KEY_A)).toThrow(RangeError)
      expect(() => unpermuteCounter(bad, KEY_A)).toThrow(RangeError)
    }
  })

  it('validates keys: exactly 32 hex characters', () => {
    expect(isValidPermutationKey(KEY_A)).toBe(true)
    expect(isValidPermutationKey(KEY_A.toUpperCase())).toBe(true)
    for (const bad of ['', 'abc', `${KEY_A}0`, KEY_A.slice(1), `g${KEY_A.slice(1)}`, ` ${KEY_A.slice(1)}`]) {
      expect(isValidPermutationKey(bad)).toBe(false)
      expect(() => permuteCounter(0, bad)).toThrow(RangeError)
      expect(() => unpermuteCounter(0, bad)).toThrow(RangeError)
      expect(() => derivePermutationKey(bad)).toThrow(/32 hexadecimal characters/)
    }
  })
})

describe('minting', () => {
  it('lays out centre, slot, six permuted digits and a Damm check digit', () => {
    const tn = mintTrackingNumber({ centreNumber: '042', workstationSlot: '10', counter: 7, key: KEY_A })
    expect(tn).toMatch(/^[0-9]{12}$/)
    expect(tn.slice(0, 3)).toBe('042')
    expect(tn.slice(3, 5)).toBe('10')
    expect(Number(tn.slice(5, 11))).toBe(permuteCounter(7, KEY_A))
    expect(Number(tn.slice(11))).toBe(dammCheckDigit(tn.slice(0, 11)))
    expect(describeTrackingNumber(tn)).toEqual({ centreNumber: '042', workstationSlot: '10' })
    expect(describeTrackingNumber(formatTrackingNumber(tn))).toEqual({
      centreNumber: '042',
      workstationSlot: '10',
    })
  })

  it.each([
    ['the same key', KEY_A, KEY_A],
    ['different keys', KEY_A, KEY_B],
  ])(
    'two workstations of one centre (%s) never collide over 20,000 counters; all valid',
    (_label, key1, key2) => {
      const N = 20_000
      const all = new Set<string>()
      let minted = 0
      for (const [slot, key] of [
        ['01', key1],
        ['02', key2],
      ] as const) {
        for (let counter = 0; counter <= N; counter++) {
          const tn = mintTrackingNumber({ centreNumber: '421', workstationSlot: slot, counter, key })
          minted++
          all.add(tn)
          if (!isDammValid(tn)) throw new Error(`minted an invalid number ${tn}`)
          const parsed = parseTrackingNumber(formatTrackingNumber(tn))
          if (!parsed.ok || parsed.value !== tn) throw new Error(`round trip failed for ${tn}`)
        }
      }
      expect(minted).toBe(2 * (N + 1))
      expect(all.size).toBe(minted)
    },
  )

  it('round-trips format -> parse for random inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: COUNTER_CAPACITY - 1 }),
        hexKey,
        (centre, slot, counter, key) => {
          const tn = mintTrackingNumber({
            centreNumber: String(centre).padStart(3, '0'),
            workstationSlot: String(slot).padStart(2, '0'),
            counter,
            key,
          })
          const formatted = formatTrackingNumber(tn)
          expect(formatted).toMatch(/^[0-9]{4} [0-9]{4} [0-9]{4}$/)
          expect(parseTrackingNumber(formatted)).toEqual({ ok: true, value: tn })
          expect(unpermuteCounter(Number(tn.slice(5, 11)), key)).toBe(counter)
        },
      ),
    )
  })

  it('throws RangeError for a bad centre number', () => {
    for (const centreNumber of ['000', '42', '0421', 'abc', '', ' 42', '4.2']) {
      expect(() =>
        mintTrackingNumber({ centreNumber, workstationSlot: '01', counter: 0, key: KEY_A }),
      ).toThrow(RangeError)
    }
    expect(() =>
      mintTrackingNumber({ centreNumber: '000', workstationSlot: '01', counter: 0, key: KEY_A }),
    ).toThrow(/centre number must be three digits from 001 to 999/)
  })

  it('throws RangeError for a bad workstation slot', () => {
    for (const workstationSlot of ['00', '1', '100', 'ab', '', '-1']) {
      expect(() =>
        mintTrackingNumber({ centreNumber: '421', workstationSlot, counter: 0, key: KEY_A }),
      ).toThrow(RangeError)
    }
    expect(() =>
      mintTrackingNumber({ centreNumber: '421', workstationSlot: '00', counter: 0, key: KEY_A }),
    ).toThrow(/workstation slot must be two digits from 01 to 99/)
  })

  it('throws RangeError for a bad counter or key', () => {
    for (const counter of [-1, COUNTER_CAPACITY, 2.5, Number.NaN]) {
      expect(() =>
        mintTrackingNumber({ centreNumber: '421', workstationSlot: '01', counter, key: KEY_A }),
      ).toThrow(RangeError)
    }
    expect(() =>
      mintTrackingNumber({ centreNumber: '421', workstationSlot: '01', counter: 0, key: 'nope' }),
    ).toThrow(RangeError)
  })
})

describe('formatting and parsing', () => {
  const VALID = withCheck('04210738519')
  const FORMATTED = `${VALID.slice(0, 4)} ${VALID.slice(4, 8)} ${VALID.slice(8)}`

  it('formats as three groups of four', () => {
    expect(formatTrackingNumber(VALID)).toBe(FORMATTED)
    expect(formatTrackingNumber(FORMATTED)).toBe(FORMATTED)
    expect(() => formatTrackingNumber('12345')).toThrow(RangeError)
    expect(() => formatTrackingNumber('abcdabcdabcd')).toThrow(RangeError)
  })

  it('accepts spaces, hyphens, dots and surrounding whitespace', () => {
    const [a, b, c] = [VALID.slice(0, 4), VALID.slice(4, 8), VALID.slice(8)]
    for (const input of [
      VALID,
      `${a}-${b}-${c}`,
      `${a}.${b}.${c}`,
      ` ${a} ${b} ${c} `,
      `\t${a} ${b}  ${c}\n`,
      `${a} - ${b} . ${c}`,
    ]) {
      expect(parseTrackingNumber(input), JSON.stringify(input)).toEqual({ ok: true, value: VALID })
    }
  })

  it('reports an empty input', () => {
    for (const input of ['', '   ', ' - . ']) {
      expect(parseTrackingNumber(input)).toEqual({
        ok: false,
        reason: 'empty',
        message: 'Enter a tracking number.',
      })
    }
  })

  it('reports letters and other characters', () => {
    for (const input of [
      '0421 0738 519O',
      'abcd efgh ijkl',
      '0421/0738/5192',
      '０４２１０７３８５１９２',
      '+254712345678',
    ]) {
      expect(parseTrackingNumber(input)).toEqual({
        ok: false,
        reason: 'characters',
        message: 'A tracking number has digits only.',
      })
    }
  })

  it('reports the wrong number of digits with the count', () => {
    expect(parseTrackingNumber(VALID.slice(0, 11))).toEqual({
      ok: false,
      reason: 'length',
      message: 'A tracking number has 12 digits; this has 11.',
    })
    expect(parseTrackingNumber(`${FORMATTED}0`)).toEqual({
      ok: false,
      reason: 'length',
      message: 'A tracking number has 12 digits; this has 13.',
    })
    expect(parseTrackingNumber('7')).toEqual({
      ok: false,
      reason: 'length',
      message: 'A tracking number has 12 digits; this has 1.',
    })
  })

  it('reports a wrong check digit, a wrong digit and a swap', () => {
    const last = Number(VALID.slice(11))
    const wrongCheck = `${VALID.slice(0, 11)}${(last + 1) % 10}`
    const wrongDigit = `${(Number(VALID[0]) + 5) % 10}${VALID.slice(1)}`
    const swapped = `${VALID.slice(0, 5)}${VALID[6]}${VALID[5]}${VALID.slice(7)}`
    expect(VALID[5]).not.toBe(VALID[6])
    for (const input of [wrongCheck, wrongDigit, swapped, formatTrackingNumber(wrongCheck)]) {
      expect(parseTrackingNumber(input)).toEqual({ ok: false, reason: 'check', message: MSG_CHECK })
    }
  })

  it('describeTrackingNumber throws for an invalid number', () => {
    expect(() => describeTrackingNumber('1234')).toThrow(RangeError)
  })
})

describe('counter capacity', () => {
  it('counts remaining numbers and flags exhaustion', () => {
    expect(COUNTER_CAPACITY).toBe(1_000_000)
    expect(counterRemaining(0)).toBe(1_000_000)
    expect(counterRemaining(999_999)).toBe(1)
    expect(counterRemaining(1_000_000)).toBe(0)
    expect(counterRemaining(1_000_005)).toBe(0)
    expect(isCounterExhausted(0)).toBe(false)
    expect(isCounterExhausted(999_999)).toBe(false)
    expect(isCounterExhausted(1_000_000)).toBe(true)
    for (const bad of [-1, 0.5, Number.NaN]) {
      expect(() => counterRemaining(bad)).toThrow(RangeError)
      expect(() => counterWarning(bad)).toThrow(RangeError)
      expect(() => isCounterExhausted(bad)).toThrow(RangeError)
    }
  })

  it('warns only once fewer than 100,000 numbers remain, and says a new slot is needed', () => {
    expect(counterWarning(0)).toBeNull()
    expect(counterWarning(500_000)).toBeNull()
    expect(counterWarning(900_000)).toBeNull()

    const first = counterWarning(900_001)
    expect(first).toEqual({
      remaining: 99_999,
      message:
        'This workstation has 99,999 tracking numbers left. It needs a new workstation slot before it runs out.',
    })

    const last = counterWarning(999_999)
    expect(last?.remaining).toBe(1)
    expect(last?.message).toBe(
      'This workstation has 1 tracking number left. It needs a new workstation slot before it runs out.',
    )

    const out = counterWarning(1_000_000)
    expect(out?.remaining).toBe(0)
    expect(out?.message).toMatch(/used all its tracking numbers/)
    expect(out?.message).toMatch(/new workstation slot/)
  })

  it('the last counter value mints; the exhausted one throws', () => {
    const lastCounter = COUNTER_CAPACITY - 1
    expect(isCounterExhausted(lastCounter)).toBe(false)
    expect(
      isDammValid(
        mintTrackingNumber({ centreNumber: '999', workstationSlot: '99', counter: lastCounter, key: KEY_A }),
      ),
    ).toBe(true)
    expect(isCounterExhausted(COUNTER_CAPACITY)).toBe(true)
    expect(() =>
      mintTrackingNumber({
        centreNumber: '999',
        workstationSlot: '99',
        counter: COUNTER_CAPACITY,
        key: KEY_A,
      }),
    ).toThrow(RangeError)
  })
})
