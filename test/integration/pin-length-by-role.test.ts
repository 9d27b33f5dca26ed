/**
 * Manager and administrator PINs have at least 6 digits; clerks and desk staff keep 4. Each way a PIN is set
 * (first-run setup, staff create, promotion, reset, own change) refuses a short one with a message naming the rule,
 * and writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../common/errors'
import { rowCounts } from '../helpers/db-counts'
import { ADMIN, setUpCentre, signedIn, testCore } from '../helpers/core'

const MANAGER_RULE = "A manager's PIN has at least 6 digits."
const ADMIN_RULE = "An administrator's PIN has at least 6 digits."

describe('PIN length by role', () => {
  let t: ReturnType<typeof testCore>
  const d = (key: string, method: string, input: unknown = {}): Promise<ApiResult<unknown>> =>
    t.core.dispatch(key, method, input)
  const refused = (message: string, field: string) => ({
    ok: false,
    error: { code: 'INVALID_INPUT', message, field },
  })

  beforeEach(() => {
    t = testCore()
  })
  afterEach(() => t.close())

  it('first-run setup refuses a 4- or 5-digit administrator PIN and sets nothing up', async () => {
    for (const pin of ['4826', '48261']) {
      const r = await d('w', 'setup.createCentre', {
        centreNumber: '042',
        centreName: 'Huduma Centre GPO',
        workstationSlot: '01',
        admin: { ...ADMIN, pin },
      })
      expect(r).toMatchObject(refused(ADMIN_RULE, 'admin.pin'))
    }
    expect(await d('w', 'app.status')).toMatchObject({ ok: true, value: { setupDone: false } })
    expect(rowCounts(t.core.store.db)).toMatchObject({ staff: 0, centre: 0, events: 0 })
  })

  describe('with a centre', () => {
    let admin: string
    beforeEach(async () => {
      admin = await setUpCentre(t.core)
    })

    const create = (role: string, pin: string, staffNumber = 'STF100') =>
      d(admin, 'staff.create', { staffNumber, name: 'Wanjiku Kamau', role, pin })
    const roleOf = (staffNumber: string) => t.core.store.staff.byNumber(staffNumber)?.role

    it('staff create: a manager or administrator needs 6 digits, a clerk or desk officer 4', async () => {
      const before = rowCounts(t.core.store.db)
      expect(await create('manager', '4826')).toMatchObject(refused(MANAGER_RULE, 'pin'))
      expect(await create('admin', '48261')).toMatchObject(refused(ADMIN_RULE, 'pin'))
      expect(rowCounts(t.core.store.db)).toEqual(before)
      expect(await create('manager', '482619', 'MGR100')).toMatchObject({ ok: true })
      expect(await create('admin', '482619', 'ADM100')).toMatchObject({ ok: true })
      expect(await create('clerk', '4826', 'CLK100')).toMatchObject({ ok: true })
      expect(await create('desk', '4826', 'DSK100')).toMatchObject({ ok: true })
    })

    it('a clerk promoted to manager must set a 6-digit PIN in the same change; with one, the new PIN signs in', async () => {
      const clerk = await signedIn(t.core, admin, 'clerk-window', 'clerk')
      const before = rowCounts(t.core.store.db)
      expect(
        await d(admin, 'staff.update', { staffNumber: clerk.staffNumber, role: 'manager' }),
      ).toMatchObject(refused(`${MANAGER_RULE} Set a new PIN for Test clerk in the same change.`, 'pin'))
      expect(
        await d(admin, 'staff.update', { staffNumber: clerk.staffNumber, role: 'manager', pin: '4826' }),
      ).toMatchObject(refused(MANAGER_RULE, 'pin'))
      expect(rowCounts(t.core.store.db)).toEqual(before)
      expect(roleOf(clerk.staffNumber)).toBe('clerk')

      const r = await d(admin, 'staff.update', {
        staffNumber: clerk.staffNumber,
        role: 'manager',
        pin: '739164',
      })
      expect(r).toMatchObject({ ok: true, value: { role: 'manager' } })
      await d('w', 'auth.signOut')
      expect(await d('w', 'auth.signIn', { staffNumber: clerk.staffNumber, pin: clerk.pin })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PIN' },
      })
      expect(await d('w', 'auth.signIn', { staffNumber: clerk.staffNumber, pin: '739164' })).toMatchObject({
        ok: true,
        value: { staff: { role: 'manager' } },
      })
      const audit = await d(admin, 'audit.list', { action: 'staff.pinReset' })
      expect(audit).toMatchObject({ ok: true, value: [{ detail: { staffNumber: clerk.staffNumber } }] })
    })

    it('a move down (manager to clerk) or across (manager to administrator) keeps the PIN', async () => {
      const manager = await signedIn(t.core, admin, 'manager-window', 'manager')
      expect(
        await d(admin, 'staff.update', { staffNumber: manager.staffNumber, role: 'admin' }),
      ).toMatchObject({
        ok: true,
      })
      expect(
        await d(admin, 'staff.update', { staffNumber: manager.staffNumber, role: 'clerk' }),
      ).toMatchObject({
        ok: true,
      })
      await d('w', 'auth.signOut')
      expect(await d('w', 'auth.signIn', manager)).toMatchObject({
        ok: true,
        value: { staff: { role: 'clerk' } },
      })
    })

    it('a PIN reset for a manager needs 6 digits; for a clerk 4', async () => {
      const manager = await signedIn(t.core, admin, 'manager-window', 'manager')
      const clerk = await signedIn(t.core, admin, 'clerk-window', 'clerk')
      const before = t.core.store.staff.byNumber(manager.staffNumber)?.pin_hash
      expect(
        await d(admin, 'staff.resetPin', { staffNumber: manager.staffNumber, pin: '4826' }),
      ).toMatchObject(refused(MANAGER_RULE, 'pin'))
      expect(t.core.store.staff.byNumber(manager.staffNumber)?.pin_hash).toBe(before)
      expect(
        await d(admin, 'staff.resetPin', { staffNumber: manager.staffNumber, pin: '482619' }),
      ).toMatchObject({
        ok: true,
      })
      expect(await d(admin, 'staff.resetPin', { staffNumber: clerk.staffNumber, pin: '4826' })).toMatchObject(
        {
          ok: true,
        },
      )
    })

    it('changing one’s own PIN: an administrator needs 6 digits, and a short one costs no try', async () => {
      const before = t.core.store.staff.byNumber(ADMIN.staffNumber)
      expect(await d(admin, 'auth.changePin', { currentPin: ADMIN.pin, newPin: '4826' })).toMatchObject(
        refused(ADMIN_RULE, 'newPin'),
      )
      // Refused before the current PIN is checked: even a wrong one is not counted.
      expect(await d(admin, 'auth.changePin', { currentPin: '9157', newPin: '4826' })).toMatchObject(
        refused(ADMIN_RULE, 'newPin'),
      )
      expect(t.core.store.staff.byNumber(ADMIN.staffNumber)).toEqual(before)
      expect(await d(admin, 'auth.changePin', { currentPin: ADMIN.pin, newPin: '731546' })).toMatchObject({
        ok: true,
      })
      const clerk = await signedIn(t.core, admin, 'clerk-window', 'clerk')
      expect(
        await d('clerk-window', 'auth.changePin', { currentPin: clerk.pin, newPin: '7315' }),
      ).toMatchObject({
        ok: true,
      })
    })
  })
})
