import { randomBytes, scrypt } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isGuessablePin } from '../../common/contract/fields'
import { APP_VERSION } from '../../main/core/version'
import { DECOY_HASH, hashPin, needsRehash, verifyPin } from '../../main/services/pin-hash'
import { uuidv7 } from '../../main/infra/uuidv7'

/** A hash as the app wrote them before the cost was raised: scrypt N = 2^14, r = 8, p = 1. */
function legacyHash(pin: string): Promise<string> {
  const salt = randomBytes(16)
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, 32, { N: 2 ** 14, r: 8, p: 1 }, (err, key) =>
      err ? reject(err) : resolve(`scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`),
    ),
  )
}

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('PIN hashing', () => {
  it('a hashed PIN verifies, and is stored as scrypt$N$r$p$salt$hash without the PIN', async () => {
    const stored = await hashPin('4826')
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/)
    expect(stored).not.toContain('4826')
    expect(await verifyPin('4826', stored)).toBe(true)
  })

  it('a wrong PIN does not verify', async () => {
    const stored = await hashPin('4826')
    for (const pin of ['4827', '48260', '482', '', '6284']) expect(await verifyPin(pin, stored)).toBe(false)
  })

  it('the same PIN hashes differently each time (random salt), and both verify', async () => {
    const a = await hashPin('73159')
    const b = await hashPin('73159')
    expect(a).not.toBe(b)
    expect(await verifyPin('73159', a)).toBe(true)
    expect(await verifyPin('73159', b)).toBe(true)
  })

  it.each([
    ['empty', ''],
    ['not scrypt', 'bcrypt$16384$8$1$c2FsdA==$aGFzaA=='],
    ['missing the hash', 'scrypt$16384$8$1$c2FsdA=='],
    ['empty salt', 'scrypt$16384$8$1$$aGFzaA=='],
    ['plain text', '4826'],
    ['garbage base64', 'scrypt$16384$8$1$!!$??'],
  ])('a malformed stored hash (%s) verifies as false', async (_what, stored) => {
    expect(await verifyPin('4826', stored)).toBe(false)
  })

  // Regression, fixed (main/services/pin-hash.ts verifyPin): scrypt parameters from the stored string are passed on
  // unchecked, so a hash with a non-numeric or invalid N rejects instead of returning false.
  it.each([
    ['non-numeric N', 'scrypt$abc$8$1$c2FsdA==$aGFzaA=='],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdA==$aGFzaA=='],
  ])('a stored hash with %s verifies as false', async (_what, stored) => {
    expect(await verifyPin('4826', stored)).toBe(false)
  })

  it('no PIN matches the decoy hash used for unknown staff numbers', async () => {
    for (const pin of ['0000', '4826', '12345678']) expect(await verifyPin(pin, DECOY_HASH)).toBe(false)
  })

  it('the decoy hash is at the cost new hashes get, so an unknown staff number takes as long as a known one', async () => {
    const costOf = (h: string) => h.split('$').slice(0, 4).join('$')
    expect(costOf(DECOY_HASH)).toBe(costOf(await hashPin('4826')))
    expect(needsRehash(DECOY_HASH)).toBe(false)
  })

  it('a hash at N = 2^14 (the earlier cost) still verifies and is marked for upgrade; a new one is not', async () => {
    const legacy = await legacyHash('4826')
    expect(await verifyPin('4826', legacy)).toBe(true)
    expect(await verifyPin('4827', legacy)).toBe(false)
    expect(needsRehash(legacy)).toBe(true)
    expect(needsRehash(await hashPin('4826'))).toBe(false)
  })

  // A stored row edited to a huge cost must not make each sign-in attempt take gigabytes and seconds. Each hash is
  // the right one for the PIN (where scrypt takes the parameters), so only the range check refuses it.
  it.each([
    ['N above 2^17', 2 ** 18, 8, 1],
    ['r above 8', 2 ** 14, 16, 1],
    ['p above 1', 2 ** 14, 8, 2],
    ['r = 0', 2 ** 14, 0, 1],
    ['N = 1', 1, 8, 1],
  ])('a stored hash with %s is out of range: refused, and not one to upgrade', async (_what, n, r, p) => {
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt('4826', 'salt', 32, { N: n, r, p, maxmem: 2 ** 30 }, (err, k) =>
        err ? reject(err) : resolve(k),
      ),
    ).catch(() => Buffer.alloc(32))
    const stored = `scrypt$${n}$${r}$${p}$${Buffer.from('salt').toString('base64')}$${key.toString('base64')}`
    expect(await verifyPin('4826', stored)).toBe(false)
    expect(needsRehash(stored)).toBe(false)
  })
})

describe('guessable PINs', () => {
  it.each([
    '0000',
    '1111',
    '99999999',
    '1234',
    '2345',
    '9876',
    '4321',
    '5432',
    '7890',
    '0987',
    '12345678',
    '8901',
  ])('%s is guessable', (pin) => {
    expect(isGuessablePin(pin)).toBe(true)
  })

  it.each(['4826', '1357', '2468', '1243', '5937', '7315', '90210', '11112'])(
    '%s is not guessable',
    (pin) => {
      expect(isGuessablePin(pin)).toBe(false)
    },
  )
})

describe('UUIDv7 ids', () => {
  const t0 = Date.UTC(2026, 10, 2, 7, 0, 0)

  it('has the RFC 9562 layout: 36 characters, version 7, variant 10', () => {
    const id = uuidv7(t0)
    expect(id).toHaveLength(36)
    expect(id).toMatch(UUIDV7)
    expect(id[14]).toBe('7')
    expect('89ab').toContain(id[19])
  })

  it('carries its millisecond timestamp in the first 48 bits', () => {
    const id = uuidv7(t0)
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(t0)
  })

  it('sorts by creation time as plain strings', () => {
    const times = [t0, t0 + 1, t0 + 1000, t0 + 60_000, t0 + 86_400_000, Date.UTC(2030, 0, 1)]
    const ids = times.map((t) => uuidv7(t))
    expect([...ids].reverse().sort()).toEqual(ids)
  })

  it('is unique over 10,000 ids made in the same millisecond', () => {
    const ids = new Set<string>()
    for (let i = 0; i < 10_000; i++) ids.add(uuidv7(t0))
    expect(ids.size).toBe(10_000)
    for (const id of ids) expect(id).toMatch(UUIDV7)
  })
})

describe('app version', () => {
  it('APP_VERSION equals the package.json version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
      version: string
    }
    expect(APP_VERSION).toBe(pkg.version)
  })
})
