import type { MethodInput, MethodName, MethodOutput } from '../../common/contract'
import { createCore, type Core } from '../../main/core/create-core'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import type { PinCost } from '../../main/services/pin-hash'
import { tempDir } from './temp-dir'
import { MIN_PIN_DIGITS } from '../../common/contract/fields'

export const ADMIN = { staffNumber: 'ADM001', name: 'Amina Wanjiru', pin: '482619' }

/**
 * scrypt for the PINs of test cores: N = 2^10 instead of the app's 2^17 (about 0.3 s a hash), or the suites that
 * create and sign in hundreds of staff spend minutes hashing. The tests of the cost itself use the app's.
 */
export const TEST_PIN_COST: PinCost = { n: 2 ** 10, r: 8, p: 1 }

/**
 * A real core on a real SQLite file in a temp dir, with a hand-driven clock and no background timers; PINs at
 * TEST_PIN_COST unless `pinCost` says otherwise.
 */
export function testCore(dataDir?: string, opts: { pinCost?: PinCost } = {}) {
  const tmp = dataDir ? null : tempDir()
  const dir = dataDir ?? tmp!.dir
  const clock = manualClock()
  const core: Core = createCore({
    dataDir: dir,
    logger: silentLogger,
    version: 'test',
    clock,
    tickMs: 0,
    pinCost: opts.pinCost ?? TEST_PIN_COST,
  })
  return {
    core,
    clock,
    dir,
    close() {
      core.close()
      tmp?.cleanup()
    },
  }
}

/** Runs first-run setup on `key` and returns that signed-in admin session key. */
export async function setUpCentre(core: Core, key = 'admin-window'): Promise<string> {
  const r = await core.dispatch(key, 'setup.createCentre', {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: ADMIN,
  })
  if (!r.ok) throw new Error(`setup failed: ${r.error.message}`)
  return key
}

/** Creates a staff member through the API as the admin session and signs them in on `key`. */
export async function signedIn(
  core: Core,
  adminKey: string,
  key: string,
  role: 'clerk' | 'desk' | 'manager' | 'admin',
) {
  const staffNumber = `${role.toUpperCase().slice(0, 3)}${Math.floor(Math.random() * 9000 + 1000)}`
  const pin = MIN_PIN_DIGITS[role] > 4 ? '593718' : '5937'
  const created = await core.dispatch(adminKey, 'staff.create', {
    staffNumber,
    name: `Test ${role}`,
    role,
    pin,
  })
  if (!created.ok) throw new Error(`create failed: ${created.error.message}`)
  const r = await core.dispatch(key, 'auth.signIn', { staffNumber, pin })
  if (!r.ok) throw new Error(`sign-in failed: ${r.error.message}`)
  return { staffNumber, pin }
}

/** Calls a method on `core` as the window `key` and answers its value, or throws with the core's message. */
export async function ok<K extends MethodName>(
  core: Core,
  key: string,
  method: K,
  input: MethodInput<K>,
): Promise<MethodOutput<K>> {
  const r = await core.dispatch(key, method, input)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return r.value as MethodOutput<K>
}
