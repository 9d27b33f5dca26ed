/**
 * Text a clerk pastes at the counter, through core.dispatch into a real SQLite file: invisible characters never
 * reach the database, accents are stored one way, and line breaks are kept only where a field is multi-line.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setUpCentre, testCore } from '../helpers/core'
import { rowCounts } from '../helpers/db-counts'

const CUSTOMER = {
  serviceCode: 'BIRTH_CERT',
  phone: '0712345678',
  idNumber: '23456789',
  language: 'en',
  smsConsent: true,
}

describe('pasted text at the counter', () => {
  let t: ReturnType<typeof testCore>
  let key: string
  beforeEach(async () => {
    t = testCore()
    key = await setUpCentre(t.core)
  })
  afterEach(() => t.close())

  it('stores a name without zero-width characters and with composed accents; notes keep their line breaks', async () => {
    const r = await t.core.dispatch(key, 'application.register', {
      ...CUSTOMER,
      customerName: '\u200BZo\u0065\u0308\u0065\u0308 Wanjiku\uFEFF',
      notes: 'Mother collects\nShow ID',
    })
    expect(r.ok).toBe(true)
    const row = t.core.store.db.prepare('SELECT customer_name AS name, notes FROM applications').get() as {
      name: string
      notes: string
    }
    expect(row).toEqual({ name: 'Zoëë Wanjiku', notes: 'Mother collects\nShow ID' })
  })

  it('refuses a line break inside a name, and an escape in the notes, and writes nothing', async () => {
    const before = rowCounts(t.core.store.db)
    const name = await t.core.dispatch(key, 'application.register', {
      ...CUSTOMER,
      customerName: 'Zoe\nKamau',
    })
    expect(name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'customerName' } })
    const notes = await t.core.dispatch(key, 'application.register', {
      ...CUSTOMER,
      customerName: 'Zoe Kamau',
      notes: 'ok\u001b@',
    })
    expect(notes).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'notes' } })
    expect(rowCounts(t.core.store.db)).toEqual(before)
  })
})
