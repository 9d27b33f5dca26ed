/**
 * The collection desk with an agency reference of a service that has no reference pattern (passports, birth
 * certificates, …) and with the centre's own slot names. Every call goes through core.dispatch into a real SQLite
 * file; time is the manual clock (Mon 2 Nov 2026, 10:00 Nairobi: ISO week 45 of 2026).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../common/errors'
import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import type { Core } from '../../main/core/create-core'
import { setUpCentre, signedIn, testCore } from '../helpers/core'
import { rowCounts } from '../helpers/db-counts'

const ADMIN_KEY = 'admin-window'
const CLERK_KEY = 'clerk-window'
const DESK_KEY = 'desk-window'

/** A passport application: the immigration department's reference has no pattern in the catalogue. */
const PASSPORT = {
  serviceCode: 'PASSPORT',
  customerName: 'Wanjiku Kamau',
  phone: '0712345678',
  idNumber: '23456789',
  agencyRef: 'AK1234567',
  language: 'en',
  smsConsent: true,
} as const satisfies MethodInput<'application.register'>

/** Another customer whose birth certificate was given the same reference by its agency. */
const SAME_REF = {
  serviceCode: 'BIRTH_CERT',
  customerName: 'Achieng Odhiambo',
  phone: '0723456789',
  idNumber: '31234567',
  agencyRef: 'ak1234567',
  language: 'sw',
  smsConsent: true,
} as const satisfies MethodInput<'application.register'>

async function call<K extends MethodName>(
  core: Core,
  key: string,
  method: K,
  input: MethodInput<K> | Record<string, unknown>,
): Promise<ApiResult<MethodOutput<K>>> {
  return (await core.dispatch(key, method, input)) as ApiResult<MethodOutput<K>>
}

async function ok<K extends MethodName>(
  core: Core,
  key: string,
  method: K,
  input: MethodInput<K> | Record<string, unknown>,
): Promise<MethodOutput<K>> {
  const r = await call(core, key, method, input)
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message} (${r.error.field ?? '-'})`)
  return r.value
}

describe('collection desk: agency references whatever the pattern, and real slot names', () => {
  let t: ReturnType<typeof testCore>
  beforeEach(async () => {
    t = testCore()
    await setUpCentre(t.core, ADMIN_KEY)
    await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
    await signedIn(t.core, ADMIN_KEY, DESK_KEY, 'desk')
  })
  afterEach(() => t.close())

  const db = () => t.core.store.db
  const register = async (input: Record<string, unknown>): Promise<string> =>
    (await ok(t.core, CLERK_KEY, 'application.register', input)).application.trackingNumber
  const openBatch = async (): Promise<number> =>
    (await ok(t.core, DESK_KEY, 'arrivals.openBatch', { agency: 'Immigration' })).id
  const scan = (batchId: number, code: string) => ok(t.core, DESK_KEY, 'arrivals.scan', { batchId, code })

  describe('an agency reference of a service without a pattern', () => {
    it('arrives the passport registered with AK1234567 onto 26W45-PP, typed in any case', async () => {
      const tn = await register(PASSPORT)
      const batchId = await openBatch()
      const r = await scan(batchId, ' ak1234567 ')
      expect(r).toMatchObject({
        outcome: 'arrived',
        trackingNumber: tn,
        slot: '26W45-PP',
        headline: '26W45-PP',
      })
      expect(r.candidates).toEqual([])
      expect((await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: tn })).status).toBe('arrived')
    })

    it('finds it at hand-over and in the shelf audit of its slot', async () => {
      const tn = await register(PASSPORT)
      await scan(await openBatch(), 'AK1234567')
      const found = await ok(t.core, DESK_KEY, 'collection.lookup', { code: 'AK1234567' })
      expect(found.ready.map((d) => d.trackingNumber)).toEqual([tn])
      expect(found.choose).toEqual([])
      const report = await ok(t.core, DESK_KEY, 'shelf.audit', { slot: '26W45-PP', codes: ['AK1234567'] })
      expect(report).toMatchObject({ present: [tn], missing: [], unknown: [], ambiguous: [] })
    })

    it('an unregistered reference is still unmatched, with a message that says so', async () => {
      const batchId = await openBatch()
      const r = await scan(batchId, 'AK7654321')
      expect(r.outcome).toBe('unknown')
      expect(r.message).toBe(
        'No application on this workstation has tracking number or agency reference AK7654321: it is kept in the unmatched list to resolve.',
      )
    })
  })

  describe('two applications with the same reference', () => {
    it('an arrival never picks one: the desk is shown both (tracking number, service, masked name) and chooses', async () => {
      const passport = await register(PASSPORT)
      const birth = await register(SAME_REF)
      const batchId = await openBatch()
      const eventsBefore = db().prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()?.n

      const r = await scan(batchId, 'AK1234567')
      expect(r.outcome).toBe('unknown')
      expect(r.trackingNumber).toBeNull()
      expect(r.headline).toBe('Choose the application')
      expect(r.message).toContain('2 applications have agency reference AK1234567')
      expect(
        r.candidates.map((c) => [c.trackingNumber, c.serviceName, c.maskedName, c.status]).sort(),
      ).toEqual(
        [
          [passport, 'Passport', 'Wa••• Ka•••', 'registered'],
          [birth, 'Birth certificate', 'Ac••• Od•••', 'registered'],
        ].sort(),
      )
      // Nothing arrived: no event, both still registered.
      expect(db().prepare<[], { n: number }>('SELECT count(*) AS n FROM events').get()?.n).toBe(eventsBefore)
      for (const tn of [passport, birth])
        expect((await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: tn })).status).toBe(
          'registered',
        )

      // The batch view still offers the choice for the unmatched scan.
      const batch = await ok(t.core, DESK_KEY, 'arrivals.getBatch', { batchId })
      expect(batch.scans[0]?.candidates.map((c) => c.trackingNumber).sort()).toEqual([passport, birth].sort())

      const chosen = await ok(t.core, DESK_KEY, 'arrivals.resolveScan', {
        scanId: r.scanId,
        trackingNumber: passport,
      })
      expect(chosen).toMatchObject({ outcome: 'arrived', trackingNumber: passport, slot: '26W45-PP' })
      expect((await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: birth })).status).toBe(
        'registered',
      )
      const after = await ok(t.core, DESK_KEY, 'arrivals.getBatch', { batchId })
      expect(after.scans.find((s) => s.scanId === r.scanId)?.candidates).toEqual([])
    })

    it('hand-over lists nothing until the desk picks whose document it is', async () => {
      const passport = await register(PASSPORT)
      const birth = await register(SAME_REF)
      const batchId = await openBatch()
      await scan(batchId, passport)
      await scan(batchId, birth)
      const r = await ok(t.core, DESK_KEY, 'collection.lookup', { code: 'AK1234567' })
      expect(r.ready).toEqual([])
      expect(r.notReady).toEqual([])
      expect(r.choose.map((c) => c.trackingNumber).sort()).toEqual([passport, birth].sort())
      expect(r.choose.find((c) => c.trackingNumber === passport)).toMatchObject({ shelfSlot: '26W45-PP' })
    })

    it('the shelf audit counts the one that belongs in the slot, and reports a reference it cannot place', async () => {
      const passport = await register(PASSPORT)
      const birth = await register(SAME_REF)
      const batchId = await openBatch()
      await scan(batchId, passport)
      await scan(batchId, birth)
      expect(
        await ok(t.core, DESK_KEY, 'shelf.audit', { slot: '26W45-PP', codes: ['AK1234567'] }),
      ).toMatchObject({ present: [passport], missing: [], ambiguous: [] })
      const elsewhere = await ok(t.core, DESK_KEY, 'shelf.audit', { slot: 'BOX 3', codes: ['AK1234567'] })
      expect(elsewhere.present).toEqual([])
      expect(elsewhere.ambiguous).toEqual([
        { code: 'AK1234567', trackingNumbers: expect.arrayContaining([passport, birth]) },
      ])
    })
  })

  describe('moving to a slot of another shape', () => {
    it.each([
      ['W49-OVERFLOW', 'W49-OVERFLOW'],
      ['a-07', 'A-07'],
      ['  box   3 ', 'BOX 3'],
      ['shelf 2/3', 'SHELF 2/3'],
    ])('moves to %j as %j, and its SLOT: label audits it as present', async (typed, stored) => {
      const tn = await register(PASSPORT)
      await scan(await openBatch(), tn)
      const moved = await ok(t.core, DESK_KEY, 'shelf.move', {
        trackingNumber: tn,
        slot: typed,
        reason: 'Overflow shelf',
      })
      expect(moved.shelfSlot).toBe(stored)
      const ev = db()
        .prepare<[string], { payload: string }>(
          "SELECT payload FROM events WHERE type = 'application.moved' AND tracking_number = ?",
        )
        .all(tn)
      expect(ev.map((e) => JSON.parse(e.payload) as unknown)).toEqual([
        { slot: stored, reason: 'Overflow shelf' },
      ])
      // The shelf label's barcode, scanned on the audit page, names the same slot (common/shelf-slot parseSlotLabel).
      const { parseSlotLabel } = await import('../../common/shelf-slot')
      const label = parseSlotLabel(`SLOT:${stored}`)
      expect(label).toBe(stored)
      const report = await ok(t.core, DESK_KEY, 'shelf.audit', { slot: label ?? '', codes: [tn] })
      expect(report).toMatchObject({ slot: stored, present: [tn], missing: [], misplaced: [] })
    })

    it('refuses junk with the slot message and writes nothing', async () => {
      const tn = await register(PASSPORT)
      await scan(await openBatch(), tn)
      const before = rowCounts(db())
      for (const junk of ['BOX #3', '***', 'x'.repeat(21), '-A']) {
        const r = await call(t.core, DESK_KEY, 'shelf.move', {
          trackingNumber: tn,
          slot: junk,
          reason: 'Overflow',
        })
        expect(r.ok).toBe(false)
        if (r.ok) continue
        expect(r.error).toMatchObject({
          code: 'INVALID_INPUT',
          field: 'slot',
          message:
            'A shelf slot is 1 to 20 letters, digits, spaces, - / or . (starting and ending with a letter or digit), e.g. A-07, BOX 3 or 26W49-OVERFLOW',
        })
      }
      expect(rowCounts(db())).toEqual(before)
      expect((await ok(t.core, DESK_KEY, 'application.get', { trackingNumber: tn })).shelfSlot).toBe(
        '26W45-PP',
      )
    })
  })
})
