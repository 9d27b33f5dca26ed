import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCentralSim, type CentralSim } from '../peers/central-sim'
import { setUpCentre, signedIn, testCore } from '../helpers/core'

/**
 * The whole core against the central API simulator: enrol with a one-time code, work, sync, and the central store
 * holds every local event exactly once; a revoked token stops sync without losing anything.
 */
describe('core sync with the central API', () => {
  let t: ReturnType<typeof testCore>
  let sim: CentralSim
  let admin: string

  beforeEach(async () => {
    sim = await startCentralSim({ enrolmentCodes: { '042': ['DEMO-042'] } })
    t = testCore()
    admin = await setUpCentre(t.core)
  })
  afterEach(async () => {
    t.close()
    await sim.close()
  })

  const register = (key: string, name: string) =>
    t.core.dispatch(key, 'application.register', {
      serviceCode: 'BIRTH_CERT',
      customerName: name,
      phone: '0712345678',
      idNumber: String(20_000_000 + name.length * 7919),
      confirmDuplicate: true,
      language: 'en',
      smsConsent: true,
    })

  it('refuses a wrong enrolment code and changes nothing', async () => {
    const r = await t.core.dispatch(admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'WRONG-CODE' })
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'enrolmentCode' } })
    expect(await t.core.dispatch(admin, 'sync.status', {})).toMatchObject({
      ok: true,
      value: { state: 'not-configured' },
    })
  })

  it('work done before and after enrolment reaches the central API exactly once', async () => {
    const clerk = 'clerk-window'
    await signedIn(t.core, admin, clerk, 'clerk')
    for (const name of ['Wanjiku Kamau', 'Otieno Ochieng', 'Achieng Atieno']) {
      const r = await register(clerk, name)
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
    }
    const local = (
      t.core.store.db.prepare('SELECT id FROM events ORDER BY seq').all() as { id: string }[]
    ).map((r) => r.id)
    expect(
      await t.core.dispatch(admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'demo-042' }),
    ).toMatchObject({
      ok: true,
      value: { state: 'online', apiUrl: sim.url },
    })
    const after = await t.core.dispatch(admin, 'sync.now', {})
    expect(after).toMatchObject({ ok: true, value: { queueDepth: 0, deadLetters: 0 } })
    expect(sim.eventIds()).toEqual(local)

    // Sending again (a retry after a lost answer) stores nothing twice.
    expect(await register(clerk, 'Kiprono Kiptoo')).toMatchObject({ ok: true })
    await t.core.dispatch(admin, 'sync.now', {})
    expect(sim.eventCount('042')).toBe(local.length + 1)
    expect(new Set(sim.eventIds()).size).toBe(sim.eventIds().length)
  })

  it('enrolling pulls the central catalogue, which replaces the shipped defaults', async () => {
    const before = await t.core.dispatch(admin, 'catalogue.list', {})
    expect((before as { value: { isDefault: boolean }[] }).value.every((s) => s.isDefault)).toBe(true)
    await t.core.dispatch(admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'DEMO-042' })
    const after = await t.core.dispatch(admin, 'catalogue.list', {})
    const services = (after as { value: { isDefault: boolean; active: boolean }[] }).value
    expect(services.length).toBeGreaterThan(0)
    expect(services.filter((s) => s.active).every((s) => !s.isDefault)).toBe(true)
  })

  it('a revoked token asks for enrolment and keeps every event queued', async () => {
    await t.core.dispatch(admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'DEMO-042' })
    await t.core.dispatch(admin, 'sync.now', {})
    const centre = t.core.store.centre.get()
    sim.revokeToken(centre!.device_id)
    await signedIn(t.core, admin, 'clerk-window', 'clerk')
    const status = await t.core.dispatch(admin, 'sync.now', {})
    expect(status).toMatchObject({ ok: true, value: { state: 'needs-enrolment' } })
    const depth = (status as { value: { queueDepth: number } }).value.queueDepth
    expect(depth).toBeGreaterThan(0)
    const snapshot = await t.core.dispatch(admin, 'status.get', {})
    expect(snapshot).toMatchObject({ ok: true, value: { sync: { state: 'error', queueDepth: depth } } })
  })

  it('a transfer file is sealed with the passphrase: no customer detail in it, and only that passphrase sends it', async () => {
    await signedIn(t.core, admin, 'clerk-window', 'clerk')
    await register('clerk-window', 'Wanjiku Kamau')
    expect(await t.core.dispatch(admin, 'sync.exportPending', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'passphrase',
        message: 'The passphrase has at least 10 characters',
      },
    })
    const file = await t.core.dispatch(admin, 'sync.exportPending', { passphrase: 'mango tree 42' })
    expect(file).toMatchObject({
      ok: true,
      value: { fileName: expect.stringMatching(/^tms-events-042-01-.*\.tms-transfer$/) },
    })
    const { content, events } = (file as { value: { content: string; events: number } }).value
    expect(events).toBe(
      (t.core.store.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n,
    )
    for (const word of ['Wanjiku', 'Kamau', '712345678', 'BIRTH_CERT']) expect(content).not.toContain(word)

    await t.core.dispatch(admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'DEMO-042' })
    const send = (c: string, passphrase?: string) =>
      t.core.dispatch(admin, 'sync.importFile', { content: c, ...(passphrase ? { passphrase } : {}) })
    expect(await send(content)).toMatchObject({
      ok: false,
      error: { field: 'passphrase', message: expect.stringMatching(/locked: type the passphrase/) },
    })
    expect(await send(content, 'mango tree 43')).toMatchObject({
      ok: false,
      error: { field: 'passphrase', message: expect.stringMatching(/does not open this transfer file/) },
    })
    // One changed character of the sealed data: refused the same way, nothing sent.
    const data = /"data":"([^"]+)"/.exec(content)![1]!
    const flipped = content.replace(data, (data[0] === 'A' ? 'B' : 'A') + data.slice(1))
    expect(await send(flipped, 'mango tree 42')).toMatchObject({ ok: false, error: { field: 'passphrase' } })
    expect(await send(content.slice(0, content.length / 2), 'mango tree 42')).toMatchObject({
      ok: false,
      error: { field: 'content' },
    })
    const sent = await send(content, 'mango tree 42')
    expect(sent).toMatchObject({ ok: true, value: { rejected: 0 } })
    const r = (sent as { value: { accepted: number; duplicate: number } }).value
    expect(r.accepted + r.duplicate).toBe(events)
  })
})
