import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ALL_FIXED_SLOTS_FULL_MESSAGE,
  SLOT_LABEL_PREFIX,
  assignSlot,
  isValidSlot,
  isoWeek,
  parseSlotLabel,
  serviceBin,
  slotSchemeSchema,
  type SlotScheme,
} from '../../common/shelf-slot'

const DAY_MS = 86_400_000
const ymd = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** Independent ISO-week reference: the week holding 4 January is week 1, weeks start on Monday. */
function referenceIsoWeek(date: string): { year: number; week: number } {
  const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS
  const mondayOf = (d: number): number => d - ((new Date(d * DAY_MS).getUTCDay() + 6) % 7)
  const monday = mondayOf(day)
  for (const year of [Number(date.slice(0, 4)) + 1, Number(date.slice(0, 4)), Number(date.slice(0, 4)) - 1]) {
    const week1 = mondayOf(Date.UTC(year, 0, 4) / DAY_MS)
    if (monday >= week1) return { year, week: (monday - week1) / 7 + 1 }
  }
  throw new Error('unreachable')
}

describe('slot labels', () => {
  it('accepts <1-4>-<1-4> capitals and digits only', () => {
    for (const ok of ['W48-BC', 'B-07', 'W01-SHA', 'ABCD-1234', 'A-B']) expect(isValidSlot(ok)).toBe(true)
    for (const bad of [
      '',
      'B07',
      'b-07',
      'ABCDE-1',
      'A-12345',
      '-A',
      'A-',
      'A--B',
      'A-B-C',
      ' B-07',
      'W48-B C',
    ]) {
      expect(isValidSlot(bad)).toBe(false)
    }
  })

  it('reads SLOT:<label> barcodes, in any case, and nothing else', () => {
    expect(SLOT_LABEL_PREFIX).toBe('SLOT:')
    expect(parseSlotLabel('SLOT:W48-BC')).toBe('W48-BC')
    expect(parseSlotLabel('  SLOT:B-07\r\n')).toBe('B-07')
    expect(parseSlotLabel('slot:w48-bc')).toBe('W48-BC')
    expect(parseSlotLabel('SLOT: B-07')).toBe('B-07')
    for (const bad of [
      'B-07',
      'SLOT:',
      'SLOT:B07',
      'SLOT:ABCDE-1',
      'SLOTB-07',
      'XSLOT:B-07',
      'SLOT:B-07-1',
    ]) {
      expect(parseSlotLabel(bad)).toBeNull()
    }
  })
})

describe('slotSchemeSchema', () => {
  const issues = (input: unknown): string[] => {
    const r = slotSchemeSchema.safeParse(input)
    return r.success ? [] : r.error.issues.map((i) => i.message)
  }

  it('accepts both schemes', () => {
    expect(slotSchemeSchema.parse({ kind: 'week-service' })).toEqual({ kind: 'week-service' })
    const fixed = { kind: 'fixed', slots: [{ label: 'B-07', capacity: 40 }] }
    expect(slotSchemeSchema.parse(fixed)).toEqual(fixed)
  })

  it('is strict about keys and kinds', () => {
    expect(issues({ kind: 'week-service', slots: [] })).not.toEqual([])
    expect(issues({ kind: 'fixed', slots: [{ label: 'B-07', capacity: 4, colour: 'red' }] })).not.toEqual([])
    expect(issues({ kind: 'by-colour' })).not.toEqual([])
    expect(issues(null)).not.toEqual([])
  })

  it('needs at least one fixed slot, unique labels and capacity 1..500', () => {
    expect(issues({ kind: 'fixed', slots: [] })).toEqual(['A fixed scheme needs at least one slot'])
    expect(issues({ kind: 'fixed' })).not.toEqual([])
    expect(
      issues({
        kind: 'fixed',
        slots: [
          { label: 'B-07', capacity: 5 },
          { label: 'B-08', capacity: 5 },
          { label: 'B-07', capacity: 9 },
        ],
      }),
    ).toEqual(['Slot B-07 appears more than once'])
    expect(issues({ kind: 'fixed', slots: [{ label: 'B-07', capacity: 0 }] })).toEqual([
      'Slot capacity is at least 1 document',
    ])
    expect(issues({ kind: 'fixed', slots: [{ label: 'B-07', capacity: 501 }] })).toEqual([
      'Slot capacity is at most 500 documents',
    ])
    expect(issues({ kind: 'fixed', slots: [{ label: 'B-07', capacity: 2.5 }] })).toEqual([
      'Slot capacity is a whole number of documents',
    ])
    expect(issues({ kind: 'fixed', slots: [{ label: 'B-07', capacity: 500 }] })).toEqual([])
    expect(issues({ kind: 'fixed', slots: [{ label: 'b-07', capacity: 5 }] })).toHaveLength(1)
  })
})

describe('isoWeek', () => {
  it('handles year boundaries', () => {
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 })
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 })
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 })
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 })
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 })
    expect(isoWeek('2024-12-29')).toEqual({ year: 2024, week: 52 })
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 })
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 })
    expect(isoWeek('2026-11-26')).toEqual({ year: 2026, week: 48 })
    expect(isoWeek('1969-12-31')).toEqual({ year: 1970, week: 1 })
  })

  it('agrees with an independent reference for every day over 400 years', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 120_000 }), (day) => {
        const date = ymd(day)
        expect(isoWeek(date)).toEqual(referenceIsoWeek(date))
      }),
      { numRuns: 2000 },
    )
  })

  it('rejects what is not a calendar date', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-11-26', '2026-1-5', '', '2026-11-26T00:00']) {
      expect(() => isoWeek(bad)).toThrow(RangeError)
    }
  })
})

describe('serviceBin', () => {
  it('has fixed bins for the default catalogue', () => {
    expect({
      ID_NEW: serviceBin('ID_NEW'),
      ID_REPLACEMENT: serviceBin('ID_REPLACEMENT'),
      BIRTH_CERT: serviceBin('BIRTH_CERT'),
      DEATH_CERT: serviceBin('DEATH_CERT'),
      GOOD_CONDUCT: serviceBin('GOOD_CONDUCT'),
      SMART_DL: serviceBin('SMART_DL'),
      PASSPORT: serviceBin('PASSPORT'),
      MARRIAGE_CERT: serviceBin('MARRIAGE_CERT'),
      BUSINESS_REG: serviceBin('BUSINESS_REG'),
      SHA_CARD: serviceBin('SHA_CARD'),
      KRA_PIN: serviceBin('KRA_PIN'),
    }).toEqual({
      ID_NEW: 'ID',
      ID_REPLACEMENT: 'IDR',
      BIRTH_CERT: 'BC',
      DEATH_CERT: 'DC',
      GOOD_CONDUCT: 'GC',
      SMART_DL: 'DL',
      PASSPORT: 'PP',
      MARRIAGE_CERT: 'MC',
      BUSINESS_REG: 'BR',
      SHA_CARD: 'SHA',
      KRA_PIN: 'KRA',
    })
  })

  it('derives other bins from the code: initials of its parts, at most 4', () => {
    expect(serviceBin('NHIF_CARD')).toBe('NC')
    expect(serviceBin('LAND_TITLE_SEARCH')).toBe('LTS')
    expect(serviceBin('A_B_C_D_E_F')).toBe('ABCD')
    expect(serviceBin('NHIF')).toBe('NHIF')
    expect(serviceBin('NSSFREG')).toBe('NSSF')
    expect(serviceBin('_X__2ND_')).toBe('X2')
    expect(serviceBin('__')).toBe('X')
  })

  it('always gives a valid, stable bin for any valid service code', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9_]{2,24}$/), (code) => {
        const bin = serviceBin(code)
        expect(bin).toMatch(/^[A-Z0-9]{1,4}$/)
        expect(serviceBin(code)).toBe(bin)
        expect(isValidSlot(`W01-${bin}`)).toBe(true)
      }),
    )
  })
})

describe('assignSlot', () => {
  const week: SlotScheme = { kind: 'week-service' }
  const fixed: SlotScheme = {
    kind: 'fixed',
    slots: [
      { label: 'B-07', capacity: 2 },
      { label: 'B-08', capacity: 1 },
      { label: 'C-01', capacity: 3 },
    ],
  }

  it('puts a document on its arrival-week shelf in its service bin', () => {
    expect(assignSlot(week, { arrivedOn: '2026-11-26', serviceCode: 'BIRTH_CERT', occupancy: {} })).toEqual({
      ok: true,
      slot: 'W48-BC',
    })
    expect(assignSlot(week, { arrivedOn: '2027-01-05', serviceCode: 'SHA_CARD', occupancy: {} })).toEqual({
      ok: true,
      slot: 'W01-SHA',
    })
    expect(assignSlot(week, { arrivedOn: '2027-01-01', serviceCode: 'ID_NEW', occupancy: {} })).toEqual({
      ok: true,
      slot: 'W53-ID',
    })
  })

  it('keeps one week of arrivals on one shelf, Monday to Sunday', () => {
    const days = ['2026-11-23', '2026-11-25', '2026-11-29']
    const slots = days.map((arrivedOn) =>
      assignSlot(week, { arrivedOn, serviceCode: 'PASSPORT', occupancy: {} }),
    )
    expect(slots).toEqual(days.map(() => ({ ok: true, slot: 'W48-PP' })))
    expect(assignSlot(week, { arrivedOn: '2026-11-30', serviceCode: 'PASSPORT', occupancy: {} })).toEqual({
      ok: true,
      slot: 'W49-PP',
    })
  })

  it('always yields a valid label in the week-service scheme', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60_000 }),
        fc.stringMatching(/^[A-Z0-9_]{2,24}$/),
        (day, serviceCode) => {
          const r = assignSlot(week, { arrivedOn: ymd(day), serviceCode, occupancy: {} })
          expect(r.ok && isValidSlot(r.slot)).toBe(true)
        },
      ),
    )
  })

  it('reports a bad arrival date instead of throwing', () => {
    const r = assignSlot(week, { arrivedOn: '2026-02-30', serviceCode: 'ID_NEW', occupancy: {} })
    expect(r).toEqual({ ok: false, message: 'Not a calendar date: 2026-02-30' })
  })

  it('fills fixed slots in listed order, counting missing occupancy as empty', () => {
    const at = (occupancy: Record<string, number>) =>
      assignSlot(fixed, { arrivedOn: '2026-11-26', serviceCode: 'ID_NEW', occupancy })
    expect(at({})).toEqual({ ok: true, slot: 'B-07' })
    expect(at({ 'B-07': 1 })).toEqual({ ok: true, slot: 'B-07' })
    expect(at({ 'B-07': 2 })).toEqual({ ok: true, slot: 'B-08' })
    expect(at({ 'B-07': 2, 'B-08': 1 })).toEqual({ ok: true, slot: 'C-01' })
    expect(at({ 'B-07': 0, 'B-08': 1, 'C-01': 3 })).toEqual({ ok: true, slot: 'B-07' })
    expect(at({ 'B-07': 5, 'B-08': 1, 'C-01': 3 })).toEqual({
      ok: false,
      message: ALL_FIXED_SLOTS_FULL_MESSAGE,
    })
    expect(ALL_FIXED_SLOTS_FULL_MESSAGE).toBe(
      'All fixed shelf slots are full: add slots or switch to the arrival-week scheme.',
    )
  })
})
