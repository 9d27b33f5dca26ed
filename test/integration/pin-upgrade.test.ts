/**
 * PIN hashes made at the earlier, lower scrypt cost (N = 2^14) are raised to the current one (N = 2^17) at their
 * holder's next successful sign-in or unlock, in the same write that records the success, on a real core and file.
 */
import { randomBytes, scrypt } from 'node:crypto'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../main/core/create-core'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { PIN_COST, verifyPin } from '../../main/services/pin-hash'
import { setUpCentre, signedIn, testCore } from '../helpers/core'
import { mountSmallDisk, SMALL_DISK_UNAVAILABLE } from '../helpers/small-disk'

const CURRENT = /^scrypt\$131072\$8\$1\$/

/** A hash as the app wrote them before the cost was raised. */
function legacyHash(pin: string): Promise<string> {
  const salt = randomBytes(16)
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, 32, { N: 2 ** 14, r: 8, p: 1 }, (err, key) =>
      err ? reject(err) : resolve(`scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`),
    ),
  )
}

const storedHash = (core: Core, staffNumber: string): string => {
  const row = core.store.staff.byNumber(staffNumber)
  if (!row) throw new Error(`no ${staffNumber}`)
  return row.pin_hash
}

/** Puts an old-cost hash of the holder's PIN in place, as an older version of the app left it. */
async function plantLegacy(core: Core, staffNumber: string, pin: string, now: number): Promise<string> {
  const legacy = await legacyHash(pin)
  core.store.staff.setPin({ staffNumber, pinHash: legacy, now })
  return legacy
}

describe('PIN hashes at the earlier cost are upgraded at the next success', () => {
  let t: ReturnType<typeof testCore>
  let clerk: { staffNumber: string; pin: string }

  beforeEach(async () => {
    t = testCore(undefined, { pinCost: PIN_COST })
    const admin = await setUpCentre(t.core)
    clerk = await signedIn(t.core, admin, 'clerk-window', 'clerk')
    await t.core.dispatch('clerk-window', 'auth.signOut', {})
  })
  afterEach(() => t.close())

  it('a PIN stored at N = 2^14 signs in, and is stored at N = 2^17 after; the same PIN still signs in', async () => {
    const legacy = await plantLegacy(t.core, clerk.staffNumber, clerk.pin, t.clock.now())
    expect(await t.core.dispatch('w', 'auth.signIn', clerk)).toMatchObject({ ok: true })
    const after = storedHash(t.core, clerk.staffNumber)
    expect(after).toMatch(CURRENT)
    expect(after).not.toBe(legacy)
    expect(await verifyPin(clerk.pin, after)).toBe(true)
    await t.core.dispatch('w', 'auth.signOut', {})
    expect(await t.core.dispatch('w', 'auth.signIn', clerk)).toMatchObject({ ok: true })
    expect(storedHash(t.core, clerk.staffNumber)).toBe(after)
  })

  it('unlocking a locked window upgrades it too', async () => {
    expect(await t.core.dispatch('w', 'auth.signIn', clerk)).toMatchObject({ ok: true })
    const legacy = await plantLegacy(t.core, clerk.staffNumber, clerk.pin, t.clock.now())
    await t.core.dispatch('w', 'auth.lock', {})
    expect(await t.core.dispatch('w', 'auth.unlock', { pin: clerk.pin })).toMatchObject({ ok: true })
    expect(storedHash(t.core, clerk.staffNumber)).toMatch(CURRENT)
    expect(storedHash(t.core, clerk.staffNumber)).not.toBe(legacy)
  })

  it('a wrong PIN does not upgrade, and still counts as a wrong PIN', async () => {
    const legacy = await plantLegacy(t.core, clerk.staffNumber, clerk.pin, t.clock.now())
    const r = await t.core.dispatch('w', 'auth.signIn', { staffNumber: clerk.staffNumber, pin: '9157' })
    expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
    expect(storedHash(t.core, clerk.staffNumber)).toBe(legacy)
    expect(t.core.store.staff.byNumber(clerk.staffNumber)?.failed_attempts).toBe(1)
  })

  it('a deactivated holder with the right PIN is refused and not upgraded', async () => {
    const legacy = await plantLegacy(t.core, clerk.staffNumber, clerk.pin, t.clock.now())
    const admin = await t.core.dispatch('admin-window', 'staff.update', {
      staffNumber: clerk.staffNumber,
      active: false,
    })
    expect(admin).toMatchObject({ ok: true })
    expect(await t.core.dispatch('w', 'auth.signIn', clerk)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(storedHash(t.core, clerk.staffNumber)).toBe(legacy)
  })
})

if (SMALL_DISK_UNAVAILABLE) console.warn(`full-disk PIN upgrade test skipped: ${SMALL_DISK_UNAVAILABLE}`)

describe.skipIf(SMALL_DISK_UNAVAILABLE !== null)('the upgrade on a full disk', () => {
  it('sign-in still works when the upgrade cannot be written; the next sign-in with space upgrades', async () => {
    const disk = mountSmallDisk(24 * 1024 * 1024)
    const clock = manualClock()
    const core = createCore({
      dataDir: path.join(disk.dir, 'data'),
      logger: silentLogger,
      version: 'test',
      clock,
      tickMs: 0,
      diskReserveBytes: 512 * 1024,
    })
    try {
      const admin = await setUpCentre(core)
      const clerk = await signedIn(core, admin, 'clerk-window', 'clerk')
      await core.dispatch('clerk-window', 'auth.signOut', {})
      const legacy = await plantLegacy(core, clerk.staffNumber, clerk.pin, clock.now())
      disk.fill(0)
      expect(await core.dispatch('w', 'auth.signIn', clerk)).toMatchObject({ ok: true })
      expect(storedHash(core, clerk.staffNumber)).toBe(legacy)
      await core.dispatch('w', 'auth.signOut', {})
      disk.release()
      expect(await core.dispatch('w', 'auth.signIn', clerk)).toMatchObject({ ok: true })
      expect(storedHash(core, clerk.staffNumber)).toMatch(CURRENT)
    } finally {
      core.close()
      disk.unmount()
    }
  })
})
