import { describe, expect, it } from 'vitest'
import { parsePortRequest } from '../../main/core/port-message'

describe('parsePortRequest', () => {
  it('accepts {id, method, input} and passes them through', () => {
    expect(parsePortRequest({ id: 1, method: 'app.status', input: {} })).toEqual({
      id: 1,
      method: 'app.status',
      input: {},
    })
    const input = { staffNumber: 'ADM001', pin: '4826' }
    expect(parsePortRequest({ id: 0, method: 'auth.signIn', input })).toEqual({
      id: 0,
      method: 'auth.signIn',
      input,
    })
  })

  it('leaves method and input validation to the dispatcher', () => {
    expect(parsePortRequest({ id: 7, method: 'not.a.method', input: 42 })).toEqual({
      id: 7,
      method: 'not.a.method',
      input: 42,
    })
    expect(parsePortRequest({ id: 8, method: 'app.status' })).toEqual({
      id: 8,
      method: 'app.status',
      input: undefined,
    })
  })

  it('drops extra fields', () => {
    expect(parsePortRequest({ id: 2, method: 'auth.session', input: null, extra: 'x' })).toEqual({
      id: 2,
      method: 'auth.session',
      input: null,
    })
  })

  it.each([null, undefined, 42, 'app.status', true])('rejects a non-object (%j)', (data) => {
    expect(parsePortRequest(data)).toBeNull()
  })

  it.each([
    ['a string id', '1'],
    ['a fractional id', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an unsafe integer', Number.MAX_SAFE_INTEGER + 1],
    ['a missing id', undefined],
  ])('rejects %s as id', (_what, id) => {
    expect(parsePortRequest({ id, method: 'app.status', input: {} })).toBeNull()
  })

  it('rejects a method that is not a string', () => {
    expect(parsePortRequest({ id: 1, method: 42, input: {} })).toBeNull()
    expect(parsePortRequest({ id: 1, input: {} })).toBeNull()
  })

  it('accepts method names up to 100 characters and rejects longer ones', () => {
    expect(parsePortRequest({ id: 1, method: 'm'.repeat(100), input: {} })).not.toBeNull()
    expect(parsePortRequest({ id: 1, method: 'm'.repeat(101), input: {} })).toBeNull()
    expect(parsePortRequest({ id: 1, method: 'x'.repeat(10_000), input: {} })).toBeNull()
  })
})
