import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  agencyRefServiceCodes,
  classifyScan,
  unknownCodeMessage,
  type ScanContext,
  type ScanService,
} from '../../common/scan-classify'
import { dammCheckDigit, isDammValid } from '../../common/tracking-number'
import { DEFAULT_CATALOGUE } from '../../main/services/catalogue/default-catalogue'

const withCheck = (body: string): string => `${body}${dammCheckDigit(body)}`
/** The same body with a wrong check digit. */
const withWrongCheck = (body: string): string => `${body}${(dammCheckDigit(body) + 1) % 10}`

const TN = withCheck('04203671427')
const MSG_CHECK = 'This is not a valid tracking number: a digit may be wrong or two digits swapped.'

const ctx: ScanContext = { services: DEFAULT_CATALOGUE }
/** The default services that could hold a reference of the counter's shape: these, and every one without a pattern. */
const couldHold = (...patterned: string[]): string[] =>
  DEFAULT_CATALOGUE.filter((s) => s.agencyRefPattern === null || patterned.includes(s.code)).map(
    (s) => s.code,
  )
const NO_PATTERN = couldHold()
/** A made-up agency whose references are 12 digits, like ours. */
const TWELVE: ScanService = { code: 'LAND_SEARCH', agencyRefPattern: '[0-9]{12}' }
const ctx12: ScanContext = { services: [...DEFAULT_CATALOGUE, TWELVE] }

describe('classifyScan', () => {
  it('reads shelf labels', () => {
    expect(classifyScan('SLOT:W48-BC', ctx)).toEqual({ kind: 'slot', slot: 'W48-BC' })
    expect(classifyScan('  slot:b-07\n', ctx)).toEqual({ kind: 'slot', slot: 'B-07' })
  })

  it('reads manifests with either prefix', () => {
    expect(classifyScan('MAN:NRB-2026/1142', ctx)).toEqual({ kind: 'manifest', code: 'NRB-2026/1142' })
    expect(classifyScan('MANIFEST:ABC123', ctx)).toEqual({ kind: 'manifest', code: 'ABC123' })
    expect(classifyScan(' manifest:abc-1 ', ctx)).toEqual({ kind: 'manifest', code: 'ABC-1' })
    expect(classifyScan(`MAN:${'A'.repeat(40)}`, ctx)).toEqual({ kind: 'manifest', code: 'A'.repeat(40) })
    for (const bad of ['MAN:', `MAN:${'A'.repeat(41)}`, 'MAN:AB CD', 'MAN:AB_CD', 'MANI:ABC']) {
      expect(classifyScan(bad, ctx).kind).toBe('unknown')
    }
  })

  it('reads tracking numbers, grouped or not', () => {
    expect(isDammValid(TN)).toBe(true)
    const expected = { kind: 'tracking', trackingNumber: TN }
    expect(classifyScan(TN, ctx)).toEqual(expected)
    expect(classifyScan(`${TN.slice(0, 4)} ${TN.slice(4, 8)} ${TN.slice(8)}`, ctx)).toEqual(expected)
    expect(classifyScan(`${TN.slice(0, 4)}-${TN.slice(4, 8)}-${TN.slice(8)}\r`, ctx)).toEqual(expected)
  })

  it('says a 12-digit code failing the check digit is a wrong tracking number', () => {
    const bad = withWrongCheck('04203671427')
    expect(classifyScan(bad, ctx)).toEqual({ kind: 'tracking-invalid', message: MSG_CHECK, ref: bad })
    expect(classifyScan(`${bad.slice(0, 4)} ${bad.slice(4, 8)} ${bad.slice(8)}`, ctx)).toEqual({
      kind: 'tracking-invalid',
      message: MSG_CHECK,
      ref: bad,
    })
  })

  it('catches every single wrong digit of a tracking number', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{11}$/),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (body, pos, delta) => {
          const tn = withCheck(body)
          const digit = (Number(tn[pos]) + delta) % 10
          const typo = `${tn.slice(0, pos)}${digit}${tn.slice(pos + 1)}`
          expect(classifyScan(tn, ctx)).toEqual({ kind: 'tracking', trackingNumber: tn })
          expect(classifyScan(typo, ctx)).toEqual({ kind: 'tracking-invalid', message: MSG_CHECK, ref: typo })
        },
      ),
    )
  })

  it('reads agency references, upper-cased, with every service whose pattern matches and every one without a pattern', () => {
    expect(classifyScan('204518736', ctx)).toEqual({
      kind: 'agency-ref',
      ref: '204518736',
      serviceCodes: couldHold('ID_NEW', 'ID_REPLACEMENT'),
    })
    expect(classifyScan('ncpcg00412345', ctx)).toEqual({
      kind: 'agency-ref',
      ref: 'NCPCG00412345',
      serviceCodes: couldHold('GOOD_CONDUCT'),
    })
    expect(classifyScan(' BN-7XKQ2M4P ', ctx)).toEqual({
      kind: 'agency-ref',
      ref: 'BN-7XKQ2M4P',
      serviceCodes: couldHold('BUSINESS_REG'),
    })
    expect(classifyScan('A012345678Z', ctx)).toEqual({
      kind: 'agency-ref',
      ref: 'A012345678Z',
      serviceCodes: couldHold('KRA_PIN'),
    })
  })

  it('reads a passport reference (a service without a pattern) as an agency reference, for the look-up to find', () => {
    expect(NO_PATTERN).toEqual([
      'BIRTH_CERT',
      'DEATH_CERT',
      'SMART_DL',
      'PASSPORT',
      'MARRIAGE_CERT',
      'SHA_CARD',
    ])
    expect(classifyScan('AK1234567', ctx)).toEqual({
      kind: 'agency-ref',
      ref: 'AK1234567',
      serviceCodes: NO_PATTERN,
    })
    expect(classifyScan(' ak1234567 ', ctx)).toEqual({
      kind: 'agency-ref',
      ref: 'AK1234567',
      serviceCodes: NO_PATTERN,
    })
    const loose: ScanContext = { services: [{ code: 'BIRTH_CERT', agencyRefPattern: null }] }
    expect(agencyRefServiceCodes('HELLO', loose.services)).toEqual(['BIRTH_CERT'])
    // Only what the counter would have accepted as a reference: no spaces, at most 40 of A-Z 0-9 / -.
    expect(agencyRefServiceCodes('HELLO WORLD', loose.services)).toEqual([])
    expect(agencyRefServiceCodes('A'.repeat(41), loose.services)).toEqual([])
    expect(classifyScan('HELLO WORLD', loose).kind).toBe('unknown')
  })

  it('with every service patterned, a code no pattern matches is unknown', () => {
    const strict: ScanContext = { services: DEFAULT_CATALOGUE.filter((s) => s.agencyRefPattern !== null) }
    expect(classifyScan('AK1234567', strict).kind).toBe('unknown')
  })

  it('lists a service once even if the catalogue repeats it', () => {
    const twice: ScanService[] = [TWELVE, { ...TWELVE }]
    expect(agencyRefServiceCodes('123456789012', twice)).toEqual(['LAND_SEARCH'])
  })

  it('treats a Damm-valid 12-digit code as a tracking number first, even when an agency pattern matches', () => {
    expect(classifyScan(TN, ctx12)).toEqual({ kind: 'tracking', trackingNumber: TN })
    // …and the look-up still tries it as an agency reference when no application has that tracking number.
    expect(agencyRefServiceCodes(TN, ctx12.services)).toEqual([...NO_PATTERN, 'LAND_SEARCH'])
  })

  it('treats a Damm-invalid 12-digit code as an agency reference when a pattern matches', () => {
    const bad = withWrongCheck('04203671427')
    expect(classifyScan(bad, ctx12)).toEqual({ kind: 'agency-ref', ref: bad, serviceCodes: ['LAND_SEARCH'] })
    const grouped = `${bad.slice(0, 4)} ${bad.slice(4, 8)} ${bad.slice(8)}`
    expect(classifyScan(grouped, ctx12)).toEqual({
      kind: 'agency-ref',
      ref: bad,
      serviceCodes: ['LAND_SEARCH'],
    })
    const dashed: ScanService = { code: 'DASHED', agencyRefPattern: '[0-9]{4}-[0-9]{4}-[0-9]{4}' }
    const dashedRef = `${bad.slice(0, 4)}-${bad.slice(4, 8)}-${bad.slice(8)}`
    expect(classifyScan(dashedRef, { services: [dashed, TWELVE] })).toEqual({
      kind: 'agency-ref',
      ref: dashedRef,
      serviceCodes: ['DASHED'],
    })
  })

  it('does not read other digit strings as tracking numbers', () => {
    const eleven = TN.slice(0, 11)
    // Not a tracking number; a birth certificate's reference could be any digits, so the look-up decides.
    expect(classifyScan(eleven, ctx)).toEqual({ kind: 'agency-ref', ref: eleven, serviceCodes: NO_PATTERN })
    const strict: ScanContext = { services: DEFAULT_CATALOGUE.filter((s) => s.agencyRefPattern !== null) }
    expect(classifyScan(eleven, strict)).toEqual({
      kind: 'unknown',
      text: eleven,
      message: `Unknown code "${eleven}": not a tracking number, agency reference, shelf label or manifest.`,
    })
    expect(classifyScan(`${TN}0`, strict).kind).toBe('unknown')
  })

  it('says clearly what it does not know', () => {
    expect(classifyScan('  hello world ', ctx)).toEqual({
      kind: 'unknown',
      text: 'hello world',
      message:
        'Unknown code "hello world": not a tracking number, agency reference, shelf label or manifest.',
    })
    expect(classifyScan('', ctx).kind).toBe('unknown')
    expect(classifyScan('SLOT:NOT A SLOT!', ctx).kind).toBe('unknown')
    const long = 'X'.repeat(300)
    const r = classifyScan(long, ctx)
    expect(r).toEqual({ kind: 'unknown', text: long, message: unknownCodeMessage(long) })
    expect(unknownCodeMessage(long)).toBe(
      `Unknown code "${'X'.repeat(40)}...": not a tracking number, agency reference, shelf label or manifest.`,
    )
  })

  it('classifies anything without throwing, and slot/manifest prefixes win', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const r = classifyScan(text, ctx12)
        expect(['tracking', 'tracking-invalid', 'agency-ref', 'slot', 'manifest', 'unknown']).toContain(
          r.kind,
        )
        if (r.kind === 'tracking') expect(isDammValid(r.trackingNumber)).toBe(true)
      }),
    )
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), (digits) => {
        expect(classifyScan(`MAN:${digits}`, ctx12)).toEqual({ kind: 'manifest', code: digits })
      }),
    )
  })
})
