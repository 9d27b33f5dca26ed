import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventRow } from '../../main/db/queries/events'
import { rowCounts } from '../helpers/db-counts'
import { ADMIN, setUpCentre, testCore } from '../helpers/core'

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const CLERK = { staffNumber: 'CLK100', name: 'Brian Otieno', role: 'clerk', pin: '7315' } as const

describe('events and outbox commit with the change', () => {
  let t: ReturnType<typeof testCore>
  beforeEach(() => {
    t = testCore()
  })
  afterEach(() => t.close())

  const events = (): EventRow[] =>
    t.core.store.db.prepare<[], EventRow>('SELECT * FROM events ORDER BY seq').all()
  const outboxSeqs = (): number[] =>
    t.core.store.db
      .prepare<[], { event_seq: number }>('SELECT event_seq FROM outbox ORDER BY event_seq')
      .all()
      .map((r) => r.event_seq)

  it('setup.createCentre writes its events and one outbox row per event', async () => {
    expect(rowCounts(t.core.store.db)).toMatchObject({ events: 0, outbox: 0, centre: 0, staff: 0 })
    await setUpCentre(t.core)
    const rows = events()
    expect(rows.map((e) => e.type)).toEqual(['centre.workstationEnrolled', 'staff.created'])
    expect(outboxSeqs()).toEqual(rows.map((e) => e.seq))
    const status = await t.core.dispatch('w', 'app.status', {})
    const deviceId = status.ok ? (status.value as { deviceId: string }).deviceId : ''
    expect(deviceId).toMatch(UUIDV7)
    for (const e of rows) {
      expect(e.device_id).toBe(deviceId)
      expect(e.staff_number).toBe(ADMIN.staffNumber)
      expect(e.occurred_at).toBe(t.clock.now())
    }
    expect(JSON.parse(rows[0]!.payload)).toEqual({
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: '01',
    })
    expect(JSON.parse(rows[1]!.payload)).toEqual({
      staffNumber: ADMIN.staffNumber,
      name: ADMIN.name,
      role: 'admin',
    })
  })

  it('event ids are UUIDv7 carrying the event time, and unique', async () => {
    const key = await setUpCentre(t.core)
    t.clock.advance(1000)
    await t.core.dispatch(key, 'staff.create', CLERK)
    const rows = events()
    expect(new Set(rows.map((e) => e.id)).size).toBe(rows.length)
    for (const e of rows) {
      expect(e.id).toHaveLength(36)
      expect(e.id).toMatch(UUIDV7)
      expect(e.id[14]).toBe('7')
      expect(parseInt(e.id.replace(/-/g, '').slice(0, 12), 16)).toBe(e.occurred_at)
    }
  })

  it('staff.create adds one event and one outbox row, and the status bar counts it', async () => {
    const key = await setUpCentre(t.core)
    const before = rowCounts(t.core.store.db)
    const r = await t.core.dispatch(key, 'staff.create', CLERK)
    expect(r).toMatchObject({ ok: true, value: { staffNumber: 'CLK100', role: 'clerk', active: true } })
    const after = rowCounts(t.core.store.db)
    expect(after.staff).toBe(before.staff! + 1)
    expect(after.events).toBe(before.events! + 1)
    expect(after.outbox).toBe(before.outbox! + 1)
    expect(outboxSeqs()).toEqual(events().map((e) => e.seq))
    expect(events().at(-1)).toMatchObject({ type: 'staff.created', staff_number: ADMIN.staffNumber })
    expect(await t.core.dispatch(key, 'status.get', {})).toMatchObject({
      ok: true,
      value: { sync: { queueDepth: after.outbox } },
    })
  })

  it('staff.update writes a staff.updated event with its outbox row', async () => {
    const key = await setUpCentre(t.core)
    await t.core.dispatch(key, 'staff.create', CLERK)
    const r = await t.core.dispatch(key, 'staff.update', { staffNumber: 'clk100', role: 'desk' })
    expect(r).toMatchObject({ ok: true, value: { role: 'desk' } })
    const last = events().at(-1)!
    expect(last.type).toBe('staff.updated')
    expect(JSON.parse(last.payload)).toEqual({
      staffNumber: 'CLK100',
      name: CLERK.name,
      role: 'desk',
      active: true,
    })
    expect(outboxSeqs()).toEqual(events().map((e) => e.seq))
  })

  it('a duplicate staff number is CONFLICT and adds no staff, event or outbox row', async () => {
    const key = await setUpCentre(t.core)
    await t.core.dispatch(key, 'staff.create', CLERK)
    const before = rowCounts(t.core.store.db)
    const r = await t.core.dispatch(key, 'staff.create', {
      ...CLERK,
      staffNumber: 'clk100',
      name: 'Someone Else',
    })
    expect(r).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Staff number CLK100 is already in use.', field: 'staffNumber' },
    })
    expect(rowCounts(t.core.store.db)).toEqual(before)
  })

  it('two simultaneous creates of one staff number: one wins, the loser leaves no event or outbox row', async () => {
    const key = await setUpCentre(t.core)
    const before = rowCounts(t.core.store.db)
    const results = await Promise.all([
      t.core.dispatch(key, 'staff.create', CLERK),
      t.core.dispatch(key, 'staff.create', { ...CLERK, name: 'Second Person' }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toHaveLength(1)
    const after = rowCounts(t.core.store.db)
    expect(after.staff).toBe(before.staff! + 1)
    expect(after.events).toBe(before.events! + 1)
    expect(after.outbox).toBe(before.outbox! + 1)
    expect(after.audit_log).toBe(before.audit_log! + 1)
  })

  // Regression, fixed (main/services/staff-service.ts create): the duplicate check runs before the awaited hashPin, so the
  // loser of a race hits the UNIQUE constraint inside the transaction and gets INTERNAL instead of CONFLICT.
  it('the loser of two simultaneous creates of one staff number gets CONFLICT', async () => {
    const key = await setUpCentre(t.core)
    const results = await Promise.all([
      t.core.dispatch(key, 'staff.create', CLERK),
      t.core.dispatch(key, 'staff.create', { ...CLERK, name: 'Second Person' }),
    ])
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT', field: 'staffNumber' } })
  })

  it('if the outbox write fails, the staff row and its event roll back too', async () => {
    const key = await setUpCentre(t.core)
    const before = rowCounts(t.core.store.db)
    // A real SQLite failure inside the transaction, after the staff row and the event are written.
    t.core.store.db.exec(
      "CREATE TEMP TRIGGER outbox_refuses BEFORE INSERT ON main.outbox BEGIN SELECT RAISE(ABORT, 'disk says no'); END",
    )
    const r = await t.core.dispatch(key, 'staff.create', CLERK)
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/nothing was saved/) },
    })
    expect(rowCounts(t.core.store.db)).toEqual(before)

    t.core.store.db.exec('DROP TRIGGER temp.outbox_refuses')
    expect(await t.core.dispatch(key, 'staff.create', CLERK)).toMatchObject({ ok: true })
  })

  it('if setup fails half-way, no centre, staff, event or outbox row is left', async () => {
    t.core.store.db.exec(
      "CREATE TEMP TRIGGER events_refuse BEFORE INSERT ON main.events WHEN NEW.type = 'staff.created' BEGIN SELECT RAISE(ABORT, 'no'); END",
    )
    const r = await t.core.dispatch('w', 'setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: '01',
      admin: ADMIN,
    })
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(rowCounts(t.core.store.db)).toMatchObject({
      staff: 0,
      events: 0,
      outbox: 0,
      audit_log: 0,
      settings: 0,
      centre: 0,
      applications: 0,
    })
    expect(await t.core.dispatch('w', 'auth.session', {})).toEqual({ ok: true, value: null })
    t.core.store.db.exec('DROP TRIGGER temp.events_refuse')
    await setUpCentre(t.core)
  })

  it('a second setup is ALREADY_SET_UP and writes nothing', async () => {
    await setUpCentre(t.core)
    const before = rowCounts(t.core.store.db)
    expect(
      await t.core.dispatch('other', 'setup.createCentre', {
        centreNumber: '043',
        centreName: 'Another Centre',
        workstationSlot: '02',
        admin: { staffNumber: 'ADM002', name: 'Someone', pin: '371946' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } })
    expect(rowCounts(t.core.store.db)).toEqual(before)
  })

  it('events.append refuses to run outside a transaction', () => {
    expect(() =>
      t.core.store.events.append({
        id: '0190f2a0-0000-7000-8000-000000000001',
        type: 'x',
        occurredAt: 1,
        staffNumber: null,
        deviceId: 'd',
        trackingNumber: null,
        payload: {},
      }),
    ).toThrow(/inside the transaction/)
  })

  it('no event payload or audit detail ever contains a PIN or a PIN hash', async () => {
    const key = await setUpCentre(t.core)
    await t.core.dispatch(key, 'staff.create', CLERK)
    await t.core.dispatch(key, 'staff.update', { staffNumber: CLERK.staffNumber, name: 'Brian O. Otieno' })
    await t.core.dispatch(key, 'staff.resetPin', { staffNumber: CLERK.staffNumber, pin: '6043' })
    await t.core.dispatch('clerk', 'auth.signIn', { staffNumber: CLERK.staffNumber, pin: '6043' })
    await t.core.dispatch('clerk', 'auth.changePin', { currentPin: '6043', newPin: '8352' })
    await t.core.dispatch('clerk', 'auth.signIn', { staffNumber: CLERK.staffNumber, pin: '9157' })

    const hashes = t.core.store.db
      .prepare<[], { pin_hash: string }>('SELECT pin_hash FROM staff')
      .all()
      .map((r) => r.pin_hash)
    expect(hashes.every((h) => h.startsWith('scrypt$'))).toBe(true)
    const texts = [
      ...events().map((e) => e.payload),
      ...t.core.store.db
        .prepare<[], { detail: string }>('SELECT detail FROM audit_log')
        .all()
        .map((r) => r.detail),
    ]
    expect(texts.length).toBeGreaterThan(8)
    for (const text of texts) {
      expect(text).not.toMatch(/pin/i)
      expect(text).not.toContain('scrypt')
      for (const pin of [ADMIN.pin, CLERK.pin, '6043', '8352', '9157']) expect(text).not.toContain(pin)
      for (const h of hashes) expect(text).not.toContain(h.split('$').at(-1)!)
    }
  })
})
