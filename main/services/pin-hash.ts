import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * OWASP's scrypt cost for passwords (N = 2^17, r = 8, p = 1): 128 MiB and about 0.3 s per hash (one core of the
 * development machine), so trying all 10^6 six-digit PINs against one stolen hash takes about 3.4 days of a core,
 * all 10^4 four-digit ones about 50 minutes. Raising any of these upgrades each stored hash at its holder's next
 * sign-in or unlock (`needsRehash`).
 */
const N = 2 ** 17
const R = 8
const P = 1
const KEYLEN = 32

export interface PinCost {
  n: number
  r: number
  p: number
}
type Cost = PinCost

/** What every PIN is hashed at in the app. */
export const PIN_COST: PinCost = { n: N, r: R, p: P }

function derive(pin: string, salt: Buffer, { n, r, p }: Cost): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // scrypt needs 128·N·r bytes; the margin is for Node's own bookkeeping. Always the async form: it runs in
    // libuv's thread pool, so a sign-in never stalls the core's event loop.
    scrypt(pin, salt, KEYLEN, { N: n, r, p, maxmem: 128 * n * r * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

/**
 * The cost a stored hash names, or null when it is not a hash we could have written. Anything above the current
 * cost is refused too: a stored row edited to N = 2^20, r = 32 would otherwise make each sign-in attempt take
 * 4 GiB and seconds of work.
 */
function storedCost(stored: string): (Cost & { salt: Buffer; hash: Buffer }) | null {
  const [kind, nText, rText, pText, salt, hash, extra] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash || extra !== undefined) return null
  const [n, r, p] = [Number(nText), Number(rText), Number(pText)]
  const powerOfTwo = Number.isInteger(n) && n >= 2 && n <= N && (n & (n - 1)) === 0
  if (!powerOfTwo || !Number.isInteger(r) || r < 1 || r > R || !Number.isInteger(p) || p < 1 || p > P)
    return null
  return { n, r, p, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') }
}

/** `scrypt$N$r$p$salt$hash`, parameters stored so they can be raised later without breaking old hashes. */
export async function hashPin(pin: string, cost: PinCost = PIN_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(pin, salt, cost)
  return ['scrypt', cost.n, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

/** False for a wrong PIN and for a stored value that is not a hash we could have written. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const cost = storedCost(stored)
  if (!cost || cost.hash.length !== KEYLEN) return false
  try {
    const key = await derive(pin, cost.salt, cost)
    return timingSafeEqual(key, cost.hash)
  } catch {
    return false
  }
}

/** True when a stored hash (one `verifyPin` accepts) was made with less than `target`. */
export function needsRehash(stored: string, target: PinCost = PIN_COST): boolean {
  const cost = storedCost(stored)
  return cost !== null && (cost.n < target.n || cost.r < target.r || cost.p < target.p)
}

/**
 * A hash no PIN matches, verified against for unknown staff numbers so timing does not reveal which exist. At the
 * current cost, so an unknown number takes as long as a known one.
 */
export const DECOY_HASH = decoyAt(PIN_COST)

function decoyAt(cost: PinCost): string {
  return `scrypt$${cost.n}$${cost.r}$${cost.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`
}

/**
 * Hashing, checking and upgrading at one cost, handed to the services that set or check PINs. The app always uses
 * PIN_COST; only tests make a core with a cheaper one (`CoreOptions.pinCost`), so a suite that creates hundreds of
 * staff does not spend minutes in scrypt. The cost tests themselves run at PIN_COST.
 */
export function pinHasher(cost: PinCost = PIN_COST) {
  return {
    hash: (pin: string) => hashPin(pin, cost),
    verify: verifyPin,
    needsRehash: (stored: string) => needsRehash(stored, cost),
    /** See DECOY_HASH, at this hasher's cost. */
    decoy: decoyAt(cost),
  }
}
export type PinHasher = ReturnType<typeof pinHasher>
