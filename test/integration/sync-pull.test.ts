import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Service } from '../../common/catalogue'
import { migration0060 } from '../../main/db/migrations/0060-pull'
import { migrate, MIGRATIONS } from '../../main/db/migrations/index'
import { pullQueries } from '../../main/db/queries/pull'
import { serviceQueries } from '../../main/db/queries/services'
import { syncQueries } from '../../main/db/queries/sync'
import { createKenyaCalendar } from '../../main/services/calendar/kenya-holidays'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { uuidv7 } from '../../main/infra/uuidv7'
import type { SyncEndpoint } from '../../main/sync/central-client'
import {
  calendarWithCentralHolidays,
  CATALOGUE_ETAG_KEY,
  createPull,
  NOTIFICATIONS_CURSOR_KEY,
  type PullDeps,
} from '../../main/sync/pull'
import { tempDir } from '../helpers/temp-dir'
import { startCentralSim, type CatalogueData, type CentralSim } from '../peers/central-sim/index'
import { DEFAULT_CENTRAL_CATALOGUE } from '../peers/central-sim/defaults'

const DEVICE = '0190a5a4-7a1b-7c3d-8e4f-123456789abc'

const service = (code: string, over: Partial<Service> = {}): Service => ({
  code,
  nameEn: `Service ${code}`,
  nameSw: `Huduma ${code}`,
  agency: 'Test Agency',
  turnaroundDays: 5,
  idRequired: false,
  agencyRefPattern: null,
  agencyRefHint: null,
  agencyRefExample: null,
  retentionDays: 90,
  active: true,
  isDefault: false,
  ...over,
})

const CATALOGUE: CatalogueData = {
  version: 'test.1',
  services: [service('BIRTH_CERT', { nameEn: 'Birth certificate (central)' }), service('GOOD_CONDUCT')],
  holidays: [
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-10-17', name: 'State funeral' },
  ],
}

describe('sync pull: catalogue, holidays and SMS delivery outcomes', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Database
  let sim: CentralSim
  let endpoint: SyncEndpoint | null
  let clock: ReturnType<typeof manualClock>
  let services: ReturnType<typeof serviceQueries>
  let sync: ReturnType<typeof syncQueries>
  let pull: ReturnType<typeof pullQueries>
  const servers: http.Server[] = []

  let recordedIssues: Array<{ eventId: string; type: string; reason: string }>
  const makePull = (over: Partial<PullDeps> = {}) =>
    createPull({
      db,
      services,
      sync,
      issues: { recordIssue: (i) => void recordedIssues.push(i) },
      clock,
      logger: silentLogger,
      endpoint: () => endpoint,
      timeoutMs: 5000,
      ...over,
    })

  /** Everything the pull may write, to show a failed pull changed nothing. */
  const snapshot = () => ({
    services: db.prepare('SELECT * FROM services ORDER BY code').all(),
    holidays: db.prepare('SELECT * FROM central_holidays ORDER BY date').all(),
    outcomes: db.prepare('SELECT * FROM delivery_outcomes ORDER BY event_id, tracking_number').all(),
    state: db.prepare('SELECT * FROM sync_state ORDER BY key').all(),
  })

  beforeEach(async () => {
    tmp = tempDir('tms-pull-')
    recordedIssues = []
    db = new Sqlite(path.join(tmp.dir, 'app.db'))
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    expect(migrate(db, migration0060.version, MIGRATIONS)).toBe(60)
    services = serviceQueries(db)
    sync = syncQueries(db)
    pull = pullQueries(db)
    clock = manualClock()
    // What a PC has before its first pull: a shipped default the central list also has, and one it does not.
    services.upsert(service('BIRTH_CERT', { isDefault: true }), clock.now())
    services.upsert(service('OLD_LOCAL', { isDefault: true }), clock.now())
    sim = await startCentralSim({ catalogue: CATALOGUE })
    endpoint = { baseUrl: sim.url, token: sim.issueToken('042', DEVICE, '01') }
  })
  afterEach(async () => {
    for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()))
    await sim.close()
    db.close()
    tmp.cleanup()
  })

  /** A tiny stand-in answering every request with the same status, headers and body. */
  async function standIn(
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<string> {
    const server = http.createServer((_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
      res.end(body)
    })
    servers.push(server)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  /** Posts notification.ready events straight to the simulator, as the outbox drain would. */
  async function notify(items: Array<{ phone: string; trackingNumbers: string[] }>): Promise<string[]> {
    const events = items.map((it, i) => ({
      id: uuidv7(clock.now() + i),
      type: 'notification.ready',
      occurredAt: clock.now(),
      staffNumber: null,
      deviceId: DEVICE,
      centreNumber: '042',
      trackingNumber: it.trackingNumbers[0] ?? null,
      payload: {
        phone: it.phone,
        language: 'en',
        trackingNumbers: it.trackingNumbers,
        text: 'Your document is ready for collection at Huduma Centre GPO.',
        segments: 1,
      },
    }))
    const res = await fetch(`${sim.url}/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${endpoint!.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events }),
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { results: Array<{ outcome: string }> }
    expect(body.results.map((r) => r.outcome)).toEqual(events.map(() => 'accepted'))
    sim.deliver()
    return events.map((e) => e.id)
  }

  it('applies the central catalogue: upserts, deactivates absent services, stores holidays and ETag', async () => {
    const p = makePull()
    expect(await p.pullCatalogue()).toBe('updated')
    expect(services.byCode('BIRTH_CERT')).toMatchObject({
      nameEn: 'Birth certificate (central)',
      isDefault: false,
      active: true,
    })
    expect(services.byCode('GOOD_CONDUCT')).toMatchObject({ isDefault: false, active: true })
    // Never deleted (applications reference it), only no longer offered.
    expect(services.byCode('OLD_LOCAL')).toMatchObject({ active: false, isDefault: true })
    expect(pull.holidays()).toEqual(CATALOGUE.holidays)
    expect(sync.getState(CATALOGUE_ETAG_KEY)).toMatchObject({ etag: expect.any(String), version: 'test.1' })

    // Same ETag: a 304, nothing rewritten.
    const before = snapshot()
    expect(await p.pullCatalogue()).toBe('unchanged')
    expect(sim.stats().byStatus[304]).toBe(1)
    expect(snapshot()).toEqual(before)

    // A new catalogue: a new ETag, applied as a whole.
    const etag1 = (sync.getState(CATALOGUE_ETAG_KEY) as { etag: string }).etag
    sim.setCatalogue({
      version: 'test.2',
      services: [service('GOOD_CONDUCT', { turnaroundDays: 9 })],
      holidays: [{ date: '2026-03-21', name: 'Idd-ul-Fitr' }],
    })
    expect(await p.pullCatalogue()).toBe('updated')
    expect(services.byCode('BIRTH_CERT')).toMatchObject({ active: false })
    expect(services.byCode('GOOD_CONDUCT')).toMatchObject({ turnaroundDays: 9, active: true })
    expect(services.all()).toHaveLength(3)
    expect(pull.holidays()).toEqual([{ date: '2026-03-21', name: 'Idd-ul-Fitr' }])
    const state = sync.getState(CATALOGUE_ETAG_KEY) as { etag: string; version: string }
    expect(state.version).toBe('test.2')
    expect(state.etag).not.toBe(etag1)
  })

  it('a malformed catalogue answer changes nothing and returns an error', async () => {
    const p = makePull()
    expect(await p.pullCatalogue()).toBe('updated')
    const before = snapshot()
    const good = { version: 'bad.1', services: CATALOGUE.services, holidays: CATALOGUE.holidays }
    const bad: Array<[string, string, Record<string, string>]> = [
      ['bad service code', JSON.stringify({ ...good, services: [service('lower-case')] }), { ETag: '"b1"' }],
      [
        'duplicate codes',
        JSON.stringify({ ...good, services: [service('AAA'), service('AAA')] }),
        { ETag: '"b2"' },
      ],
      [
        'not a calendar day',
        JSON.stringify({ ...good, holidays: [{ date: '2026-02-30', name: 'X' }] }),
        { ETag: '"b4"' },
      ],
      ['empty holiday name', JSON.stringify({ ...good, holidays: [{ date: '2026-02-03', name: ' ' }] }), {}],
      ['not JSON', '{"version": ', { ETag: '"b5"' }],
      ['no ETag', JSON.stringify(good), {}],
    ]
    for (const [label, body, headers] of bad) {
      endpoint = { baseUrl: await standIn(200, body, headers), token: 'whatever-token' }
      const r = await p.pullCatalogue()
      expect(r, label).toEqual({ error: expect.any(String) })
      expect(snapshot(), label).toEqual(before)
    }
    endpoint = { baseUrl: await standIn(500, '{}'), token: 'whatever-token' }
    expect(await p.pullCatalogue()).toEqual({ error: expect.stringContaining('500') })
    expect(snapshot()).toEqual(before)
  })

  it('a central service whose pattern cannot be used is recorded and left as it was; the rest is applied', async () => {
    const p = makePull()
    expect(await p.pullCatalogue()).toBe('updated')
    const birthBefore = services.all().find((s) => s.code === 'BIRTH_CERT')
    const catalogue = {
      version: 'hostile.1',
      holidays: CATALOGUE.holidays,
      services: [
        // A back-reference and a look-ahead: no linear-time engine runs these, so they are never applied.
        service('BIRTH_CERT', { agencyRefPattern: '([A-Z])\\1[0-9]+', nameEn: 'Changed' }),
        service('NEW_LOOKAHEAD', { agencyRefPattern: '(?=A)[A-Z0-9]+' }),
        // Catastrophic for a backtracking engine, harmless for a linear one: applied.
        service('NESTED', { agencyRefPattern: '([A-Z0-9]+)+' }),
        ...CATALOGUE.services.filter((s) => s.code !== 'BIRTH_CERT'),
      ],
    }
    endpoint = { baseUrl: await standIn(200, JSON.stringify(catalogue), { ETag: '"h1"' }), token: 't' }
    expect(await p.pullCatalogue()).toBe('updated')
    const after = services.all()
    expect(after.find((s) => s.code === 'BIRTH_CERT')).toEqual(birthBefore)
    expect(after.some((s) => s.code === 'NEW_LOOKAHEAD')).toBe(false)
    expect(after.find((s) => s.code === 'NESTED')?.agencyRefPattern).toBe('([A-Z0-9]+)+')
    expect(recordedIssues.map((i) => [i.eventId, i.type])).toEqual([
      ['catalogue:hostile.1:BIRTH_CERT', 'catalogue.service'],
      ['catalogue:hostile.1:NEW_LOOKAHEAD', 'catalogue.service'],
    ])
    expect(recordedIssues[0]?.reason).toMatch(
      /^not applied: Service BIRTH_CERT: agency reference pattern is not/,
    )
  })

  it('a bad pattern alongside another fault makes the whole answer malformed', async () => {
    const p = makePull()
    expect(await p.pullCatalogue()).toBe('updated')
    const before = snapshot()
    const bad = { version: 'x', holidays: [], services: [service('lower', { agencyRefPattern: '(' })] }
    endpoint = { baseUrl: await standIn(200, JSON.stringify(bad), { ETag: '"x1"' }), token: 't' }
    expect(await p.pullCatalogue()).toEqual({ error: expect.stringContaining('malformed service') })
    expect(snapshot()).toEqual(before)
    expect(recordedIssues).toEqual([])
  })

  it('is skipped before enrolment', async () => {
    endpoint = null
    const p = makePull()
    expect({ catalogue: await p.pullCatalogue(), outcomes: await p.pullOutcomes() }).toEqual({
      catalogue: 'skipped',
      outcomes: 'skipped',
    })
    expect(sim.stats().requests).toBe(0)
  })

  it('pulls SMS outcomes per tracking number, page by page, idempotently', async () => {
    const ids = await notify([
      { phone: '+254712345678', trackingNumbers: ['042000000011', '042000000029'] },
      { phone: '+254712345000', trackingNumbers: ['042000000037'] },
      { phone: '0712345999', trackingNumbers: ['042000000045'] },
    ])
    const p = makePull({ pageSize: 2 })
    expect(await p.pullOutcomes()).toBe(4)
    expect(pull.outcomesFor('042000000011')).toEqual([
      { eventId: ids[0], trackingNumber: '042000000011', outcome: 'delivered', at: expect.any(Number) },
    ])
    expect(pull.outcomesFor('042000000029')).toMatchObject([{ eventId: ids[0], outcome: 'delivered' }])
    expect(pull.outcomesFor('042000000037')).toMatchObject([{ eventId: ids[1], outcome: 'invalid-number' }])
    expect(pull.outcomesFor('042000000045')).toMatchObject([{ eventId: ids[2], outcome: 'failed' }])
    expect(sync.getState(NOTIFICATIONS_CURSOR_KEY)).toEqual(expect.any(String))

    // Again: the stored cursor starts after what was read; nothing is added.
    const before = snapshot()
    const requests = sim.stats().requests
    expect(await p.pullOutcomes()).toBe(0)
    expect(sim.stats().requests).toBe(requests + 1)
    expect(snapshot()).toEqual(before)

    // A new outcome is picked up from where the cursor stands.
    const [next] = await notify([{ phone: '+254700000001', trackingNumbers: ['042000000011'] }])
    expect(await p.pullOutcomes()).toBe(1)
    expect(pull.outcomesFor('042000000011').map((o) => o.eventId)).toEqual([ids[0], next])

    // Reading the whole feed again from the start (cursor lost) stores nothing twice.
    db.prepare('DELETE FROM sync_state WHERE key = ?').run(NOTIFICATIONS_CURSOR_KEY)
    expect(await makePull().pullOutcomes()).toBe(0)
    expect(db.prepare('SELECT count(*) AS n FROM delivery_outcomes').get()).toEqual({ n: 5 })
  })

  it('a malformed outcomes page stores nothing', async () => {
    await notify([{ phone: '+254712345678', trackingNumbers: ['042000000011'] }])
    const before = snapshot()
    const page = {
      outcomes: [{ eventId: 'not-a-uuid', trackingNumbers: ['042000000011'], outcome: 'delivered', at: 1 }],
      nextCursor: 'c1',
    }
    endpoint = { baseUrl: await standIn(200, JSON.stringify(page)), token: 'whatever-token' }
    expect(await makePull().pullOutcomes()).toEqual({ error: expect.stringContaining('eventId') })
    expect(snapshot()).toEqual(before)
  })

  it('a revoked token asks for enrolment and changes nothing', async () => {
    await notify([{ phone: '+254712345678', trackingNumbers: ['042000000011'] }])
    const p = makePull()
    expect(sim.revokeToken(DEVICE)).toBeGreaterThan(0)
    const before = snapshot()
    expect({ catalogue: await p.pullCatalogue(), outcomes: await p.pullOutcomes() }).toEqual({
      catalogue: { error: 'needs enrolment' },
      outcomes: { error: 'needs enrolment' },
    })
    expect(sim.stats().byStatus[401]).toBe(2)
    expect(snapshot()).toEqual(before)
  })

  it('central holidays are added to the library calendar, never removing its days', () => {
    const base = createKenyaCalendar()
    const cal = calendarWithCentralHolidays(base, [
      { date: '2025-10-17', name: 'State funeral of Raila Odinga' },
      { date: '2026-12-25', name: 'Christmas' },
    ])
    expect(cal.holidayName('2025-10-17')).toBe('State funeral of Raila Odinga')
    expect(cal.holidayName('2026-12-25')).toBe('Christmas')
    expect(cal.holidayName('2026-06-01')).toBe(base.holidayName('2026-06-01'))
    expect(cal.holidaysIn(2025).map((h) => h.date)).toContain('2025-10-17')
    expect(cal.holidaysIn(2026)).toHaveLength(base.holidaysIn(2026).length)
  })

  it('the simulator default catalogue applies cleanly', async () => {
    sim.setCatalogue(DEFAULT_CENTRAL_CATALOGUE)
    expect(await makePull().pullCatalogue()).toBe('updated')
    expect(pull.holidays()).toHaveLength(DEFAULT_CENTRAL_CATALOGUE.holidays.length)
    expect(services.all().filter((s) => s.active)).toHaveLength(DEFAULT_CENTRAL_CATALOGUE.services.length)
  })
})
