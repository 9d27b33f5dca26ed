import { afterEach, describe, expect, it } from 'vitest'
import { setUpCentre, testCore } from '../helpers/core'

describe('dispatcher', () => {
  let t: ReturnType<typeof testCore>
  afterEach(() => t.close())

  it('sets up a centre and signs the admin in', async () => {
    t = testCore()
    const key = await setUpCentre(t.core)
    const s = await t.core.dispatch(key, 'auth.session', {})
    expect(s).toMatchObject({
      ok: true,
      value: { staff: { staffNumber: 'ADM001', role: 'admin' }, locked: false },
    })
  })
})
