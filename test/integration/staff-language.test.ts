import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN, ok, testCore } from '../helpers/core'
import { startCentralSim, type CentralSim } from '../peers/central-sim'

/**
 * Each staff member's UI language (#16): chosen on the sign-in screen (or switched in the app), kept with them, and
 * the same on every PC of the centre, which it reaches through the centre directory like their name and role.
 */
const CLERK = { staffNumber: 'CLK200', name: 'Wanjiku Njeri', role: 'clerk' as const, pin: '2846' }

describe('a staff member’s UI language', () => {
  let sim: CentralSim
  const stations: ReturnType<typeof testCore>[] = []

  async function station(slot: string, code: string) {
    const t = testCore()
    stations.push(t)
    await ok(t.core, 'admin', 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: slot,
      admin: ADMIN,
    })
    await ok(t.core, 'admin', 'sync.enrol', { apiUrl: sim.url, enrolmentCode: code })
    return t
  }

  beforeEach(async () => {
    sim = await startCentralSim({ enrolmentCodes: { '042': ['CODE-A', 'CODE-B'] } })
  })
  afterEach(async () => {
    for (const s of stations.splice(0)) s.close()
    await sim.close()
  })

  it('is English until chosen; chosen at sign-in it is theirs at the next sign-in, and on the other PC', async () => {
    const a = await station('01', 'CODE-A')
    const b = await station('02', 'CODE-B')
    await ok(a.core, 'admin', 'staff.create', CLERK)

    const first = await ok(a.core, 'w1', 'auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
    expect(first.language).toBe('en')
    await ok(a.core, 'w1', 'auth.signOut', {})

    const chosen = await ok(a.core, 'w1', 'auth.signIn', {
      staffNumber: CLERK.staffNumber,
      pin: CLERK.pin,
      language: 'sw',
    })
    expect(chosen.language).toBe('sw')
    await ok(a.core, 'w1', 'auth.signOut', {})
    const again = await ok(a.core, 'w1', 'auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
    expect(again.language).toBe('sw')

    await ok(a.core, 'admin', 'sync.now', {})
    await ok(b.core, 'admin', 'sync.now', {})
    const onB = await ok(b.core, 'w2', 'auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
    expect(onB.language).toBe('sw')
  })

  it('switched in the app, it holds for the session and the next sign-in; other staff keep theirs', async () => {
    const a = await station('01', 'CODE-A')
    await ok(a.core, 'admin', 'staff.create', CLERK)
    await ok(a.core, 'w1', 'auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
    const switched = await ok(a.core, 'w1', 'auth.setLanguage', { language: 'sw' })
    expect(switched.language).toBe('sw')
    expect(await ok(a.core, 'w1', 'auth.session', {})).toMatchObject({ language: 'sw' })
    await ok(a.core, 'w1', 'auth.signOut', {})
    expect(
      (await ok(a.core, 'w1', 'auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })).language,
    ).toBe('sw')
    // The administrator, signed in at setup, still works in English.
    expect(await ok(a.core, 'admin', 'auth.session', {})).toMatchObject({ language: 'en' })
    const languages = a.core.store.db
      .prepare("SELECT value FROM directory_fields WHERE kind = 'staff' AND field = 'language'")
      .pluck()
      .all()
    expect(languages).toEqual(['"sw"'])
  })

  it('a language other than en or sw is refused with a clear message and changes nothing', async () => {
    const a = await station('01', 'CODE-A')
    const r = await a.core.dispatch('admin', 'auth.setLanguage', { language: 'fr' as 'en' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/English \(en\) or Kiswahili \(sw\)/)
    expect(a.core.store.staff.byNumber(ADMIN.staffNumber)?.ui_language).toBe('en')
  })
})
