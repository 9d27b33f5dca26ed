import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PushEventMap, PushEventName, SessionInfo, StaffSummary } from '../../common/contract'
import type { ApiResult } from '../../common/errors'
import { rowCounts } from '../helpers/db-counts'
import { ADMIN, setUpCentre, signedIn, testCore } from '../helpers/core'

const MIN = 60_000
const LOCK_MS = 5 * MIN

type Pushed = { event: PushEventName; data: PushEventMap[PushEventName] }

describe('sign-in, lockout and idle lock', () => {
  let t: ReturnType<typeof testCore>
  let adminKey: string
  let clerk: { staffNumber: string; pin: string }

  beforeEach(async () => {
    t = testCore()
    adminKey = await setUpCentre(t.core)
    clerk = await signedIn(t.core, adminKey, 'setup-clerk-window', 'clerk')
    await t.core.dispatch('setup-clerk-window', 'auth.signOut', {})
  })
  afterEach(() => t.close())

  const d = (key: string, method: string, input: unknown = {}): Promise<ApiResult<unknown>> =>
    t.core.dispatch(key, method, input)
  const signIn = (key: string, staffNumber: string, pin: string) =>
    d(key, 'auth.signIn', { staffNumber, pin })
  const wrongPin = '9157'

  /** An administrator at another window, signed in afresh so the clock moves in the test do not lock them. */
  const auditor = async (): Promise<string> => {
    const r = await signIn('auditor-window', ADMIN.staffNumber, ADMIN.pin)
    if (!r.ok) throw new Error(r.error.message)
    return 'auditor-window'
  }
  const audit = async (action: string, staffNumber?: string) => {
    const r = await d(await auditor(), 'audit.list', {
      limit: 500,
      action,
      ...(staffNumber ? { staffNumber } : {}),
    })
    if (!r.ok) throw new Error(r.error.message)
    return r.value as { action: string; staffNumber: string | null; detail: Record<string, unknown> }[]
  }
  const staffRow = async (staffNumber: string): Promise<StaffSummary> => {
    const r = await d(await auditor(), 'staff.list')
    if (!r.ok) throw new Error(r.error.message)
    const row = (r.value as StaffSummary[]).find((s) => s.staffNumber === staffNumber)
    if (!row) throw new Error(`no ${staffNumber}`)
    return row
  }
  const listen = (key: string): Pushed[] => {
    const got: Pushed[] = []
    t.core.hub.subscribe(key, (event, data) => got.push({ event, data }))
    return got
  }

  describe('wrong PINs', () => {
    it('counts down the tries left, then locks the account on the fifth', async () => {
      const messages: string[] = []
      for (let i = 0; i < 4; i++) {
        const r = await signIn('w', clerk.staffNumber, wrongPin)
        expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
        if (!r.ok) messages.push(r.error.message)
      }
      expect(messages).toEqual([
        'Wrong staff number or PIN. 4 tries left before the account locks.',
        'Wrong staff number or PIN. 3 tries left before the account locks.',
        'Wrong staff number or PIN. 2 tries left before the account locks.',
        'Wrong staff number or PIN. 1 try left before the account locks.',
      ])
      const fifth = await signIn('w', clerk.staffNumber, wrongPin)
      expect(fifth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } })
      // The manual clock starts at 07:00 UTC, which is 10:00 in Nairobi.
      if (!fifth.ok) expect(fifth.error.message).toMatch(/locked until 10:05/)
      expect((await staffRow(clerk.staffNumber)).lockedUntil).toBe(t.clock.now() + LOCK_MS)
      expect(await d('w', 'auth.session')).toEqual({ ok: true, value: null })
    })

    it('refuses the correct PIN while locked and accepts it once the five minutes are over', async () => {
      for (let i = 0; i < 5; i++) await signIn('w', clerk.staffNumber, wrongPin)

      const refused = await signIn('w', clerk.staffNumber, clerk.pin)
      expect(refused).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } })
      if (!refused.ok) expect(refused.error.message).toMatch(/locked until 10:05.*administrator can reset/)

      t.clock.advance(LOCK_MS - 1000)
      expect(await signIn('w', clerk.staffNumber, clerk.pin)).toMatchObject({
        ok: false,
        error: { code: 'ACCOUNT_LOCKED' },
      })

      t.clock.advance(2000)
      expect(await signIn('w', clerk.staffNumber, clerk.pin)).toMatchObject({
        ok: true,
        value: { staff: { staffNumber: clerk.staffNumber, role: 'clerk' }, locked: false },
      })
      expect((await staffRow(clerk.staffNumber)).lockedUntil).toBeNull()
    })

    it('starts counting afresh after the lock expires and after a good sign-in', async () => {
      for (let i = 0; i < 5; i++) await signIn('w', clerk.staffNumber, wrongPin)
      t.clock.advance(LOCK_MS + 1000)
      const r = await signIn('w', clerk.staffNumber, wrongPin)
      expect(r).toMatchObject({ error: { message: expect.stringContaining('4 tries left') } })

      await signIn('w', clerk.staffNumber, wrongPin)
      expect(await signIn('w', clerk.staffNumber, clerk.pin)).toMatchObject({ ok: true })
      const after = await signIn('w2', clerk.staffNumber, wrongPin)
      expect(after).toMatchObject({ error: { message: expect.stringContaining('4 tries left') } })
    })

    it('writes failed, locked and refused attempts to the audit log', async () => {
      for (let i = 0; i < 5; i++) await signIn('w', clerk.staffNumber, wrongPin)
      await signIn('w', clerk.staffNumber, clerk.pin)

      const failed = await audit('auth.signIn.failed', clerk.staffNumber)
      expect(failed.map((e) => e.detail.attempt).sort()).toEqual([1, 2, 3, 4, 5])
      const locked = await audit('auth.accountLocked', clerk.staffNumber)
      expect(locked).toHaveLength(1)
      expect(locked[0]?.detail).toEqual({ lockedUntil: t.clock.now() + LOCK_MS })
      const refused = await audit('auth.signIn.refused', clerk.staffNumber)
      expect(refused).toHaveLength(1)
      expect(refused[0]?.detail).toEqual({ reason: 'account locked' })
    })

    it('an unknown staff number is WRONG_PIN with no hint, audited, and never locks anything', async () => {
      for (let i = 0; i < 7; i++) {
        const r = await signIn('w', 'GHOST99', '5831')
        expect(r).toEqual({ ok: false, error: { code: 'WRONG_PIN', message: 'Wrong staff number or PIN.' } })
      }
      const failed = await audit('auth.signIn.failed', 'GHOST99')
      expect(failed).toHaveLength(7)
      expect(failed[0]?.detail).toEqual({ reason: 'unknown staff' })
      expect(await d('w', 'auth.session')).toEqual({ ok: true, value: null })
    })

    it('staff numbers are matched case-insensitively', async () => {
      expect(await signIn('w', clerk.staffNumber.toLowerCase(), clerk.pin)).toMatchObject({
        ok: true,
        value: { staff: { staffNumber: clerk.staffNumber } },
      })
    })

    it('sign-in before setup is SETUP_REQUIRED', async () => {
      const fresh = testCore()
      try {
        expect(
          await fresh.core.dispatch('w', 'auth.signIn', { staffNumber: 'ADM001', pin: '482619' }),
        ).toMatchObject({
          ok: false,
          error: { code: 'SETUP_REQUIRED' },
        })
      } finally {
        fresh.close()
      }
    })
  })

  describe('unlocking a locked window', () => {
    it('counts wrong PINs too, and the fifth signs the window out and tells it', async () => {
      const key = 'clerk-window'
      expect(await signIn(key, clerk.staffNumber, clerk.pin)).toMatchObject({ ok: true })
      expect(await d(key, 'auth.lock')).toMatchObject({ ok: true, value: { locked: true } })
      const pushed = listen(key)

      for (let i = 0; i < 4; i++) {
        const r = await d(key, 'auth.unlock', { pin: wrongPin })
        expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
        expect(await d(key, 'auth.session')).toMatchObject({ ok: true, value: { locked: true } })
      }
      const fifth = await d(key, 'auth.unlock', { pin: wrongPin })
      expect(fifth).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } })
      expect(await d(key, 'auth.session')).toEqual({ ok: true, value: null })
      expect(pushed.at(-1)).toEqual({ event: 'session.changed', data: { session: null } })

      const failed = await audit('auth.unlock.failed', clerk.staffNumber)
      expect(failed).toHaveLength(5)
      expect(await audit('auth.accountLocked', clerk.staffNumber)).toHaveLength(1)
      // And the account itself is locked for sign-in elsewhere.
      expect(await signIn('other', clerk.staffNumber, clerk.pin)).toMatchObject({
        ok: false,
        error: { code: 'ACCOUNT_LOCKED' },
      })
    })

    it('the right PIN unlocks and tells the window', async () => {
      const key = 'clerk-window'
      await signIn(key, clerk.staffNumber, clerk.pin)
      await d(key, 'auth.lock')
      const pushed = listen(key)
      expect(await d(key, 'auth.unlock', { pin: clerk.pin })).toMatchObject({
        ok: true,
        value: { locked: false },
      })
      expect(pushed).toHaveLength(1)
      expect((pushed[0]?.data as { session: SessionInfo }).session.locked).toBe(false)
      expect(await audit('auth.unlock', clerk.staffNumber)).toHaveLength(1)
      expect(await audit('auth.lock', clerk.staffNumber)).toMatchObject([{ detail: { reason: 'manual' } }])
    })

    it('another person’s PIN does not unlock the window', async () => {
      const key = 'clerk-window'
      await signIn(key, clerk.staffNumber, clerk.pin)
      await d(key, 'auth.lock')
      expect(await d(key, 'auth.unlock', { pin: ADMIN.pin })).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PIN' },
      })
    })
  })

  it('a deactivated staff member cannot sign in, even with the right PIN', async () => {
    expect(
      await d(adminKey, 'staff.update', { staffNumber: clerk.staffNumber, active: false }),
    ).toMatchObject({
      ok: true,
      value: { active: false },
    })
    const r = await signIn('w', clerk.staffNumber, clerk.pin)
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/deactivated/) },
    })
    expect(await d('w', 'auth.session')).toEqual({ ok: true, value: null })
    expect(await audit('auth.signIn.refused', clerk.staffNumber)).toMatchObject([
      { detail: { reason: 'inactive' } },
    ])
  })

  describe('idle lock', () => {
    it('locks the window after the default 5 idle minutes on the next call, and tells it', async () => {
      const pushed = listen(adminKey)
      expect(await d(adminKey, 'auth.session')).toMatchObject({ value: { idleLockMs: 5 * MIN } })
      t.clock.advance(5 * MIN)
      const r = await d(adminKey, 'staff.list')
      expect(r).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } })
      expect(await d(adminKey, 'auth.session')).toMatchObject({ ok: true, value: { locked: true } })
      expect(pushed).toHaveLength(1)
      expect(pushed[0]).toMatchObject({ event: 'session.changed', data: { session: { locked: true } } })
      expect(await audit('auth.lock', ADMIN.staffNumber)).toMatchObject([{ detail: { reason: 'idle' } }])
    })

    it('does not lock before the limit, and each call restarts the idle time', async () => {
      t.clock.advance(5 * MIN - 1000)
      expect(await d(adminKey, 'staff.list')).toMatchObject({ ok: true })
      t.clock.advance(5 * MIN - 1000)
      expect(await d(adminKey, 'staff.list')).toMatchObject({ ok: true })
    })

    it('core.tick() locks idle sessions and pushes session.changed to their window only', async () => {
      await signIn('clerk-window', clerk.staffNumber, clerk.pin)
      const adminPushed = listen(adminKey)
      t.clock.advance(3 * MIN)
      expect(await d('clerk-window', 'auth.activity')).toMatchObject({ ok: true })

      t.core.tick()
      expect(adminPushed.filter((p) => p.event === 'session.changed')).toHaveLength(0)

      t.clock.advance(2 * MIN)
      const clerkPushed = listen('clerk-window')
      t.core.tick()
      expect(adminPushed.filter((p) => p.event === 'session.changed')).toEqual([
        { event: 'session.changed', data: { session: expect.objectContaining({ locked: true }) } },
      ])
      expect(clerkPushed.filter((p) => p.event === 'session.changed')).toHaveLength(0)
      expect(await d(adminKey, 'auth.session')).toMatchObject({ value: { locked: true } })
      expect(await d('clerk-window', 'auth.session')).toMatchObject({ value: { locked: false } })

      // A second sweep does not lock (or announce) the already locked session again.
      t.core.tick()
      expect(adminPushed.filter((p) => p.event === 'session.changed')).toHaveLength(1)
    })

    it('auth.activity postpones the idle lock', async () => {
      t.clock.advance(4 * MIN)
      expect(await d(adminKey, 'auth.activity')).toEqual({ ok: true, value: null })
      t.clock.advance(4 * MIN)
      t.core.tick()
      expect(await d(adminKey, 'auth.session')).toMatchObject({ value: { locked: false } })
      expect(await d(adminKey, 'staff.list')).toMatchObject({ ok: true })
    })

    it('background reads allowed while locked do not keep the window awake', async () => {
      t.clock.advance(3 * MIN)
      expect(await d(adminKey, 'status.get')).toMatchObject({ ok: true })
      expect(await d(adminKey, 'auth.session')).toMatchObject({ ok: true })
      t.clock.advance(2 * MIN)
      t.core.tick()
      expect(await d(adminKey, 'auth.session')).toMatchObject({ value: { locked: true } })
    })

    it('follows the idleLockMinutes setting', async () => {
      expect(await d(adminKey, 'settings.update', { idleLockMinutes: 1 })).toEqual({
        ok: true,
        value: expect.objectContaining({ idleLockMinutes: 1 }),
      })
      expect(await d(adminKey, 'auth.session')).toMatchObject({ value: { idleLockMs: MIN } })
      t.clock.advance(MIN)
      expect(await d(adminKey, 'settings.get')).toMatchObject({
        ok: false,
        error: { code: 'SESSION_LOCKED' },
      })
      expect(await d(adminKey, 'auth.unlock', { pin: ADMIN.pin })).toMatchObject({ ok: true })
      expect(await d(adminKey, 'settings.get')).toMatchObject({ ok: true, value: { idleLockMinutes: 1 } })
    })

    it('idle time counts from the unlock, not from before the lock', async () => {
      t.clock.advance(5 * MIN)
      t.core.tick()
      t.clock.advance(10 * MIN)
      expect(await d(adminKey, 'auth.unlock', { pin: ADMIN.pin })).toMatchObject({ ok: true })
      expect(await d(adminKey, 'staff.list')).toMatchObject({ ok: true })
    })
  })

  describe('changing one’s own PIN', () => {
    it('requires the current PIN', async () => {
      await signIn('clerk-window', clerk.staffNumber, clerk.pin)
      const r = await d('clerk-window', 'auth.changePin', { currentPin: wrongPin, newPin: '3719' })
      expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
      expect(await signIn('x', clerk.staffNumber, '3719')).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PIN' },
      })
      expect(await signIn('x', clerk.staffNumber, clerk.pin)).toMatchObject({ ok: true })
    })

    it('with the current PIN, the new one works and the old one does not', async () => {
      await signIn('clerk-window', clerk.staffNumber, clerk.pin)
      expect(
        await d('clerk-window', 'auth.changePin', { currentPin: clerk.pin, newPin: '3719' }),
      ).toMatchObject({
        ok: true,
        value: { staff: { staffNumber: clerk.staffNumber }, mustChangePin: false },
      })
      expect(await signIn('x', clerk.staffNumber, clerk.pin)).toMatchObject({
        ok: false,
        error: { code: 'WRONG_PIN' },
      })
      expect(await signIn('y', clerk.staffNumber, '3719')).toMatchObject({ ok: true })
      expect(await audit('auth.pinChanged', clerk.staffNumber)).toHaveLength(1)
    })

    it('refuses a guessable new PIN', async () => {
      await signIn('clerk-window', clerk.staffNumber, clerk.pin)
      expect(
        await d('clerk-window', 'auth.changePin', { currentPin: clerk.pin, newPin: '1111' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', field: 'newPin', message: expect.stringMatching(/too easy/) },
      })
    })
  })

  it('an admin PIN reset clears a lockout at once', async () => {
    for (let i = 0; i < 5; i++) await signIn('w', clerk.staffNumber, wrongPin)
    expect((await staffRow(clerk.staffNumber)).lockedUntil).not.toBeNull()

    const r = await d(adminKey, 'staff.resetPin', { staffNumber: clerk.staffNumber, pin: '6043' })
    expect(r).toMatchObject({ ok: true, value: { staffNumber: clerk.staffNumber, lockedUntil: null } })
    expect(await signIn('w', clerk.staffNumber, '6043')).toMatchObject({ ok: true })
    expect(await signIn('v', clerk.staffNumber, clerk.pin)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('4 tries left') },
    })
    expect(await audit('staff.pinReset', ADMIN.staffNumber)).toMatchObject([
      { detail: { staffNumber: clerk.staffNumber } },
    ])
  })

  it('resetting the PIN of an unknown staff number is NOT_FOUND', async () => {
    expect(await d(adminKey, 'staff.resetPin', { staffNumber: 'NOBODY1', pin: '6043' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'staffNumber' },
    })
  })

  describe('the last active administrator', () => {
    it('cannot be demoted or deactivated, and nothing is written', async () => {
      const before = rowCounts(t.core.store.db)
      for (const change of [{ role: 'manager' }, { active: false }, { role: 'clerk', active: false }]) {
        const r = await d(adminKey, 'staff.update', { staffNumber: ADMIN.staffNumber, ...change })
        expect(r).toEqual({
          ok: false,
          error: { code: 'CONFLICT', message: 'The centre must keep at least one active administrator.' },
        })
      }
      expect(rowCounts(t.core.store.db)).toEqual(before)
      expect(await staffRow(ADMIN.staffNumber)).toMatchObject({ role: 'admin', active: true })
    })

    it('a deactivated second admin does not count', async () => {
      const second = await signedIn(t.core, adminKey, 'admin2-window', 'admin')
      await d(adminKey, 'staff.update', { staffNumber: second.staffNumber, active: false })
      expect(
        await d(adminKey, 'staff.update', { staffNumber: ADMIN.staffNumber, role: 'manager' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      })
    })

    it('can be demoted once another active admin exists', async () => {
      await signedIn(t.core, adminKey, 'admin2-window', 'admin')
      expect(
        await d(adminKey, 'staff.update', { staffNumber: ADMIN.staffNumber, role: 'manager' }),
      ).toMatchObject({
        ok: true,
        value: { role: 'manager', active: true },
      })
    })
  })
})
