import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract, METHOD_NAMES, type MethodName } from '../../common/contract'
import type { ApiResult } from '../../common/errors'
import { rowCounts } from '../helpers/db-counts'
import { ADMIN, setUpCentre, testCore } from '../helpers/core'
import { VALID_INPUT } from '../helpers/valid-inputs'

/** A value of the wrong type for a field whose valid value is `v`. */
function wrongTypeFor(v: unknown): unknown {
  if (typeof v === 'string') return 12345
  if (typeof v === 'number') return 'ten'
  if (typeof v === 'boolean') return 'yes'
  return 'not-an-object'
}

function shapeOf(name: MethodName): Record<string, z.ZodType> {
  return (contract[name].input as unknown as z.ZodObject).shape as Record<string, z.ZodType>
}

/** Dotted paths and values of every string in `v` (the leaves a person or a device could have typed). */
function stringLeaves(v: unknown, path: string[] = []): Array<[string, string]> {
  if (typeof v === 'string') return [[path.join('.'), v]]
  if (v === null || typeof v !== 'object') return []
  return Object.entries(v).flatMap(([k, item]) => stringLeaves(item, [...path, k]))
}

/** `input` with the string at dotted `path` replaced by `f(old)`. */
function withString(input: unknown, path: string, f: (old: string) => string): unknown {
  const copy = structuredClone(input) as Record<string, unknown>
  const keys = path.split('.')
  let at: Record<string, unknown> = copy
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>
  const last = keys[keys.length - 1]!
  at[last] = f(at[last] as string)
  return copy
}

function expectInvalid(r: ApiResult<unknown>, field?: string): { message: string; field?: string } {
  expect(r.ok).toBe(false)
  if (r.ok) throw new Error('expected a failure')
  expect(r.error.code).toBe('INVALID_INPUT')
  expect(typeof r.error.message).toBe('string')
  expect(r.error.message.length).toBeGreaterThan(5)
  expect(r.error.message).not.toContain('[object')
  if (field !== undefined) expect(r.error.field).toBe(field)
  return r.error
}

describe('contract input validation', () => {
  let t: ReturnType<typeof testCore>
  let key: string
  let before: Record<string, number>

  beforeAll(async () => {
    t = testCore()
    key = await setUpCentre(t.core)
    before = rowCounts(t.core.store.db)
  })
  afterAll(() => t.close())

  /** Calls as the signed-in admin and checks that the call wrote nothing. */
  async function call(method: string, input: unknown): Promise<ApiResult<unknown>> {
    const r = await t.core.dispatch(key, method, input)
    expect(rowCounts(t.core.store.db)).toEqual(before)
    return r
  }

  it('has a valid sample input for every contract method', () => {
    expect(Object.keys(VALID_INPUT).sort()).toEqual([...METHOD_NAMES].sort())
    for (const name of METHOD_NAMES) {
      expect(contract[name].input.safeParse(VALID_INPUT[name]).success, name).toBe(true)
    }
  })

  describe.each(METHOD_NAMES)('%s', (name) => {
    it.each([
      ['a number', 42],
      ['a string', 'hello'],
      ['null', null],
      ['an array', []],
      ['a boolean', true],
    ])('refuses %s as input', async (_label, input) => {
      expectInvalid(await call(name, input))
    })

    it('refuses an unknown field next to valid ones', async () => {
      const err = expectInvalid(await call(name, { ...VALID_INPUT[name], zzSurprise: 1 }))
      expect(err.message).toBe('Unexpected field: zzSurprise')
    })

    it('names every unknown field', async () => {
      const err = expectInvalid(await call(name, { ...VALID_INPUT[name], extraOne: 1, extraTwo: 'x' }))
      expect(err.message).toBe('Unexpected fields: extraOne, extraTwo')
    })

    const strings = stringLeaves(VALID_INPUT[name])
    if (strings.length > 0) {
      it.each(strings)(
        'refuses an escape, a NUL, a right-to-left override or a broken character in %s and names it',
        async (field) => {
          for (const bad of ['\u001b[2J', '\u0000', '\u0007', '\u202e', '\ud800']) {
            const input = withString(
              VALID_INPUT[name],
              field,
              (old) => `${old.slice(0, 1)}${bad}${old.slice(1)}`,
            )
            const err = expectInvalid(await call(name, input), field)
            expect(err.message).toMatch(/control character|text-direction|broken character/)
          }
        },
      )
    }

    const fields = Object.entries(VALID_INPUT[name] as Record<string, unknown>)
    if (fields.length > 0) {
      it.each(fields)('refuses a wrong type for field %s and names it', async (field, valid) => {
        const input = { ...(VALID_INPUT[name] as Record<string, unknown>), [field]: wrongTypeFor(valid) }
        expectInvalid(await call(name, input), field)
      })

      const required = fields.filter(
        ([field]) => !(shapeOf(name)[field]?.safeParse(undefined).success ?? true),
      )
      if (required.length > 0) {
        it.each(required)('refuses a missing required field %s and names it', async (field) => {
          const input: Record<string, unknown> = { ...(VALID_INPUT[name] as Record<string, unknown>) }
          delete input[field]
          const err = expectInvalid(await call(name, input), field)
          // Leaf fields carry a message written for the clerk; a missing nested object gets zod's wording.
          if (field !== 'admin') expect(err.message).not.toMatch(/^Invalid input/)
        })
      }
    }
  })

  it('names nested fields of the first administrator with a dotted path', async () => {
    const base = VALID_INPUT['setup.createCentre']
    for (const field of ['staffNumber', 'name', 'pin'] as const) {
      const r = await call('setup.createCentre', { ...base, admin: { ...base.admin, [field]: 7 } })
      expectInvalid(r, `admin.${field}`)
    }
    const extra = await call('setup.createCentre', { ...base, admin: { ...base.admin, role: 'admin' } })
    expect(expectInvalid(extra).message).toBe('Unexpected field: role')
  })

  it('treats a missing input as an empty object', async () => {
    expect(await call('app.status', undefined)).toMatchObject({ ok: true })
    expectInvalid(await call('auth.signIn', undefined), 'staffNumber')
  })

  describe('clear messages for common mistakes', () => {
    const centre = VALID_INPUT['setup.createCentre']

    it('centre number of two digits says it must be 3 digits', async () => {
      const err = expectInvalid(
        await call('setup.createCentre', { ...centre, centreNumber: '42' }),
        'centreNumber',
      )
      expect(err.message).toMatch(/3 digits/)
    })

    it('centre number 000 is refused', async () => {
      const err = expectInvalid(
        await call('setup.createCentre', { ...centre, centreNumber: '000' }),
        'centreNumber',
      )
      expect(err.message).toMatch(/000 is not valid/)
    })

    it('workstation slot must be 2 digits and not 00', async () => {
      const three = expectInvalid(
        await call('setup.createCentre', { ...centre, workstationSlot: '001' }),
        'workstationSlot',
      )
      expect(three.message).toMatch(/2 digits/)
      const zero = expectInvalid(
        await call('setup.createCentre', { ...centre, workstationSlot: '00' }),
        'workstationSlot',
      )
      expect(zero.message).toMatch(/00 is not valid/)
    })

    it('a guessable new PIN is refused as too easy', async () => {
      for (const pin of ['1234', '0000', '9876', '2222']) {
        const err = expectInvalid(await call('staff.create', { ...VALID_INPUT['staff.create'], pin }), 'pin')
        expect(err.message).toMatch(/too easy/)
      }
    })

    it('a PIN with letters, or of the wrong length, must be 4 to 8 digits', async () => {
      for (const pin of ['abcd', '12a4', '482', '482611937', ' 4826']) {
        const err = expectInvalid(await call('staff.create', { ...VALID_INPUT['staff.create'], pin }), 'pin')
        expect(err.message).toMatch(/4 to 8 digits/)
      }
      const signIn = expectInvalid(
        await call('auth.signIn', { staffNumber: ADMIN.staffNumber, pin: 'abcd' }),
        'pin',
      )
      expect(signIn.message).toMatch(/4 to 8 digits/)
    })

    it('a bad staff number says what a staff number looks like', async () => {
      for (const staffNumber of ['AB', 'ADM-001', 'A'.repeat(13), '']) {
        const err = expectInvalid(
          await call('staff.create', { ...VALID_INPUT['staff.create'], staffNumber }),
          'staffNumber',
        )
        expect(err.message).toMatch(/3 to 12 letters or digits/)
      }
    })

    it('an unknown role lists the valid roles', async () => {
      const err = expectInvalid(
        await call('staff.create', { ...VALID_INPUT['staff.create'], role: 'superuser' }),
        'role',
      )
      expect(err.message).toBe('Role must be one of clerk, desk, manager, admin')
    })

    it('a name of one character, or only spaces, is too short', async () => {
      for (const name of ['A', '   ', ' B ']) {
        const err = expectInvalid(
          await call('staff.create', { ...VALID_INPUT['staff.create'], name }),
          'name',
        )
        expect(err.message).toMatch(/at least 2 characters/)
      }
    })

    it('idle lock minutes must be a whole number from 1 to 60', async () => {
      const cases: [unknown, RegExp][] = [
        [0, /at least 1 minute/],
        [61, /at most 60 minutes/],
        [2.5, /whole minutes/],
        ['5', /number of minutes/],
      ]
      for (const [idleLockMinutes, message] of cases) {
        const err = expectInvalid(await call('settings.update', { idleLockMinutes }), 'idleLockMinutes')
        expect(err.message).toMatch(message)
      }
    })

    it('audit.list refuses a limit outside 1 to 500', async () => {
      for (const limit of [0, 501, 1.5]) expectInvalid(await call('audit.list', { limit }), 'limit')
    })
  })

  it('an unknown method is UNKNOWN_METHOD and writes nothing', async () => {
    for (const method of ['nope.nothing', '', 'constructor', '__proto__', 'toString', 42, null]) {
      const r = await call(method as string, {})
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
    const r = await call('staff.delete', {})
    expect(r).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'There is no API method called "staff.delete".' },
    })
  })

  it('leaves the admin session signed in and unlocked after all the bad calls', async () => {
    const s = await t.core.dispatch(key, 'auth.session', {})
    expect(s).toMatchObject({ ok: true, value: { staff: { staffNumber: ADMIN.staffNumber }, locked: false } })
  })
})
