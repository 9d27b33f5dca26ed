import { describe, expect, it } from 'vitest'
import {
  catalogueSchema,
  agencyRefPatternProblem,
  matchesAgencyRef,
  serviceSchema,
  type Service,
  type ServiceInput,
} from '../../common/catalogue'
import { DEFAULT_CATALOGUE } from '../../main/services/catalogue/default-catalogue'

const base: Service = {
  code: 'TEST_SVC',
  nameEn: 'Test service',
  nameSw: 'Huduma ya majaribio',
  agency: 'Test Agency',
  turnaroundDays: 5,
  idRequired: true,
  agencyRefPattern: '[0-9]{4}',
  agencyRefHint: '4 digits',
  agencyRefExample: '1234',
  retentionDays: 90,
  active: true,
  isDefault: false,
}

function messages(input: unknown): string[] {
  const r = catalogueSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => i.message)
}

describe('default catalogue', () => {
  it('passes catalogueSchema unchanged', () => {
    const r = catalogueSchema.safeParse(DEFAULT_CATALOGUE)
    expect(r.success ? [] : r.error.issues).toEqual([])
    expect(r.data).toEqual(DEFAULT_CATALOGUE)
  })

  it('has the expected services, unique codes, all shipped defaults', () => {
    const codes = DEFAULT_CATALOGUE.map((s) => s.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toEqual([
      'ID_NEW',
      'ID_REPLACEMENT',
      'BIRTH_CERT',
      'DEATH_CERT',
      'GOOD_CONDUCT',
      'SMART_DL',
      'PASSPORT',
      'MARRIAGE_CERT',
      'BUSINESS_REG',
      'SHA_CARD',
      'KRA_PIN',
    ])
    for (const s of DEFAULT_CATALOGUE) {
      expect(s.isDefault, s.code).toBe(true)
      expect(s.active, s.code).toBe(true)
      expect(s.nameSw, s.code).not.toBe(s.nameEn)
      expect(s.retentionDays, s.code).toBeGreaterThanOrEqual(90)
      expect(s.retentionDays, s.code).toBeLessThanOrEqual(180)
    }
  })

  it('a new ID needs no ID number and takes the 9-digit waiting-card serial; a replacement needs the ID', () => {
    const idNew = DEFAULT_CATALOGUE.find((s) => s.code === 'ID_NEW')
    const idRep = DEFAULT_CATALOGUE.find((s) => s.code === 'ID_REPLACEMENT')
    expect(idNew?.idRequired).toBe(false)
    expect(idRep?.idRequired).toBe(true)
    expect(idNew?.agencyRefHint).toBe('9-digit waiting-card serial')
    if (!idNew) throw new Error('ID_NEW missing')
    expect(matchesAgencyRef(idNew, '204518736')).toBe(true)
    expect(matchesAgencyRef(idNew, '20451873')).toBe(false)
    expect(matchesAgencyRef(idNew, '2045187361')).toBe(false)
    expect(matchesAgencyRef(idNew, ' 204518736')).toBe(false)
    expect(matchesAgencyRef(idNew, '20451873A')).toBe(false)
  })

  it('every pattern matches its own example; hint and example come with a pattern', () => {
    for (const s of DEFAULT_CATALOGUE) {
      if (s.agencyRefPattern === null) {
        expect(s.agencyRefExample, s.code).toBeNull()
        expect(s.agencyRefHint, s.code).toBeNull()
        continue
      }
      expect(s.agencyRefExample, s.code).not.toBeNull()
      expect(s.agencyRefHint, s.code).not.toBeNull()
      expect(matchesAgencyRef(s, s.agencyRefExample ?? ''), s.code).toBe(true)
      // anchored at both ends
      expect(matchesAgencyRef(s, `${s.agencyRefExample ?? ''}!`), s.code).toBe(false)
      expect(matchesAgencyRef(s, `!${s.agencyRefExample ?? ''}`), s.code).toBe(false)
    }
  })

  it('KRA PIN pattern is case-sensitive (callers upper-case first)', () => {
    const kra = DEFAULT_CATALOGUE.find((s) => s.code === 'KRA_PIN')
    if (!kra) throw new Error('KRA_PIN missing')
    expect(matchesAgencyRef(kra, 'A012345678Z')).toBe(true)
    expect(matchesAgencyRef(kra, 'P051234567K')).toBe(true)
    expect(matchesAgencyRef(kra, 'a012345678z')).toBe(false)
    expect(matchesAgencyRef(kra, 'B012345678Z')).toBe(false)
  })
})

describe('catalogueSchema rejects bad catalogues, naming the service', () => {
  it('duplicate codes', () => {
    const msgs = messages([base, { ...base, code: 'OTHER' }, { ...base, nameEn: 'Again' }])
    expect(msgs).toEqual(['Service code TEST_SVC appears more than once (entries 1 and 3)'])
    const r = catalogueSchema.safeParse([base, base])
    expect(r.success ? null : r.error.issues[0]?.path).toEqual([1, 'code'])
  })

  it('a pattern that does not compile', () => {
    const bad = { ...base, code: 'BAD_RE', agencyRefPattern: '[0-9{4', agencyRefExample: null }
    const r = catalogueSchema.safeParse([base, bad])
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [
        [1, 'agencyRefPattern'],
        'Service BAD_RE: agency reference pattern is not a pattern this app can use (plain regular-expression syntax without back-references or look-arounds)',
      ],
    ])
    expect(matchesAgencyRef(bad, '1234')).toBe(false)
  })

  it('back-references and look-arounds are refused: no linear-time engine can run them', () => {
    for (const pattern of ['([A-Z])\\1', '(?=A)[A-Z]+', '(?!X)[0-9]+', '(?<=A)B']) {
      expect(agencyRefPatternProblem(pattern), pattern).toMatch(/without back-references or look-arounds/)
    }
    expect(agencyRefPatternProblem('[0-9]{9}')).toBeNull()
  })
})

describe('agency reference patterns run in linear time', () => {
  // With a backtracking engine each extra character doubles the work: 28 characters took 1.5 s, so these 2,000
  // non-matching references would not finish within the test's timeout. With RE2 they take milliseconds.
  it('a nested quantifier on a long non-matching reference answers (and answers right)', () => {
    const nested = { agencyRefPattern: '([A-Z0-9]+)+' }
    for (let n = 20; n < 2020; n++) {
      expect(matchesAgencyRef(nested, 'A'.repeat(n) + '!')).toBe(false)
    }
    expect(matchesAgencyRef(nested, 'AK1234567')).toBe(true)
    expect(matchesAgencyRef({ agencyRefPattern: '(a|a)*b' }, 'a'.repeat(5000))).toBe(false)
  })

  it('an example that does not match its pattern, or an example without a pattern', () => {
    expect(messages([{ ...base, agencyRefExample: '12345' }])).toEqual([
      'Service TEST_SVC: example "12345" does not match its agency reference pattern',
    ])
    expect(messages([{ ...base, agencyRefPattern: null }])).toEqual([
      'Service TEST_SVC: an agency reference example needs an agency reference pattern',
    ])
  })

  it('field rules', () => {
    const bad = (patch: Record<string, unknown>) => serviceSchema.safeParse({ ...base, ...patch }).success
    expect(bad({})).toBe(true)
    expect(bad({ code: 'id_new' })).toBe(false)
    expect(bad({ code: 'X' })).toBe(false)
    expect(bad({ code: 'A'.repeat(25) })).toBe(false)
    expect(bad({ code: 'A'.repeat(24) })).toBe(true)
    expect(bad({ nameSw: '  ' })).toBe(false)
    expect(bad({ turnaroundDays: 1.5 })).toBe(false)
    expect(bad({ turnaroundDays: 366 })).toBe(false)
    expect(bad({ turnaroundDays: 0 })).toBe(true)
    expect(bad({ retentionDays: 0 })).toBe(false)
    expect(bad({ retentionDays: 3651 })).toBe(false)
    expect(bad({ idRequired: 'yes' })).toBe(false)
    expect(bad({ agencyRefPattern: '' })).toBe(false)
  })

  it('agencyRefExample may be left out (central API payloads) and becomes null', () => {
    const { agencyRefExample: _omit, ...rest } = base
    const input: ServiceInput = rest
    expect(serviceSchema.parse(input).agencyRefExample).toBeNull()
  })
})

describe('matchesAgencyRef', () => {
  it('is an anchored full match, also for alternations', () => {
    const alt = { agencyRefPattern: 'AB|CD' }
    expect(matchesAgencyRef(alt, 'AB')).toBe(true)
    expect(matchesAgencyRef(alt, 'CD')).toBe(true)
    expect(matchesAgencyRef(alt, 'ABCD')).toBe(false)
    expect(matchesAgencyRef(alt, 'xAB')).toBe(false)
    expect(matchesAgencyRef({ agencyRefPattern: '^[0-9]{3}$' }, '123')).toBe(true)
  })

  it('a service without a pattern accepts any non-empty reference', () => {
    expect(matchesAgencyRef({ agencyRefPattern: null }, 'anything 123')).toBe(true)
    expect(matchesAgencyRef({ agencyRefPattern: null }, '')).toBe(false)
  })
})
