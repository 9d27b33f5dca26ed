import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const N = 16384
const R = 8
const P = 1
const KEYLEN = 32

function derive(pin: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, KEYLEN, { N: n, r, p, maxmem: 128 * n * r * 2 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

/** `scrypt$N$r$p$salt$hash`, parameters stored so they can be raised later without breaking old hashes. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(pin, salt, N, R, P)
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

/** False for a wrong PIN and for a stored value that is not a hash we could have written. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [kind, nText, rText, pText, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const [n, r, p] = [Number(nText), Number(rText), Number(pText)]
  const powerOfTwo = Number.isInteger(n) && n >= 2 && n <= 2 ** 20 && (n & (n - 1)) === 0
  if (!powerOfTwo || !Number.isInteger(r) || r < 1 || r > 32 || !Number.isInteger(p) || p < 1 || p > 16)
    return false
  const expected = Buffer.from(hash, 'base64')
  try {
    const key = await derive(pin, Buffer.from(salt, 'base64'), n, r, p)
    return key.length === expected.length && timingSafeEqual(key, expected)
  } catch {
    return false
  }
}

/** A hash no PIN matches, verified against for unknown staff numbers so timing does not reveal which exist. */
export const DECOY_HASH = `scrypt$${N}$${R}$${P}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`
