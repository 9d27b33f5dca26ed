import { afterEach, beforeEach, expect, it } from 'vitest'
import type { ProjectedApplication } from '../../main/services/projection/application-reducer'
import { setUpCentre, testCore } from '../helpers/core'

/**
 * The projection's write (main/db/queries/projection.ts `upsert`) names only the columns whose value changed, so
 * that an arrival does not rewrite the name keys and the phone and ID indexes. What it must keep is the row: after
 * any sequence of folds the row is the last fold, whatever columns each write named.
 */

let t: ReturnType<typeof testCore>
beforeEach(async () => {
  t = testCore()
  await setUpCentre(t.core)
})
afterEach(() => t.close())

const registered: ProjectedApplication = {
  trackingNumber: '042051234567',
  serviceCode: 'ID_NEW',
  customerName: 'Wanjiku Kamau',
  phone: '+254712345678',
  idNumber: '23456789',
  agencyRef: null,
  language: 'en',
  smsConsent: 1,
  notes: null,
  status: 'registered',
  registeredAt: 1_000,
  registeredBy: 'CLK001',
  expectedReady: '2027-01-15',
  arrivedAt: null,
  arrivedBy: null,
  arrivalBatchId: null,
  shelfSlot: null,
  collectedAt: null,
  collectedBy: null,
  collector: null,
  missing: 0,
  damaged: 0,
  returnedAt: null,
  returnManifestId: null,
  updatedAt: 1_000,
}

const row = () =>
  t.core.store.db
    .prepare(
      `SELECT customer_name, phone, status, arrived_at, arrived_by, shelf_slot, updated_at, service_code
       FROM applications WHERE tracking_number = ?`,
    )
    .get(registered.trackingNumber)
const nameKeys = () =>
  t.core.store.db
    .prepare('SELECT name_key FROM application_name_keys WHERE tracking_number = ? ORDER BY 1')
    .pluck()
    .all(registered.trackingNumber)

it('inserts a new row, leaves an unchanged fold alone and writes a changed one', () => {
  const p = t.core.store.projection
  expect(p.upsert(registered)).toBe('inserted')
  expect(p.upsert(registered)).toBe('unchanged')
  const arrived = {
    ...registered,
    status: 'arrived' as const,
    arrivedAt: 5_000,
    arrivedBy: 'DSK001',
    shelfSlot: 'A-01',
    updatedAt: 5_000,
  }
  expect(p.upsert(arrived)).toBe('updated')
  expect(row()).toEqual({
    customer_name: 'Wanjiku Kamau',
    phone: '+254712345678',
    status: 'arrived',
    arrived_at: 5_000,
    arrived_by: 'DSK001',
    shelf_slot: 'A-01',
    updated_at: 5_000,
    service_code: 'ID_NEW',
  })
  expect(nameKeys()).toEqual(['kamau', 'wanjiku kamau'])
})

it('a changed name still moves the name keys (the trigger runs when the name is among the columns written)', () => {
  const p = t.core.store.projection
  p.upsert(registered)
  expect(p.upsert({ ...registered, customerName: 'Achieng Otieno', updatedAt: 2_000 })).toBe('updated')
  expect(nameKeys()).toEqual(['achieng otieno', 'otieno'])
})

it('registration columns are written once: a later fold with another service leaves the row’s service', () => {
  const p = t.core.store.projection
  p.upsert(registered)
  expect(p.upsert({ ...registered, serviceCode: 'BIRTH_CERT' })).toBe('unchanged')
  expect(row()).toMatchObject({ service_code: 'ID_NEW' })
})
