import { describe, expect, it } from 'vitest'
import {
  buildReceiptDocument,
  formatCalendarDate,
  formatDateTimeNairobi,
  groupTrackingNumber,
  maskPhone,
  renderEscPos,
  renderReceipt,
  renderSvg,
  renderText,
} from '../../main/receipts'
import type { ReceiptData } from '../../main/receipts'
import { escapeText, escapeValue, toPrintable, wrapWords } from '../../main/receipts/escape'
import { DEFAULT_SETTINGS } from '../../main/services/settings-service'
import { parseEscPos } from '../helpers/escpos-parse'

const BASE: ReceiptData = {
  centreName: 'Huduma Centre GPO Nairobi',
  centreNumber: '042',
  trackingNumber: '042107385192',
  serviceNameEn: 'Birth certificate',
  serviceNameSw: 'Cheti cha kuzaliwa',
  phoneE164: '+254712345123',
  registeredAt: Date.UTC(2026, 10, 28, 11, 5), // 14:05 in Nairobi
  expectedReady: '2026-12-07',
  statusUrl: 'https://track.huduma.go.ke/s/042107385192',
  howToCheck: 'SMS the tracking number to 22551 or dial *551#.',
  clerkName: 'Jane Wanjiku',
  clerkStaffNumber: 'S10234',
  workstationSlot: '07',
}

const COLUMNS = [48, 32] as const

/** The visible text of each `<text>` element of a receiptline SVG, in document order. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&#xa0;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  )
}

const width = (line: string): number => [...line].length

describe('receipt formatting helpers', () => {
  it('masks Kenyan phones in national format, keeping the first 2 and last 3 digits', () => {
    expect(maskPhone('+254712345123')).toBe('07•• ••• 123')
    expect(maskPhone('+254112345678')).toBe('01•• ••• 678')
    expect(maskPhone('0722000456')).toBe('07•• ••• 456')
    expect(maskPhone('254733000789')).toBe('07•• ••• 789')
    expect(maskPhone('+447700900123')).toBe('••••••••• 123')
    expect(maskPhone('12')).toBe('•••')
  })

  it('formats times in Nairobi and calendar dates as staff read them', () => {
    expect(formatDateTimeNairobi(Date.UTC(2026, 10, 28, 11, 5))).toBe('28 Nov 2026, 14:05')
    // 21:30 UTC is already the next day in Nairobi (UTC+3).
    expect(formatDateTimeNairobi(Date.UTC(2026, 11, 31, 21, 30))).toBe('1 Jan 2027, 00:30')
    expect(formatDateTimeNairobi(Date.UTC(2026, 8, 3, 6, 0))).toBe('3 Sep 2026, 09:00')
    expect(formatCalendarDate('2026-12-07')).toBe('Mon 7 Dec 2026')
    expect(formatCalendarDate('2028-02-29')).toBe('Tue 29 Feb 2028')
    expect(() => formatCalendarDate('2026-02-30')).toThrow(RangeError)
    expect(() => formatCalendarDate('7/12/2026')).toThrow(RangeError)
    expect(groupTrackingNumber('042107385192')).toBe('0421 0738 5192')
  })

  it('escapes every receiptline special character and keeps text on one printable line', () => {
    expect(escapeText('a|b{c}d-e=f~g_h"i`j^k\\l')).toBe('a\\|b\\{c\\}d\\-e\\=f\\~g\\_h\\"i\\`j\\^k\\\\l')
    expect(escapeValue('https://x.ke/s?a=1;b={2}|\\')).toBe('https://x.ke/s?a=1\\;b=\\{2\\}\\|\\\\')
    expect(toPrintable('  Wanjirũ\n\tKĩmani  ')).toBe('Wanjiru Kimani')
    expect(toPrintable('Zoë Ødegård')).toBe('Zoë Ødegård')
    expect(toPrintable('名前')).toBe('??')
    expect(toPrintable('a\nb\r\nc\td\u0000e\u2028f')).toBe('a b c d e f')
    expect(escapeValue('https://x.ke/\n\u0007s')).toBe('https://x.ke/s')
    expect(wrapWords('https://track.huduma.go.ke/s/042107385192', 32)).toEqual([
      'https://track.huduma.go.ke/s/',
      '042107385192',
    ])
    expect(wrapWords('one two three', 7)).toEqual(['one two', 'three'])
  })

  it('refuses a tracking number that is not exactly 12 digits', () => {
    for (const trackingNumber of ['0421 0738 5192', '04210738519', '0421073851920', '04210738519x']) {
      expect(() => buildReceiptDocument({ ...BASE, trackingNumber }, { columns: 48 })).toThrow(RangeError)
    }
    expect(() => buildReceiptDocument({ ...BASE, statusUrl: ' ' }, { columns: 48 })).toThrow(RangeError)
  })
})

describe.each(COLUMNS)('receipt on %i-column paper', (columns) => {
  const r = renderReceipt(BASE, { columns })
  const parsed = parseEscPos(r.escpos)
  const printed = parsed.lines.join('\n')

  it('prints the tracking number large in 4-4-4 groups, as Code 128 of the 12 digits and the status URL as QR', () => {
    expect(parsed.lines.some((l) => l.trim() === '0421 0738 5192')).toBe(true)
    // Double width and height: GS ! 0x11 right before the digits.
    expect(r.escpos.includes(Buffer.from('\x1d!\x110421 0738 5192', 'latin1'))).toBe(true)
    expect(parsed.barcodes).toEqual([{ type: 'CODE128', data: '042107385192' }])
    // Code set C, no spaces: {C then six 2-digit values.
    expect(r.escpos.includes(Buffer.from([0x1d, 0x6b, 73, 8, 0x7b, 0x43, 4, 21, 7, 38, 51, 92]))).toBe(true)
    expect(parsed.qrCodes).toEqual([BASE.statusUrl])
  })

  it('prints the title in both languages, service, masked phone, dates, clerk and counter, and cuts once', () => {
    for (const s of [
      'Huduma Centre GPO Nairobi',
      ...(columns === 48
        ? ['Centre No. / Nambari ya kituo 042']
        : ['Centre No. 042', 'Nambari ya kituo 042']),
      'Application receipt',
      'Stakabadhi ya maombi',
      'Birth certificate',
      'Cheti cha kuzaliwa',
      '07•• ••• 123',
      '28 Nov 2026, 14:05',
      'Mon 7 Dec 2026',
      'SMS the tracking number to 22551',
      'Jane Wanjiku',
      'S10234',
    ]) {
      expect(printed, s).toContain(s)
    }
    expect(parsed.lines.some((l) => /^Counter( \/ Dirisha)? +07$/.test(l))).toBe(true)
    expect(printed).not.toContain('REPRINT')
    expect(parsed.cuts).toBe(1)
  })

  it('never prints the full phone number or an ID number, even if the caller passes one along', () => {
    const withId = { ...BASE, idNumber: '23456789', nationalId: '23456789' } as ReceiptData
    const out = renderReceipt(withId, { columns })
    for (const rendering of [out.escpos.toString('latin1'), out.svg, out.text]) {
      for (const secret of ['712345123', '0712345123', '254712345123', '23456789']) {
        expect(rendering).not.toContain(secret)
      }
    }
    expect(svgTexts(out.svg).join('\n')).not.toMatch(/712\s*345\s*123/)
  })

  it('marks a reprint with the reason and time', () => {
    const reprint = renderReceipt(
      { ...BASE, reprint: { reason: 'Original lost', at: Date.UTC(2026, 10, 30, 5, 45) } },
      { columns },
    )
    const lines = parseEscPos(reprint.escpos).lines
    expect(lines.some((l) => l.includes('REPRINT'))).toBe(true)
    expect(lines.join('\n')).toContain('Original lost')
    expect(lines.join('\n')).toContain('30 Nov 2026, 08:45')
    expect(reprint.text).toContain('REPRINT')
    expect(svgTexts(reprint.svg)).toContain(' REPRINT / NAKALA ')
  })

  it('prints names with receiptline special characters literally without changing the layout', () => {
    const nasty = 'Ann|{x}~_"^`\\ <b>&'
    const data: ReceiptData = {
      ...BASE,
      centreName: '=====',
      clerkName: nasty,
      howToCheck: '---',
      serviceNameEn: '^^^Big^^^ `inv` _ul_ "em"',
      workstationSlot: '{code:123}',
    }
    const out = renderReceipt(data, { columns })
    const p = parseEscPos(out.escpos)
    const text = p.lines.join('\n')
    expect(text).toContain('=====')
    expect(text).toContain('---')
    expect(text).toContain('^^^Big^^^ `inv` _ul_ "em"'.slice(0, columns === 32 ? 19 : 28))
    expect(text).toContain('{code:123}')
    expect(text.replace(/\n +/g, '')).toContain(nasty)
    // Nothing became a rule, a cut, a barcode or a style change.
    expect(p.cuts).toBe(1)
    expect(p.barcodes).toEqual([{ type: 'CODE128', data: '042107385192' }])
    expect(p.qrCodes).toEqual([BASE.statusUrl])
    expect(p.lines.length).toBe(parsed.lines.length)
    expect(out.svg).not.toContain('<b>')
    expect(svgTexts(out.svg).join('')).toContain('<b>&')
    for (const line of out.text.split('\n')) expect(width(line)).toBeLessThanOrEqual(columns)
  })

  it('renders plain text from the same source, never wider than the paper', () => {
    const lines = r.text.split('\n')
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(columns)
    expect(lines.some((l) => l.trim() === '0421 0738 5192')).toBe(true)
    expect(r.text).toContain('[Code 128: 042107385192]')
    expect(r.text).toContain('[QR code]')
    expect(r.text).toContain('07•• ••• 123')
    expect(r.text).toContain('='.repeat(columns))
    // The same layout as the printer: every printed line appears in the text rendering, in order.
    const printedLines = parsed.lines.filter((l) => l.trim().length > 0 && !/^-+$/.test(l))
    const textLines = lines.map((l) => l.trimEnd())
    let at = 0
    for (const l of printedLines) {
      const found = textLines.findIndex((t, i) => i >= at && t.trim() === l.trim())
      expect(found, l).toBeGreaterThanOrEqual(at)
      at = found + 1
    }
  })

  it('long values wrap by word inside their column on every rendering', () => {
    const data = {
      ...BASE,
      serviceNameEn: 'Replacement of a lost or damaged national identity card',
      howToCheck: `Visit ${'https://track.huduma.go.ke/s/042107385192'} or SMS the number to 22551 any time.`,
    }
    const out = renderReceipt(data, { columns })
    for (const line of out.text.split('\n')) expect(width(line)).toBeLessThanOrEqual(columns)
    const p = parseEscPos(out.escpos)
    expect(p.lines.join(' ').replace(/\s+/g, ' ')).toContain(
      'Replacement of a lost or damaged national identity card',
    )
  })

  it('SVG preview is a self-contained svg with the tracking number and no network fetches', () => {
    expect(r.svg.startsWith('<svg')).toBe(true)
    expect(r.svg.trimEnd().endsWith('</svg>')).toBe(true)
    expect(r.svg).toContain(`width="${columns * 12}px"`)
    expect(svgTexts(r.svg)).toContain('0421 0738 5192')
    expect(svgTexts(r.svg)).toContain('07•• ••• 123')
    expect(r.svg).not.toMatch(/@import|https:\/\/fonts/)
  })

  it('drives Star printers with StarPRNT and ESC/POS clones with the generic set', () => {
    const doc = buildReceiptDocument(BASE, { columns })
    const star = renderEscPos(doc, { columns, printer: 'star' })
    expect(star.subarray(0, 2).toString('latin1')).toBe('\x1b@')
    // StarPRNT barcode: ESC b n1 n2 n3 n4 data RS, with n1 = "6" (Code 128).
    const barcodeAt = star.indexOf(Buffer.from('\x1bb6', 'latin1'))
    expect(barcodeAt).toBeGreaterThan(0)
    expect(star.subarray(barcodeAt + 6, barcodeAt + 19).toString('latin1')).toBe('042107385192\x1e')
    const generic = parseEscPos(renderEscPos(doc, { columns, printer: 'generic' }))
    expect(generic.barcodes).toEqual(parsed.barcodes)
    expect(generic.qrCodes).toEqual([BASE.statusUrl])
    expect(generic.lines).toEqual(parsed.lines)
    expect(renderText(doc, { columns })).toBe(r.text)
    expect(renderSvg(doc, { columns }).length).toBeGreaterThan(1000)
  })
})

/**
 * The label printed beside `value` in the plain-text rendering: the left column of the value's row and of the rows
 * below it that carry only label text (58 mm paper puts the Kiswahili under the English), joined with spaces.
 */
function labelOf(text: string, value: string, columns: 48 | 32): string {
  const width = columns === 48 ? 20 : 12 // the label column and its gap
  const lines = text.split('\n')
  const at = lines.findIndex((l) => l.slice(width).trim().startsWith(value))
  expect(at, `a row with ${value}`).toBeGreaterThanOrEqual(0)
  const parts = [lines[at]?.slice(0, width).trim() ?? '']
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i] ?? ''
    if (l.slice(width).trim() !== '' || l.trim() === '' || /^[-=]+$/.test(l)) break
    parts.push(l.trim())
  }
  return parts.join(' ').replace(' / ', ' ')
}

describe.each(COLUMNS)('Kiswahili on the %i-column receipt', (columns) => {
  const reprinted = renderReceipt(
    {
      ...BASE,
      howToCheck: DEFAULT_SETTINGS.howToCheck,
      reprint: { reason: 'Original lost', at: Date.UTC(2026, 10, 30, 5, 45) },
    },
    { columns },
  ).text

  it('labels the dates with what they are: registration date, ready from (future), date of the reprint', () => {
    expect(labelOf(reprinted, '28 Nov 2026, 14:05', columns)).toBe('Registered Tarehe ya usajili')
    expect(labelOf(reprinted, 'Mon 7 Dec 2026', columns)).toBe('Ready from Itakuwa tayari kuanzia')
    expect(labelOf(reprinted, '30 Nov 2026, 08:45', columns)).toBe('Reprinted Tarehe ya nakala')
    expect(labelOf(reprinted, 'Original lost', columns)).toBe('Reason Sababu')
    expect(labelOf(reprinted, '07•• ••• 123', columns)).toBe('Phone Simu')
  })

  it('gives the centre number in Kiswahili too', () => {
    expect(reprinted).toMatch(/^ *(Centre No\. \/ )?Nambari ya kituo 042 *$/m)
  })

  it('says in Kiswahili, as in English, that status can be checked at any Huduma Centre with this receipt', () => {
    const flat = reprinted.replace(/\s+/g, ' ')
    expect(flat).toContain('or at any Huduma Centre with this receipt.')
    expect(flat).toContain(
      'Angalia hali ya maombi yako kwa kuchanganua msimbo wa QR au katika Kituo chochote cha Huduma ukiwa na stakabadhi hii.',
    )
  })

  it('calls itself "stakabadhi" throughout, never "risiti"', () => {
    expect(reprinted).toContain('Stakabadhi ya maombi')
    expect(reprinted).toContain('Hifadhi stakabadhi hii')
    expect(reprinted).not.toMatch(/risiti/i)
  })
})

describe.each(COLUMNS)("a Kiswahili-speaking customer's %i-column receipt", (columns) => {
  const sw = renderReceipt({ ...BASE, language: 'sw' }, { columns })
  const lines = sw.text.split('\n').map((l) => l.trim())
  const lineOf = (text: string): number => {
    const i = lines.findIndex((l) => l.includes(text))
    expect(i, text).toBeGreaterThanOrEqual(0)
    return i
  }

  it('prints Kiswahili first: the large title, the service, the labels and the closing line, each above its English', () => {
    expect(lineOf('Stakabadhi ya maombi')).toBeLessThan(lineOf('Application receipt'))
    expect(lineOf('Cheti cha kuzaliwa')).toBeLessThan(lineOf('Birth certificate'))
    expect(lineOf('Hifadhi stakabadhi hii')).toBeLessThan(lineOf('Keep this receipt'))
    expect(labelOf(sw.text, '07•• ••• 123', columns)).toBe('Simu Phone')
    expect(labelOf(sw.text, '28 Nov 2026, 14:05', columns)).toBe('Tarehe ya usajili Registered')
    // Bold and double height (ESC E 1, GS ! 0x01) go to the customer's language, the other prints plain.
    expect(sw.escpos.includes(Buffer.from('\x1bE1\x1d!\x01Stakabadhi ya maombi', 'latin1'))).toBe(true)
    expect(sw.escpos.includes(Buffer.from('\x1d!\x00Application receipt', 'latin1'))).toBe(true)
  })

  it('still carries the English of every line, and prints the same tracking number, barcode and QR', () => {
    const en = renderReceipt(BASE, { columns })
    const enParsed = parseEscPos(en.escpos)
    const swParsed = parseEscPos(sw.escpos)
    for (const s of [
      'Application receipt',
      'Birth certificate',
      'Phone',
      'Registered',
      'Ready from',
      'Counter',
    ])
      expect(sw.text, s).toContain(s)
    expect(swParsed.barcodes).toEqual(enParsed.barcodes)
    expect(swParsed.qrCodes).toEqual(enParsed.qrCodes)
    expect(swParsed.cuts).toBe(1)
  })

  it("an English-speaking customer's receipt is byte for byte the one without a language", () => {
    expect(renderReceipt({ ...BASE, language: 'en' }, { columns }).escpos).toEqual(
      renderReceipt(BASE, { columns }).escpos,
    )
  })
})
