import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ADMIN, ok, testCore } from '../helpers/core'
import { startCentralSim, type CentralSim } from '../peers/central-sim'

/**
 * A PC that joins its centre at first run, with no local setup: the central API enrols its slot, and the staff,
 * centre settings and applications the centre's other PCs made come down, so the clerk who works on PC A signs in
 * on the new PC with the same PIN and registers under the new slot. A refused enrolment writes nothing.
 */

const CLERK = { staffNumber: 'CLK120', name: 'Njeri Mwangi', role: 'clerk' as const, pin: '3857' }

describe('joining a centre at first run', () => {
  let sim: CentralSim
  let a: ReturnType<typeof testCore>
  let fresh: ReturnType<typeof testCore>
  const join = (slot: string, code = 'JOIN-042') =>
    fresh.core.dispatch('window', 'setup.joinCentre', {
      apiUrl: sim.url,
      enrolmentCode: code,
      centreNumber: '042',
      workstationSlot: slot,
    })

  beforeEach(async () => {
    a = testCore()
    fresh = testCore()
    fresh.clock.set(a.clock.now())
    sim = await startCentralSim({
      enrolmentCodes: { '042': ['PC-A-042', 'JOIN-042'] },
      centreNames: { '042': 'Huduma Centre GPO' },
      now: () => a.clock.now(),
    })
    // PC A: the centre's first PC, with a clerk, a grace time and a registration.
    await ok(a.core, 'admin', 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: '01',
      admin: ADMIN,
    })
    await ok(a.core, 'admin', 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'PC-A-042' })
    await ok(a.core, 'admin', 'staff.create', CLERK)
    await ok(a.core, 'admin', 'settings.update', { readyGraceMinutes: 20 })
    await ok(a.core, 'clerk', 'auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
    await ok(a.core, 'clerk', 'application.register', {
      serviceCode: 'BIRTH_CERT',
      customerName: 'Akinyi Otieno',
      phone: '0712345678',
      idNumber: '23456789',
      language: 'en',
      smsConsent: true,
    })
    await ok(a.core, 'admin', 'sync.now', {})
  })
  afterEach(async () => {
    a.close()
    fresh.close()
    await sim.close()
  })

  it('brings the staff, settings and applications down; the clerk signs in with the PIN set on PC A', async () => {
    const status = await join('04')
    expect(status).toMatchObject({
      ok: true,
      value: {
        setupDone: true,
        centre: { number: '042', name: 'Huduma Centre GPO', workstationSlot: '04' },
      },
    })
    // The catch-up runs on after the answer; app.status (no sign-in needed) follows it to the end.
    await vi.waitFor(
      async () => {
        const s = await ok(fresh.core, 'window', 'app.status', {})
        expect(s.catchUp).toMatchObject({ state: 'ready', percent: 100 })
      },
      { timeout: 20_000, interval: 50 },
    )

    await ok(fresh.core, 'clerk', 'auth.signIn', { staffNumber: CLERK.staffNumber, pin: CLERK.pin })
    const adminHere = await ok(fresh.core, 'admin-here', 'auth.signIn', {
      staffNumber: ADMIN.staffNumber,
      pin: ADMIN.pin,
    })
    expect(adminHere.staff.role).toBe('admin')
    expect((await ok(fresh.core, 'admin-here', 'settings.get', {})).readyGraceMinutes).toBe(20)
    const found = await ok(fresh.core, 'clerk', 'application.search', { query: 'Akinyi Otieno' })
    expect(found.map((r) => r.customerName)).toEqual(['Akinyi Otieno'])

    // It works under its own slot: the new number carries 04, and PC A gets it.
    const registered = await ok(fresh.core, 'clerk', 'application.register', {
      serviceCode: 'BIRTH_CERT',
      customerName: 'Baraka Kiprono',
      phone: '0722345678',
      idNumber: '24567890',
      language: 'en',
      smsConsent: true,
    })
    expect(registered.application.trackingNumber).toMatch(/^04204\d{7}$/)
    await ok(fresh.core, 'admin-here', 'sync.now', {})
    await ok(a.core, 'admin', 'sync.now', {})
    expect(a.core.store.applications.byTracking(registered.application.trackingNumber)?.customer_name).toBe(
      'Baraka Kiprono',
    )
    // The join is in the new PC's audit log.
    const audit = await ok(fresh.core, 'admin-here', 'audit.list', {
      limit: 50,
      action: 'setup.centreJoined',
    })
    expect(audit[0]?.detail).toEqual({ centreNumber: '042', workstationSlot: '04' })
  })

  it('a slot another PC holds is refused with what to do; nothing is written and the code still works', async () => {
    const r = await join('01')
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!r.ok) expect(r.error.message).toMatch(/slot 01 is already held by another PC.*no other PC uses/s)
    expect((await ok(fresh.core, 'window', 'app.status', {})).setupDone).toBe(false)
    expect(fresh.core.store.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 })
    expect(fresh.core.store.db.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 0 })
    expect((await join('05')).ok).toBe(true)
  })

  it('a wrong code or an unreachable address writes nothing; a PC already set up cannot join', async () => {
    const wrong = await join('04', 'NOT-A-CODE')
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'enrolmentCode' } })
    const away = await fresh.core.dispatch('window', 'setup.joinCentre', {
      apiUrl: 'http://127.0.0.1:9',
      enrolmentCode: 'JOIN-042',
      centreNumber: '042',
      workstationSlot: '04',
    })
    expect(away).toMatchObject({ ok: false, error: { field: 'apiUrl' } })
    expect((await ok(fresh.core, 'window', 'app.status', {})).setupDone).toBe(false)
    expect(fresh.core.store.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 })

    const again = await a.core.dispatch('window', 'setup.joinCentre', {
      apiUrl: sim.url,
      enrolmentCode: 'JOIN-042',
      centreNumber: '042',
      workstationSlot: '04',
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } })
    // The code was not spent by either refusal.
    expect((await join('04')).ok).toBe(true)
  })
})
