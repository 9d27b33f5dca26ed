import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createSmsTexts,
  GSM7_BASIC,
  GSM7_EXTENDED,
  gsm7CentreName,
  gsm7Length,
  readyMessage,
  reminderMessage,
  smsSegments,
  type CollectionMessageInput,
  type MessageLanguage,
} from '../../common/sms'
import { centreName as centreNameField } from '../../common/contract/fields'
import { formatTrackingNumber } from '../../common/tracking-number'
import { addCalendarDays, toDayNumber } from '../../common/nairobi-time'
import { createReminderTexts } from '../../main/services/campaigns/reminder-text'

const TN1 = '042036714272'
const LONG_CENTRE =
  'Huduma Centre Nairobi Kenyatta Internatiönal Cönvention Céntre – Ground Floor • Wing “B” (Ñairobi Ŝouth)'

/** `n` distinct 12-digit numbers, the first being TN1. */
const numbers = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => (i === 0 ? TN1 : String(420_036_714_272 + i * 7919).padStart(12, '0')))

/** One GSM-7 segment, basic alphabet only (no extension characters, so no ESC pairs either). */
function expectOnePlainSegment(text: string): void {
  expect(smsSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 })
  expect(gsm7Length(text)).toBeLessThanOrEqual(160)
  for (const ch of text) expect(GSM7_BASIC.has(ch), `'${ch}' in ${JSON.stringify(text)}`).toBe(true)
}

describe('GSM-7 alphabet', () => {
  it('has the 127 characters of the default table (ESC excluded) and 10 extension characters', () => {
    expect(GSM7_BASIC.size).toBe(127)
    expect(GSM7_EXTENDED.size).toBe(10)
    for (const ch of GSM7_EXTENDED) expect(GSM7_BASIC.has(ch)).toBe(false)
    expect(GSM7_BASIC.has('\u001b')).toBe(false)
    // Greek capitals are the real Greek code points (not the look-alike Ohm sign etc.).
    for (const cp of [0x394, 0x3a6, 0x393, 0x39b, 0x3a9, 0x3a0, 0x3a8, 0x3a3, 0x398, 0x39e]) {
      expect(GSM7_BASIC.has(String.fromCodePoint(cp))).toBe(true)
    }
    for (const ch of 'ç`~©•’é') expect(GSM7_BASIC.has(ch)).toBe(ch === 'é')
  })

  it('counts extension characters as 2 septets', () => {
    expect(gsm7Length('')).toBe(0)
    expect(gsm7Length('Hello @ £5')).toBe(10)
    for (const ch of '{}[]~\\^|€') expect(gsm7Length(ch)).toBe(2)
    expect(gsm7Length('a{b}c')).toBe(7)
    expect(gsm7Length('€100')).toBe(5)
  })

  it('returns null outside GSM-7', () => {
    for (const text of ['😀', 'don’t', '“hi”', '•', 'ç', 'Ŝ', 'ā', '\u0000'])
      expect(gsm7Length(text)).toBeNull()
  })
})

describe('smsSegments', () => {
  it('fits 160 GSM-7 septets in one segment and splits at 153 beyond', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 1, units: 0 })
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 })
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 })
    expect(smsSegments('a'.repeat(306))).toEqual({ encoding: 'GSM-7', segments: 2, units: 306 })
    expect(smsSegments('a'.repeat(307))).toEqual({ encoding: 'GSM-7', segments: 3, units: 307 })
    expect(smsSegments('{'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 })
    expect(smsSegments(`${'a'.repeat(159)}€`)).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 })
  })

  it('never splits an escape pair across parts', () => {
    // 152 plain septets then '€': the pair cannot take the one septet left in part 1.
    const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`
    expect(smsSegments(text)).toEqual({ encoding: 'GSM-7', segments: 3, units: 306 })
  })

  it('falls back to UCS-2 for emoji and curly quotes: 70 per single, 67 per part', () => {
    expect(smsSegments('don’t')).toEqual({ encoding: 'UCS-2', segments: 1, units: 5 })
    expect(smsSegments('😀')).toEqual({ encoding: 'UCS-2', segments: 1, units: 2 })
    expect(smsSegments(`’${'a'.repeat(69)}`)).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 })
    expect(smsSegments(`’${'a'.repeat(70)}`)).toEqual({ encoding: 'UCS-2', segments: 2, units: 71 })
    expect(smsSegments(`’${'a'.repeat(133)}`)).toEqual({ encoding: 'UCS-2', segments: 2, units: 134 })
    expect(smsSegments(`’${'a'.repeat(134)}`)).toEqual({ encoding: 'UCS-2', segments: 3, units: 135 })
    // A surrogate pair that would straddle parts moves whole to the next part.
    expect(smsSegments(`${'a'.repeat(66)}😀${'a'.repeat(66)}`)).toEqual({
      encoding: 'UCS-2',
      segments: 3,
      units: 134,
    })
    expect(smsSegments(`${'a'.repeat(65)}😀${'a'.repeat(67)}`)).toEqual({
      encoding: 'UCS-2',
      segments: 2,
      units: 134,
    })
  })
})

describe('gsm7CentreName', () => {
  it('keeps plain names, drops a leading "Huduma Centre" and strips what is not plain GSM-7', () => {
    expect(gsm7CentreName('GPO')).toBe('GPO')
    expect(gsm7CentreName("Murang'a")).toBe("Murang'a")
    expect(gsm7CentreName('Huduma Centre Nyeri')).toBe('Nyeri')
    expect(gsm7CentreName('huduma center: Kisumu')).toBe('Kisumu')
    expect(gsm7CentreName('Hudumaville')).toBe('Hudumaville')
    expect(gsm7CentreName('Mombasa — Øld Town ’Cœur’')).toBe("Mombasa - Old Town 'Coeur'")
    expect(gsm7CentreName('Café  Élan\n[Wing] • ½ 😀')).toBe('Cafe Elan Wing 1 2')
    expect(gsm7CentreName('Ñairobi Ŝouth')).toBe('Nairobi South')
  })
})

describe('readyMessage and reminderMessage', () => {
  const base = { centreName: 'GPO', collectBy: '2027-02-14' } as const

  it('writes the English ready message for one document', () => {
    expect(readyMessage({ ...base, language: 'en', trackingNumbers: [TN1] })).toBe(
      'Huduma GPO: your document 0420 3671 4272 is ready for collection. Bring your ID and receipt. Collect by 14 Feb 2027.',
    )
  })

  it('writes the Kiswahili ready message for one document', () => {
    expect(readyMessage({ ...base, language: 'sw', trackingNumbers: ['0420 3671 4272'] })).toBe(
      'Huduma GPO: hati yako 0420 3671 4272 iko tayari kuchukuliwa. Leta kitambulisho na stakabadhi. Chukua kufikia 14 Feb 2027.',
    )
  })

  it('one set of texts words each message in its own customer’s language, whatever the one before it was', () => {
    const sms = createSmsTexts()
    const order: MessageLanguage[] = ['sw', 'en', 'en', 'sw', 'en']
    for (const language of order) {
      const input = { ...base, language, trackingNumbers: numbers(2) }
      expect(sms.ready(input)).toBe(readyMessage(input))
      expect(sms.reminder(input)).toBe(reminderMessage(input))
    }
    expect(sms.ready({ ...base, language: 'en', trackingNumbers: [TN1] })).toContain('your document')
    expect(sms.reminder({ ...base, language: 'sw', trackingNumbers: [TN1] })).toMatch(
      /^Huduma GPO ukumbusho: hati/,
    )
  })

  it('lists several documents and counts them', () => {
    const [a, b] = numbers(2).map(formatTrackingNumber)
    expect(readyMessage({ ...base, language: 'en', trackingNumbers: numbers(2) })).toBe(
      `Huduma GPO: your 2 documents (${a}, ${b}) are ready for collection. Bring your ID and receipt. Collect by 14 Feb 2027.`,
    )
    expect(readyMessage({ ...base, language: 'sw', trackingNumbers: numbers(2) })).toBe(
      `Huduma GPO: hati zako 2 (${a}, ${b}) ziko tayari kuchukuliwa. Leta kitambulisho na stakabadhi. Chukua kufikia 14 Feb 2027.`,
    )
  })

  it('lists a repeated number once', () => {
    expect(readyMessage({ ...base, language: 'en', trackingNumbers: [TN1, '0420-3671-4272'] })).toBe(
      readyMessage({ ...base, language: 'en', trackingNumbers: [TN1] }),
    )
  })

  it('writes reminders in both languages', () => {
    expect(reminderMessage({ ...base, language: 'en', trackingNumbers: [TN1] })).toBe(
      'Huduma GPO reminder: your document 0420 3671 4272 is still waiting for collection. Bring your ID and receipt. Collect by 14 Feb 2027.',
    )
    expect(
      reminderMessage({ ...base, language: 'sw', trackingNumbers: [TN1], collectBy: '2027-03-05' }),
    ).toBe(
      'Huduma GPO ukumbusho: hati yako 0420 3671 4272 bado inasubiri kuchukuliwa. Leta kitambulisho na stakabadhi. Chukua kufikia 5 Mac 2027.',
    )
    const [a, b] = numbers(2).map(formatTrackingNumber)
    expect(reminderMessage({ ...base, language: 'en', trackingNumbers: numbers(2) })).toContain(
      `reminder: your 2 documents (${a}, ${b}) are still waiting for collection.`,
    )
    expect(reminderMessage({ ...base, language: 'sw', trackingNumbers: numbers(2) })).toContain(
      `ukumbusho: hati zako 2 (${a}, ${b}) bado zinasubiri kuchukuliwa.`,
    )
  })

  it('says "and N more" when the numbers do not all fit', () => {
    const many = readyMessage({ ...base, language: 'en', trackingNumbers: numbers(40) })
    expect(many).toMatch(
      /^Huduma GPO: your 40 documents \(0420 3671 4272(, \d{4} \d{4} \d{4})* and \d+ more\) are/,
    )
    const listed = (many.match(/\d{4} \d{4} \d{4}/g) ?? []).length
    expect(many).toContain(` and ${40 - listed} more)`)
    const sw = readyMessage({ ...base, language: 'sw', trackingNumbers: numbers(40) })
    expect(sw).toMatch(/^Huduma GPO: hati zako 40 \(0420 3671 4272.* na nyingine \d+\) ziko tayari/)
  })

  it('shortens a long centre name before dropping numbers', () => {
    const text = readyMessage({
      ...base,
      centreName: LONG_CENTRE,
      language: 'en',
      trackingNumbers: numbers(2),
    })
    expect(text.startsWith('Huduma Nairobi Kenyatta')).toBe(true)
    expect(text).toContain(`(${numbers(2).map(formatTrackingNumber).join(', ')})`)
    expectOnePlainSegment(text)
  })

  it('drops the centre name rather than cut a word in half', () => {
    const text = reminderMessage({
      ...base,
      centreName: `Nyandarua${'x'.repeat(40)}`,
      language: 'en',
      trackingNumbers: numbers(2),
    })
    expect(text).toBe(
      'Huduma reminder: your 2 documents (0420 3671 4272 and 1 more) are still waiting for collection. Bring your ID and receipt. Collect by 14 Feb 2027.',
    )
  })

  it('drops numbers when there is no centre name to shorten', () => {
    for (const centreName of ['', ' • 😀 ', 'Huduma Centre']) {
      const text = reminderMessage({ ...base, centreName, language: 'en', trackingNumbers: numbers(3) })
      expect(text).toBe(
        `Huduma reminder: your 3 documents (0420 3671 4272 and 2 more) are still waiting for collection. Bring your ID and receipt. Collect by 14 Feb 2027.`,
      )
    }
  })

  it('keeps every number and cuts the centre name to its first words when that is enough', () => {
    const text = reminderMessage({
      ...base,
      centreName: 'Nairobi City Square',
      language: 'en',
      trackingNumbers: numbers(2),
    })
    expect(text).toBe(
      `Huduma Nairobi reminder: your 2 documents (${numbers(2).map(formatTrackingNumber).join(', ')}) are still waiting for collection. Bring your ID and receipt. Collect by 14 Feb 2027.`,
    )
  })

  const cases: [string, (i: CollectionMessageInput) => string][] = [
    ['readyMessage', readyMessage],
    ['reminderMessage', reminderMessage],
  ]
  for (const [name, build] of cases) {
    for (const language of ['en', 'sw'] as const) {
      for (const n of [1, 2, 5, 40]) {
        for (const centreName of ['GPO', LONG_CENTRE]) {
          it(`${name} ${language}, ${n} number(s), ${centreName.length}-char centre: one plain GSM-7 segment`, () => {
            const text = build({ language, centreName, trackingNumbers: numbers(n), collectBy: '2027-12-31' })
            expectOnePlainSegment(text)
            expect(text).toContain('0420 3671 4272')
            expect(text).toContain(language === 'en' ? '31 Dec 2027' : '31 Des 2027')
            if (n > 1) expect(text).toContain(language === 'en' ? `your ${n} documents` : `hati zako ${n}`)
          })
        }
      }
    }
  }

  it('always fits one plain GSM-7 segment with the first number (property)', () => {
    const input = fc.record({
      language: fc.constantFrom<MessageLanguage>('en', 'sw'),
      centreName: fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'grapheme', maxLength: 120 }),
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc
          .array(fc.stringMatching(/^[A-Za-zéñ'-]{1,14}$/), { maxLength: 12 })
          .map((words) => `Huduma Centre ${words.join(' ')}`),
      ),
      trackingNumbers: fc.array(fc.stringMatching(/^[0-9]{12}$/), { minLength: 1, maxLength: 1200 }),
      collectBy: fc
        .integer({ min: 0, max: 2_900_000 })
        .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
    })
    fc.assert(
      fc.property(input, fc.boolean(), (i, reminder) => {
        const text = reminder ? reminderMessage(i) : readyMessage(i)
        expectOnePlainSegment(text)
        expect(text).toContain(formatTrackingNumber(i.trackingNumbers[0] ?? ''))
        // The centre name shown is the whole name or whole words from its start, never a cut word.
        const shown = text
          .slice(0, text.indexOf(':'))
          .replace(/^Huduma ?/, '')
          .replace(/ ?(reminder|ukumbusho)$/, '')
        const centre = gsm7CentreName(i.centreName)
        expect(centre.startsWith(shown)).toBe(true)
        expect(/[A-Za-z0-9]/.test(centre.charAt(shown.length)) && shown !== '').toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('refuses no numbers, a number that is not 12 digits and a bad date', () => {
    const ok = { language: 'en', centreName: 'GPO', trackingNumbers: [TN1], collectBy: '2027-02-14' } as const
    expect(() => readyMessage({ ...ok, trackingNumbers: [] })).toThrow(RangeError)
    expect(() => readyMessage({ ...ok, trackingNumbers: ['12345'] })).toThrow(RangeError)
    expect(() => reminderMessage({ ...ok, collectBy: '2027-02-30' })).toThrow(RangeError)
    expect(() => reminderMessage({ ...ok, collectBy: '14/02/2027' })).toThrow(RangeError)
  })
})

/**
 * What a customer reads as the LAST day to collect. Each deadline phrase the messages have used, with what it means:
 * English "Collect by D" and Kiswahili "Chukua kufikia D" (by D) make D the last day; "Chukua kabla ya D" (collect
 * before D) makes the day before D the last day. A message with no known phrase fails the test.
 */
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const SW_MONTHS = ['Jan', 'Feb', 'Mac', 'Apr', 'Mei', 'Jun', 'Jul', 'Ago', 'Sep', 'Okt', 'Nov', 'Des']
const DEADLINE_PHRASES: { re: RegExp; months: string[]; lastDayOffset: number }[] = [
  { re: / Collect by (\d{1,2}) ([A-Za-z]{3}) (\d{4})\.$/, months: EN_MONTHS, lastDayOffset: 0 },
  { re: / Chukua kufikia (\d{1,2}) ([A-Za-z]{3}) (\d{4})\.$/, months: SW_MONTHS, lastDayOffset: 0 },
  { re: / Chukua kabla ya (\d{1,2}) ([A-Za-z]{3}) (\d{4})\.$/, months: SW_MONTHS, lastDayOffset: -1 },
]

function lastDayToCollect(text: string): string {
  for (const { re, months, lastDayOffset } of DEADLINE_PHRASES) {
    const m = re.exec(text)
    if (!m) continue
    const month = months.indexOf(m[2] ?? '') + 1
    expect(month, `month in ${JSON.stringify(text)}`).toBeGreaterThan(0)
    const named = `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`
    return addCalendarDays(named, lastDayOffset)
  }
  throw new Error(`no known deadline phrase in ${JSON.stringify(text)}`)
}

describe('the collection deadline', () => {
  // Month and year ends, a leap day and the first of a month (where "before" would fall back into another month).
  const DATES = ['2027-02-14', '2027-03-01', '2028-03-01', '2028-02-29', '2027-12-31', '2028-01-01']

  it('names the same last day in Kiswahili as in English, in ready messages and reminders', () => {
    for (const collectBy of DATES) {
      for (const build of [readyMessage, reminderMessage]) {
        for (const n of [1, 3]) {
          const input = { centreName: 'GPO', trackingNumbers: numbers(n), collectBy }
          const en = lastDayToCollect(build({ ...input, language: 'en' }))
          expect(en).toBe(collectBy)
          expect(lastDayToCollect(build({ ...input, language: 'sw' })), `${build.name} sw`).toBe(en)
        }
      }
    }
  })

  it('names the same last day in both languages in the campaign reminder texts (by day number)', () => {
    const texts = createReminderTexts('Huduma Centre Nyeri')
    for (const collectBy of DATES) {
      const day = toDayNumber(collectBy)
      const en = lastDayToCollect(texts.text('en', numbers(2), day))
      expect(en).toBe(collectBy)
      expect(lastDayToCollect(texts.text('sw', numbers(2), day))).toBe(en)
    }
  })

  it('asks for the receipt by the word the receipt calls itself (stakabadhi), never "risiti"', () => {
    for (const build of [readyMessage, reminderMessage]) {
      const text = build({
        ...{ centreName: 'GPO', collectBy: '2027-02-14' },
        language: 'sw',
        trackingNumbers: [TN1],
      })
      expect(text).toContain('Leta kitambulisho na stakabadhi.')
      expect(text).not.toMatch(/risiti/i)
    }
  })
})

describe('the longest messages', () => {
  /** 80 characters, the most the setup screen accepts, all plain GSM-7 words that survive normalisation. */
  const LONGEST_CENTRE = 'Nairobi Kenyatta International Convention Centre Ground Floor Wing B Annexe West'
  const ONE_WORD_CENTRE = `Nyandarua${'x'.repeat(71)}`

  it('uses the longest centre names the setup form accepts', () => {
    for (const name of [LONGEST_CENTRE, ONE_WORD_CENTRE]) {
      expect(name).toHaveLength(80)
      expect(centreNameField.safeParse(name).success).toBe(true)
      expect(centreNameField.safeParse(`${name}x`).success).toBe(false)
      expect(gsm7CentreName(name)).toBe(name)
    }
  })

  for (const [name, build] of [
    ['readyMessage', readyMessage],
    ['reminderMessage', reminderMessage],
  ] as const) {
    for (const language of ['en', 'sw'] as const) {
      it(`${name} ${language}: one plain GSM-7 segment for up to 1,000 numbers and an 80-character centre`, () => {
        for (const centreName of [LONGEST_CENTRE, ONE_WORD_CENTRE]) {
          for (const n of [1, 2, 3, 9, 10, 99, 100, 999, 1000]) {
            // The widest date: a two-digit day in every month is as wide as any.
            const text = build({ language, centreName, trackingNumbers: numbers(n), collectBy: '2027-09-30' })
            expectOnePlainSegment(text)
            expect(text).toContain('0420 3671 4272')
            expect(lastDayToCollect(text)).toBe('2027-09-30')
            if (n > 1) expect(text).toContain(language === 'en' ? `your ${n} documents` : `hati zako ${n}`)
            const shown = text.slice(0, text.indexOf(':')).replace(/^Huduma ?/, '')
            expect(
              `${gsm7CentreName(centreName)} `.startsWith(shown.replace(/ ?(reminder|ukumbusho)$/, '')),
            ).toBe(true)
          }
        }
      })
    }
  }

  it('lists as many numbers in Kiswahili as in English for two documents at a short-named centre', () => {
    for (const build of [readyMessage, reminderMessage]) {
      const input = { centreName: 'GPO', trackingNumbers: numbers(2), collectBy: '2027-09-30' }
      const listed = (t: string) => (t.match(/\d{4} \d{4} \d{4}/g) ?? []).length
      expect(listed(build({ ...input, language: 'sw' }))).toBe(listed(build({ ...input, language: 'en' })))
      expect(listed(build({ ...input, language: 'sw' }))).toBe(2)
    }
  })
})
