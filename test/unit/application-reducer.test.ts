import { describe, expect, it } from 'vitest'
import { reduceApplication, type ReducerEvent } from '../../main/services/projection/application-reducer'
import { uuidv7 } from '../../main/infra/uuidv7'

const TN = '042012003660'
const COUNTER = 'counter-device'
const DESK = 'desk-device'
const T0 = Date.UTC(2026, 10, 2, 7, 0, 0)
const MIN = 60_000

const ev = (type: string, at: number, device: string, payload: unknown, staff = 'STF001'): ReducerEvent => ({
  id: uuidv7(at),
  type,
  occurredAt: at,
  staffNumber: staff,
  deviceId: device,
  payload,
})

const registered = ev(
  'application.registered',
  T0,
  COUNTER,
  {
    serviceCode: 'BIRTH_CERT',
    customerName: 'Wanjiku Kamau',
    phone: '+254712345678',
    idNumber: '23456789',
    agencyRef: null,
    language: 'sw',
    smsConsent: true,
    expectedReady: '2026-11-16',
  },
  'CLK001',
)
const arrived = ev('application.arrived', T0 + 10 * MIN, DESK, { slot: '26W45-BC', batchId: 7 }, 'DSK001')
const moved = ev('application.moved', T0 + 20 * MIN, DESK, { slot: 'B-07', reason: 'shelf full' }, 'DSK001')
const missing = ev('application.missing', T0 + 30 * MIN, DESK, { reason: 'not in slot' }, 'DSK001')
const found = ev('application.missingCleared', T0 + 40 * MIN, DESK, { reason: 'found' }, 'DSK001')
const collected = ev(
  'application.collected',
  T0 + 50 * MIN,
  DESK,
  { collector: { kind: 'owner' }, slot: 'B-07' },
  'DSK002',
)

/** Every ordering of a list (the lists here are short). */
function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [xs.slice()]
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]))
}

describe('the application reducer', () => {
  it('folds a whole life into the row a person would expect', () => {
    const { application, ignored } = reduceApplication(
      TN,
      [registered, arrived, moved, missing, found, collected],
      COUNTER,
    )
    expect(ignored).toEqual([])
    expect(application).toMatchObject({
      trackingNumber: TN,
      customerName: 'Wanjiku Kamau',
      language: 'sw',
      smsConsent: 1,
      status: 'collected',
      registeredAt: T0,
      registeredBy: 'CLK001',
      arrivedAt: T0 + 10 * MIN,
      arrivedBy: 'DSK001',
      // The desk's batch number means nothing on the counter PC.
      arrivalBatchId: null,
      shelfSlot: 'B-07',
      missing: 0,
      collectedAt: T0 + 50 * MIN,
      collectedBy: 'DSK002',
      collector: '{"kind":"owner"}',
      updatedAt: T0 + 50 * MIN,
    })
  })

  it('gives the same row whatever order the events arrive in (720 orderings)', () => {
    const all = [registered, arrived, moved, missing, found, collected]
    const reference = reduceApplication(TN, all, DESK).application
    expect(reference?.arrivalBatchId).toBe(7)
    for (const order of permutations(all)) {
      expect(reduceApplication(TN, order, DESK).application).toEqual(reference)
    }
  })

  it('waits for the registration: an arrival alone makes no row, and the row is complete once it comes', () => {
    expect(reduceApplication(TN, [arrived], COUNTER).application).toBeNull()
    expect(reduceApplication(TN, [arrived, registered], COUNTER).application).toMatchObject({
      status: 'arrived',
      shelfSlot: '26W45-BC',
    })
  })

  it('is idempotent: the same event delivered twice changes nothing', () => {
    const once = reduceApplication(TN, [registered, arrived, collected], COUNTER).application
    const twice = reduceApplication(
      TN,
      [registered, arrived, arrived, collected, collected, registered],
      COUNTER,
    )
    expect(twice.application).toEqual(once)
  })

  it('a desk clock behind the counter’s (arrival stamped before registration) still gives an arrived document', () => {
    const early = ev('application.arrived', T0 - 5 * MIN, DESK, { slot: '26W45-BC' })
    expect(reduceApplication(TN, [early, registered], COUNTER).application).toMatchObject({
      status: 'arrived',
      arrivedAt: T0 - 5 * MIN,
      shelfSlot: '26W45-BC',
    })
  })

  it('never moves a status backwards: a collection that sorts before its arrival keeps the document collected', () => {
    const lateArrival = ev('application.arrived', T0 + 60 * MIN, DESK, { slot: '26W45-BC' })
    const { application } = reduceApplication(TN, [registered, collected, lateArrival], COUNTER)
    expect(application).toMatchObject({ status: 'collected', arrivedAt: T0 + 60 * MIN })
  })

  it('a second arrival scan on another desk does not move the document: the first one stands', () => {
    const other = ev('application.arrived', T0 + 15 * MIN, 'desk-2', { slot: 'W45-XX' })
    expect(reduceApplication(TN, [registered, other, arrived], COUNTER).application).toMatchObject({
      shelfSlot: '26W45-BC',
      arrivedAt: T0 + 10 * MIN,
    })
  })

  it('returned and cancelled clear the shelf slot; a return after collection is ignored', () => {
    const returned = ev('application.returned', T0 + 90 * MIN, DESK, { manifestId: 'M1', agency: 'CRS' })
    expect(reduceApplication(TN, [registered, arrived, returned], COUNTER).application).toMatchObject({
      status: 'returned',
      returnedAt: T0 + 90 * MIN,
      shelfSlot: null,
    })
    expect(
      reduceApplication(TN, [registered, arrived, collected, returned], COUNTER).application?.status,
    ).toBe('collected')
  })

  it('leaves out an event whose payload does not fit its type, and says which and why', () => {
    const bad = ev('application.arrived', T0 + 10 * MIN, DESK, { shelf: 'W45' })
    const { application, ignored } = reduceApplication(TN, [registered, bad], COUNTER)
    expect(application?.status).toBe('registered')
    expect(ignored).toEqual([{ id: bad.id, type: 'application.arrived', reason: expect.any(String) }])
  })

  it('ignores history-only events such as a logged phone call', () => {
    const call = ev('application.callLogged', T0 + 70 * MIN, DESK, { outcome: 'no answer' })
    const withCall = reduceApplication(TN, [registered, arrived, call], COUNTER).application
    expect(withCall).toEqual(reduceApplication(TN, [registered, arrived], COUNTER).application)
  })
})

describe('UUIDv7 ids', () => {
  it('made within one millisecond still sort in the order they were made', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(T0))
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('week slots written without the year (a PC not yet updated)', () => {
  const passport = ev('application.registered', Date.UTC(2024, 11, 20, 7), COUNTER, {
    serviceCode: 'PASSPORT',
    customerName: 'Wanjiku Kamau',
    phone: '+254712345678',
    agencyRef: 'AK1234567',
    language: 'en',
    smsConsent: true,
    expectedReady: '2024-12-30',
  })

  it('an arrival on 30 Dec 2024 in W01-PP folds to 25W01-PP, the label migration 0110 gives the stored row', () => {
    const arrival = ev('application.arrived', Date.UTC(2024, 11, 30, 7), DESK, { slot: 'W01-PP' })
    expect(reduceApplication(TN, [passport, arrival], COUNTER).application?.shelfSlot).toBe('25W01-PP')
  })

  it('a move to an old week label gets the year nearest the arrival; other names are kept as typed', () => {
    const arrival = ev('application.arrived', Date.UTC(2027, 0, 6, 7), DESK, { slot: '27W01-PP' })
    const toLastWeek = ev('application.moved', Date.UTC(2027, 0, 7, 7), DESK, { slot: 'W52-PP', reason: 'r' })
    expect(reduceApplication(TN, [passport, arrival, toLastWeek], COUNTER).application?.shelfSlot).toBe(
      '26W52-PP',
    )
    const toBox = ev('application.moved', Date.UTC(2027, 0, 8, 7), DESK, { slot: 'BOX 3', reason: 'r' })
    expect(
      reduceApplication(TN, [passport, arrival, toLastWeek, toBox], COUNTER).application?.shelfSlot,
    ).toBe('BOX 3')
  })
})
