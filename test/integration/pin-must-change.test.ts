import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashPin } from '../../main/services/pin-hash'
import { setUpCentre, signedIn, testCore } from '../helpers/core'

/**
 * A manager's or administrator's PIN from before the 6-digit rule still signs in, but the session can do nothing
 * but set a new PIN (or sign out / lock) until it has one: the core refuses the rest, whatever the window shows.
 */
describe('a manager with a PIN from before the 6-digit rule', () => {
  let t: ReturnType<typeof testCore>
  let admin: string
  beforeEach(async () => {
    t = testCore()
    admin = await setUpCentre(t.core)
  })
  afterEach(() => t.close())

  /** Someone of `role` whose stored PIN is `pin`, as an older version of the app let it be set. */
  async function withOldPin(role: 'manager' | 'clerk', pin: string): Promise<string> {
    const { staffNumber } = await signedIn(t.core, admin, `${role}-setup`, role)
    t.core.store.staff.setPin({ staffNumber, pinHash: await hashPin(pin), now: t.clock.now() })
    return staffNumber
  }

  it('signs in told to set a new PIN; every other call is refused until it is set, then all work', async () => {
    const staffNumber = await withOldPin('manager', '4826')
    const signIn = await t.core.dispatch('m', 'auth.signIn', { staffNumber, pin: '4826' })
    expect(signIn).toMatchObject({ ok: true, value: { mustChangePin: true } })
    expect(await t.core.dispatch('m', 'backlog.summary', {})).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: "Set a new PIN first: a centre manager's PIN now has at least 6 digits.",
      },
    })
    // Still allowed: what the window needs to show itself, and leaving.
    expect(await t.core.dispatch('m', 'auth.session', {})).toMatchObject({
      ok: true,
      value: { mustChangePin: true },
    })
    expect(
      await t.core.dispatch('m', 'auth.changePin', { currentPin: '4826', newPin: '4826' }),
    ).toMatchObject({
      ok: false,
      error: { field: 'newPin' },
    })
    const changed = await t.core.dispatch('m', 'auth.changePin', { currentPin: '4826', newPin: '482619' })
    expect(changed).toMatchObject({ ok: true, value: { mustChangePin: false } })
    expect((await t.core.dispatch('m', 'backlog.summary', {})).ok).toBe(true)
    // And the next sign-in, with the new PIN, is a normal one.
    await t.core.dispatch('m', 'auth.signOut', {})
    expect(await t.core.dispatch('m', 'auth.signIn', { staffNumber, pin: '482619' })).toMatchObject({
      ok: true,
      value: { mustChangePin: false },
    })
  })

  it('a clerk’s 4-digit PIN is long enough: nothing is asked', async () => {
    const staffNumber = await withOldPin('clerk', '5937')
    expect(await t.core.dispatch('c', 'auth.signIn', { staffNumber, pin: '5937' })).toMatchObject({
      ok: true,
      value: { mustChangePin: false },
    })
  })
})
