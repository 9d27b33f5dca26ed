import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ALL_FIXED_SLOTS_FULL_MESSAGE,
  SLOT_LABEL_PREFIX,
  assignSlot,
  isValidSlot,
  isoWeek,
  legacyWeekLabel,
  normaliseSlot,
  parseSlotLabel,
  SLOT_NAME_MESSAGE,
  serviceBin,
  slotNameSchema,
  slotSchemeSchema,
  slotsForLabel,
  upgradeLegacyWeekSlot,
  weekSlotLabel,
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
  it("accepts the centre's own shelf names: capitals, digits, single spaces, - / . up to 20 characters", () => {
    for (const ok of [
      '26W48-BC',
      'W48-BC',
      'B-07',
      'A-07',
      'BOX 3',
      'W49-OVERFLOW',
      '26W49-OVERFLOW',
      'SHELF 2/3',
      'R.1',
      'A',
      '7',
      'A'.repeat(20),
    ])
      expect(isValidSlot(ok), ok).toBe(true)
    for (const bad of [
      '',
      'b-07',
      '-A',
      'A-',
      ' B-07',
      'B-07 ',
      'BOX  3',
      'A'.repeat(21),
      'BOX#3',
      "O'BRIEN",
      'BOX_3',
      'SLOT:B-07',
      'Ä-1',
    ]) {
      expect(isValidSlot(bad), bad).toBe(false)
    }
  })

  it('normalises a typed name (trim, one space, capitals) and refuses junk with a message that says what a slot is', () => {
    expect(normaliseSlot('  box   3 ')).toBe('BOX 3')
    expect(normaliseSlot('w49-overflow')).toBe('W49-OVERFLOW')
    expect(normaliseSlot('a-07')).toBe('A-07')
    expect(normaliseSlot('26w50-gc')).toBe('26W50-GC')
    for (const junk of ['', '   ', '***', 'A&B', '-', 'x'.repeat(21), 'BOX 3!'])
      expect(normaliseSlot(junk)).toBeNull()
    expect(slotNameSchema.parse(' box 3 ')).toBe('BOX 3')
    const r = slotNameSchema.safeParse('shelf #7')
    expect(r.success ? null : r.error.issues[0]?.message).toBe(SLOT_NAME_MESSAGE)
    expect(SLOT_NAME_MESSAGE).toBe(
      'A shelf slot is 1 to 20 letters, digits, spaces, - / or . (starting and ending with a letter or digit), e.g. A-07, BOX 3 or 26W49-OVERFLOW',
    )
    const empty = slotNameSchema.safeParse('  ')
    expect(empty.success ? null : empty.error.issues[0]?.message).toBe('Shelf slot is required')
  })

  it('reads SLOT:<label> barcodes, in any case, and nothing else', () => {
    expect(SLOT_LABEL_PREFIX).toBe('SLOT:')
    expect(parseSlotLabel('SLOT:26W48-BC')).toBe('26W48-BC')
    expect(parseSlotLabel('SLOT:W48-BC')).toBe('W48-BC')
    expect(parseSlotLabel('  SLOT:B-07\r\n')).toBe('B-07')
    expect(parseSlotLabel('slot:26w48-bc')).toBe('26W48-BC')
    expect(parseSlotLabel('SLOT: B-07')).toBe('B-07')
    expect(parseSlotLabel('SLOT:BOX 3')).toBe('BOX 3')
    expect(parseSlotLabel('SLOT:w49-overflow')).toBe('W49-OVERFLOW')
    for (const bad of [
      'B-07',
      'SLOT:',
      'SLOT:***',
      'SLOTB-07',
      'XSLOT:B-07',
      'SLOT:-B',
      `SLOT:${'A'.repeat(21)}`,
    ]) {
      expect(parseSlotLabel(bad)).toBeNull()
    }
  })

  it('round-trips every normalised name through its SLOT: label', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ./-]{0,18}[A-Za-z0-9]$/), (typed) => {
        const slot = normaliseSlot(typed)
        expect(slot).not.toBeNull()
        if (slot !== null) expect(parseSlotLabel(`${SLOT_LABEL_PREFIX}${slot}`)).toBe(slot)
      }),
    )
  })
})

describe('year-carrying week labels', () => {
  it('are <YY>W<WW>-<bin>, with the ISO week-year, at most 10 characters', () => {
    expect(weekSlotLabel(2026, 48, 'BC')).toBe('26W48-BC')
    expect(weekSlotLabel(2025, 1, 'SHA')).toBe('25W01-SHA')
    expect(weekSlotLabel(2100, 53, 'NHIF')).toBe('00W53-NHIF')
    expect(weekSlotLabel(2099, 9, 'NHIF')).toHaveLength(10)
  })

  it('reads the old form as a week and bin, and nothing else', () => {
    expect(legacyWeekLabel('W48-BC')).toEqual({ week: 48, bin: 'BC' })
    expect(legacyWeekLabel('W01-SHA')).toEqual({ week: 1, bin: 'SHA' })
    for (const not of ['26W48-BC', 'W00-BC', 'W54-BC', 'W48-OVERFLOW', 'B-07', 'W4-BC'])
      expect(legacyWeekLabel(not)).toBeNull()
  })

  it('upgrades an old week slot with the ISO week-year of the arrival, around New Year too', () => {
    // 30 Dec 2024 is in ISO week 1 of 2025.
    expect(upgradeLegacyWeekSlot('W01-BC', '2024-12-30', 'BIRTH_CERT')).toBe('25W01-BC')
    // 1 Jan 2027 is in ISO week 53 of 2026.
    expect(upgradeLegacyWeekSlot('W53-ID', '2027-01-01', 'ID_NEW')).toBe('26W53-ID')
    expect(upgradeLegacyWeekSlot('W50-GC', '2021-12-14', 'GOOD_CONDUCT')).toBe('21W50-GC')
    // Moved to last week's shelf just after New Year: the nearest week 52 is the previous year's.
    expect(upgradeLegacyWeekSlot('W52-PP', '2027-01-06', 'PASSPORT')).toBe('26W52-PP')
    // Week 53 exists in 2026 but not in 2025 or 2027.
    expect(upgradeLegacyWeekSlot('W53-PP', '2027-06-01', 'PASSPORT')).toBe('26W53-PP')
  })

  it('leaves fixed slots, other bins and new labels alone', () => {
    expect(upgradeLegacyWeekSlot('W48-BC', '2026-11-26', 'PASSPORT')).toBe('W48-BC')
    expect(upgradeLegacyWeekSlot('B-07', '2026-11-26', 'PASSPORT')).toBe('B-07')
    expect(upgradeLegacyWeekSlot('26W48-PP', '2026-11-26', 'PASSPORT')).toBe('26W48-PP')
    expect(upgradeLegacyWeekSlot('W48-PP', 'not a date', 'PASSPORT')).toBe('W48-PP')
  })

  it('gives what assignSlot gives for the same arrival, on every day over 60 years', () => {
    for (let day = 0; day < 60 * 366; day += 1) {
      const arrivedOn = ymd(day)
      const now = assignSlot(
        { kind: 'week-service' },
        { arrivedOn, serviceCode: 'BIRTH_CERT', occupancy: {} },
      )
      const old = `W${String(isoWeek(arrivedOn).week).padStart(2, '0')}-BC`
      expect(now.ok && upgradeLegacyWeekSlot(old, arrivedOn, 'BIRTH_CERT')).toBe(now.ok && now.slot)
    }
  })

  it('an old shelf label stands for its week and bin of every year; other labels for themselves', () => {
    const all = slotsForLabel('W50-GC')
    expect(all).toContain('W50-GC')
    expect(all).toContain('21W50-GC')
    expect(all).toContain('26W50-GC')
    expect(all).not.toContain('26W51-GC')
    expect(all).toHaveLength(101)
    expect(slotsForLabel('26W50-GC')).toEqual(['26W50-GC'])
    expect(slotsForLabel('BOX 3')).toEqual(['BOX 3'])
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
    // The centre's own names, normalised; junk refused with the slot message.
    expect(slotSchemeSchema.parse({ kind: 'fixed', slots: [{ label: ' box 3', capacity: 5 }] })).toEqual({
      kind: 'fixed',
      slots: [{ label: 'BOX 3', capacity: 5 }],
    })
    expect(issues({ kind: 'fixed', slots: [{ label: 'b-07!', capacity: 5 }] })).toEqual([SLOT_NAME_MESSAGE])
    expect(
      issues({
        kind: 'fixed',
        slots: [
          { label: 'box 3', capacity: 5 },
          { label: 'BOX 3', capacity: 5 },
        ],
      }),
    ).toEqual(['Slot BOX 3 appears more than once'])
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
        expect(isValidSlot(`26W01-${bin}`)).toBe(true)
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
      slot: '26W48-BC',
    })
    expect(assignSlot(week, { arrivedOn: '2027-01-05', serviceCode: 'SHA_CARD', occupancy: {} })).toEqual({
      ok: true,
      slot: '27W01-SHA',
    })
    // ISO week-year, not the calendar year: 1 Jan 2027 is week 53 of 2026, 30 Dec 2024 week 1 of 2025.
    expect(assignSlot(week, { arrivedOn: '2027-01-01', serviceCode: 'ID_NEW', occupancy: {} })).toEqual({
      ok: true,
      slot: '26W53-ID',
    })
    expect(assignSlot(week, { arrivedOn: '2024-12-30', serviceCode: 'ID_NEW', occupancy: {} })).toEqual({
      ok: true,
      slot: '25W01-ID',
    })
  })

  it('gives the same week of different years different labels', () => {
    const slotOn = (arrivedOn: string) =>
      assignSlot(week, { arrivedOn, serviceCode: 'GOOD_CONDUCT', occupancy: {} })
    expect(slotOn('2021-12-14')).toEqual({ ok: true, slot: '21W50-GC' })
    expect(slotOn('2026-12-08')).toEqual({ ok: true, slot: '26W50-GC' })
  })

  it('keeps one week of arrivals on one shelf, Monday to Sunday', () => {
    const days = ['2026-11-23', '2026-11-25', '2026-11-29']
    const slots = days.map((arrivedOn) =>
      assignSlot(week, { arrivedOn, serviceCode: 'PASSPORT', occupancy: {} }),
    )
    expect(slots).toEqual(days.map(() => ({ ok: true, slot: '26W48-PP' })))
    expect(assignSlot(week, { arrivedOn: '2026-11-30', serviceCode: 'PASSPORT', occupancy: {} })).toEqual({
      ok: true,
      slot: '26W49-PP',
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
