/**
 * Name search ignores case and diacritics and finds any word of the name, through dispatch on a real SQLite file:
 * the keys are kept by triggers on `applications` (migration 0140), so a replicated application is found too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { foldName, nameKeys } from '../../common/name-search'
import { setUpCentre, signedIn, testCore } from '../helpers/core'

const ADMIN_KEY = 'admin-window'
const CLERK_KEY = 'clerk-window'

describe('folding names', () => {
  it('drops case, diacritics and punctuation, and keys a name from each word on', () => {
    expect(foldName('Zöë Wanjikũ')).toBe('zoe wanjiku')
    expect(foldName('  Ngʼangʼa  O’Brien-Mũthoni ')).toBe('nganga obrien muthoni')
    expect(foldName("Ng'ang'a")).toBe(foldName('Nganga'))
    expect(foldName('ÉLODIE Çağla')).toBe('elodie cagla')
    expect(nameKeys('Zöë Wanjikũ Kamau')).toEqual(['zoe wanjiku kamau', 'wanjiku kamau', 'kamau'])
    expect(nameKeys('Otieno Otieno')).toEqual(['otieno otieno', 'otieno'])
  })
})

describe('name search (through dispatch, real SQLite)', () => {
  let t: ReturnType<typeof testCore>
  beforeEach(async () => {
    t = testCore()
    await setUpCentre(t.core, ADMIN_KEY)
    await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
  })
  afterEach(() => t.close())

  const register = async (customerName: string): Promise<string> => {
    const r = await t.core.dispatch(CLERK_KEY, 'application.register', {
      serviceCode: 'BIRTH_CERT',
      customerName,
      phone: '0712345678',
      idNumber: '23456789',
      language: 'en',
      smsConsent: true,
      confirmDuplicate: true,
    })
    if (!r.ok) throw new Error(`register failed: ${r.error.message}`)
    return (r.value as { application: { trackingNumber: string } }).application.trackingNumber
  }
  const search = async (query: string): Promise<string[]> => {
    const r = await t.core.dispatch(CLERK_KEY, 'application.search', { query })
    if (!r.ok) throw new Error(`search failed: ${r.error.message}`)
    return (r.value as { trackingNumber: string }[]).map((s) => s.trackingNumber)
  }

  it('finds "Zöë Wanjikũ" by "zoe", "wanjiku", "ZOË WANJ" and "Zoe W", and not by the middle of a word', async () => {
    const zoe = await register('Zöë Wanjikũ')
    const other = await register('Zola Kamau')
    expect(await search('zoe')).toEqual([zoe])
    expect(await search('Zoe')).toEqual([zoe])
    expect(await search('wanjiku')).toEqual([zoe])
    expect(await search('ZOË WANJ')).toEqual([zoe])
    expect(await search('Zoe W')).toEqual([zoe])
    expect(await search('anjiku')).toEqual([])
    expect(await search('zo')).toEqual([zoe, other]) // in order of the folded name: "zoe…" before "zola…"
  })

  it('finds a row written straight into applications, as the projector writes replicated ones', async () => {
    t.core.store.db
      .prepare(
        `INSERT INTO applications (tracking_number, service_code, customer_name, phone, language, sms_consent, status,
           registered_at, registered_by, expected_ready, updated_at)
         VALUES ('042020000017', 'BIRTH_CERT', 'Njoroge Mũriũki', '+254712345678', 'sw', 1, 'registered', 1, 'CLK002',
           '2026-12-20', 1)`,
      )
      .run()
    expect(await search('muriuki')).toEqual(['042020000017'])
    t.core.store.db
      .prepare(
        "UPDATE applications SET customer_name = 'Njoroge Kamau' WHERE tracking_number = '042020000017'",
      )
      .run()
    expect(await search('muriuki')).toEqual([])
    expect(await search('kamau')).toEqual(['042020000017'])
  })

  it('lists an application once when two of its words match', async () => {
    const tn = await register('Otieno Otieno')
    expect(await search('otieno')).toEqual([tn])
  })

  it('the name search reads the key index, never the whole table', async () => {
    await register('Zöë Wanjikũ')
    const plan = t.core.store.db
      .prepare<unknown[], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT applications.* FROM application_name_keys
           JOIN applications USING (tracking_number)
         WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT 100`,
      )
      .all('zoe', 'zoe\uffff')
      .map((r) => r.detail)
    expect(plan.join(' | ')).toMatch(
      /SEARCH application_name_keys USING PRIMARY KEY \(name_key>\? AND name_key<\?\)/,
    )
    expect(plan.join(' | ')).toMatch(
      /SEARCH applications USING INDEX sqlite_autoindex_applications_1 \(tracking_number=\?\)/,
    )
    expect(plan.join(' | ')).not.toMatch(/SCAN|TEMP B-TREE/)
  })
})
