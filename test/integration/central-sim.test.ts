import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { catalogueSchema } from '../../common/catalogue'
import { uuidv7 } from '../../main/infra/uuidv7'
import { tempDir } from '../helpers/temp-dir'
import {
  startCentralSim,
  type CentralEvent,
  type CentralSim,
  type EventResult,
  type NotificationOutcome,
  type Problem,
  type StoredEvent,
} from '../peers/central-sim'

/**
 * The central tracking API simulator over real HTTP on 127.0.0.1 (global fetch): the contract of
 * docs/central-api.yaml (routing and validation by openapi-backend), idempotent event intake, the centre feed,
 * catalogue ETags, the application projection, the SMS gateway and every fault knob.
 */

const CENTRE = '042'
const OTHER_CENTRE = '017'
const CODES = { [CENTRE]: ['CODE-042-A', 'CODE-042-B', 'CODE-042-C'], [OTHER_CENTRE]: ['CODE-017-A'] }

interface Device {
  deviceId: string
  centre: string
  token: string
}

let clock = Date.UTC(2026, 5, 1, 7, 0, 0)
const nextTime = () => (clock += 1000)

function event(d: Device, over: Partial<CentralEvent> = {}): CentralEvent {
  return {
    id: uuidv7(nextTime()),
    type: 'staff.created',
    occurredAt: clock,
    staffNumber: 'S0001',
    deviceId: d.deviceId,
    centreNumber: d.centre,
    trackingNumber: null,
    payload: {},
    ...over,
  }
}

function notification(d: Device, phone: string, text: string, tn = '042036714272'): CentralEvent {
  return event(d, {
    type: 'notification.ready',
    staffNumber: null,
    trackingNumber: tn,
    payload: { phone, language: 'en', trackingNumbers: [tn], text, segments: 1 },
  })
}

const SHORT_TEXT =
  'Huduma GPO: your document 0420 3671 4272 is ready for collection. Bring your ID and receipt. Collect by 14 Feb 2027.'

async function call(
  sim: CentralSim,
  method: string,
  urlPath: string,
  opts: { token?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  let body: string | undefined
  if (opts.rawBody !== undefined || opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = opts.rawBody ?? JSON.stringify(opts.body)
  }
  return fetch(`${sim.url}${urlPath}`, { method, headers, body })
}

async function problemOf(res: Response, status: number): Promise<Problem> {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  const p = (await res.json()) as Problem
  expect(p).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  })
  return p
}

async function post(sim: CentralSim, d: Device, events: CentralEvent[]): Promise<EventResult[]> {
  const res = await call(sim, 'POST', '/v1/events', { token: d.token, body: { events } })
  expect(res.status).toBe(200)
  return ((await res.json()) as { results: EventResult[] }).results
}

async function enrol(
  sim: CentralSim,
  centre: string,
  code: string,
  slot: string,
  deviceId: string = randomUUID(),
) {
  return call(sim, 'POST', '/v1/enrol', {
    body: { centreNumber: centre, enrolmentCode: code, deviceId, workstationSlot: slot },
  })
}

function device(sim: CentralSim, centre: string, slot: string): Device {
  const deviceId = randomUUID()
  return { deviceId, centre, token: sim.issueToken(centre, deviceId, slot) }
}

describe('central API simulator', () => {
  let sim: CentralSim
  let a: Device
  let b: Device
  let other: Device

  beforeAll(async () => {
    sim = await startCentralSim({ enrolmentCodes: CODES, seed: 7 })
    a = device(sim, CENTRE, '01')
    b = device(sim, CENTRE, '02')
    other = device(sim, OTHER_CENTRE, '01')
  })
  afterAll(async () => {
    await sim.close()
  })
  afterEach(() => {
    sim.setFaults({
      errorRate: 0,
      latencyMs: 0,
      resetRate: 0,
      rate429: 0,
      retryAfterSeconds: 1,
      rejectTypes: [],
      slowBodyMs: 0,
    })
  })

  describe('enrolment', () => {
    it('gives a token for the right code, and the token works', async () => {
      const deviceId = randomUUID()
      const res = await enrol(sim, CENTRE, 'CODE-042-A', '11', deviceId)
      expect(res.status).toBe(201)
      const body = (await res.json()) as { token: string }
      expect(body).toEqual({
        deviceId,
        centreNumber: CENTRE,
        workstationSlot: '11',
        token: expect.any(String),
        // The registry's name for the centre (none configured here: the default).
        centreName: `Huduma Centre ${CENTRE}`,
      })
      expect((await call(sim, 'GET', '/v1/catalogue', { token: body.token })).status).toBe(200)
      // A retry of the same enrolment (answer lost) gets the same token, not a 403.
      const again = await enrol(sim, CENTRE, 'CODE-042-A', '11', deviceId)
      expect(again.status).toBe(201)
      expect(((await again.json()) as { token: string }).token).toBe(body.token)
    })

    it('refuses a wrong code and a used code with 403 problem+json', async () => {
      const wrong = await problemOf(await enrol(sim, CENTRE, 'NOT-THE-CODE', '12'), 403)
      expect(wrong.detail).toMatch(/not valid/)
      // The code of another centre is wrong here too.
      await problemOf(await enrol(sim, CENTRE, 'CODE-017-A', '12'), 403)
      // CODE-042-A was used by the first test's device.
      const used = await problemOf(await enrol(sim, CENTRE, 'CODE-042-A', '12'), 403)
      expect(used.detail).toMatch(/already been used/)
    })

    it('answers 409 when another device holds the slot, without using up the code', async () => {
      const first = await enrol(sim, CENTRE, 'CODE-042-B', '21')
      expect(first.status).toBe(201)
      const p = await problemOf(await enrol(sim, CENTRE, 'CODE-042-C', '21'), 409)
      expect(p.detail).toMatch(/slot 21/i)
      expect((await enrol(sim, CENTRE, 'CODE-042-C', '22')).status).toBe(201)
    })

    it('validates the enrolment body against the document (400 naming the field)', async () => {
      const p = await problemOf(await enrol(sim, CENTRE, 'lower-case', '13'), 400)
      expect(p.detail).toMatch(/^enrolmentCode /)
      const slot = await problemOf(await enrol(sim, CENTRE, 'CODE-042-C', '1'), 400)
      expect(slot.detail).toMatch(/workstationSlot/)
      const badId = await problemOf(await enrol(sim, CENTRE, 'CODE-042-C', '13', 'not-a-uuid'), 400)
      expect(badId.errors?.[0]?.field).toBe('deviceId')
    })
  })

  describe('POST /v1/events', () => {
    it('accepts events once: the same ids again are duplicates and nothing is stored twice', async () => {
      const batch = [event(a), event(a, { trackingNumber: '042036714272' }), event(a)]
      const before = sim.eventCount()
      expect(await post(sim, a, batch)).toEqual(batch.map((e) => ({ id: e.id, outcome: 'accepted' })))
      expect(sim.eventCount()).toBe(before + 3)
      expect(sim.eventIds().slice(-3)).toEqual(batch.map((e) => e.id))

      const fresh = event(a)
      const again = await post(sim, a, [...batch, fresh, fresh])
      expect(again.map((r) => r.outcome)).toEqual([
        'duplicate',
        'duplicate',
        'duplicate',
        'accepted',
        'duplicate',
      ])
      expect(sim.eventCount()).toBe(before + 4)
    })

    it.each([
      ['a bad uuid', (e: CentralEvent) => ({ ...e, id: 'not-a-uuid' }), /^events\[0\]\.id /],
      ['a UUIDv4 id', (e: CentralEvent) => ({ ...e, id: randomUUID() }), /^events\[0\]\.id /],
      [
        'a missing field',
        (e: CentralEvent) => {
          const { deviceId: _d, ...rest } = e
          return rest
        },
        /^events\[0\]\.deviceId is required/,
      ],
      ['an extra field', (e: CentralEvent) => ({ ...e, extra: 1 }), /^events\[0\]\.extra is not allowed/],
      ['a bad type', (e: CentralEvent) => ({ ...e, type: 'NoDot' }), /^events\[0\]\.type /],
      [
        'a bad tracking number',
        (e: CentralEvent) => ({ ...e, trackingNumber: '12345' }),
        /^events\[0\]\.trackingNumber /,
      ],
      [
        'a string time',
        (e: CentralEvent) => ({ ...e, occurredAt: '2026-06-01' }),
        /^events\[0\]\.occurredAt /,
      ],
    ])('answers 400 naming the field for %s, and stores nothing', async (_what, spoil, detail) => {
      const before = sim.eventCount()
      const good = event(a)
      const res = await call(sim, 'POST', '/v1/events', {
        token: a.token,
        body: { events: [spoil(event(a)), good] },
      })
      const p = await problemOf(res, 400)
      expect(p.detail).toMatch(detail)
      expect(p.errors?.length).toBeGreaterThan(0)
      expect(sim.eventCount()).toBe(before)
    })

    it('answers 400 for an empty batch, 501 events, a body that is not JSON and a missing body', async () => {
      const many = Array.from({ length: 501 }, () => event(a))
      const tooMany = await problemOf(
        await call(sim, 'POST', '/v1/events', { token: a.token, body: { events: many } }),
        400,
      )
      expect(tooMany.detail).toMatch(/^events .*500/)
      const empty = await problemOf(
        await call(sim, 'POST', '/v1/events', { token: a.token, body: { events: [] } }),
        400,
      )
      expect(empty.detail).toMatch(/^events /)
      const notJson = await problemOf(
        await call(sim, 'POST', '/v1/events', { token: a.token, rawBody: '{"events": [' }),
        400,
      )
      expect(notJson.detail).toBe('body is not valid JSON')
      const none = await problemOf(await call(sim, 'POST', '/v1/events', { token: a.token }), 400)
      expect(none.detail).toBe('body is required')
      // 500 is the limit, not an error.
      const max = Array.from({ length: 500 }, () => event(a))
      expect((await post(sim, a, max)).every((r) => r.outcome === 'accepted')).toBe(true)
    })

    it('rejects an event of another centre or of a device never enrolled here, and accepts the rest of the batch', async () => {
      const mine = event(a)
      const stranger = event(a, { deviceId: '0190a5a4-7a1b-7c3d-8e4f-00000000dead' })
      const otherCentre = event(a, { centreNumber: OTHER_CENTRE })
      const results = await post(sim, a, [stranger, mine, otherCentre])
      expect(results).toEqual([
        { id: stranger.id, outcome: 'rejected', reason: 'deviceId is not a device enrolled at this centre' },
        { id: mine.id, outcome: 'accepted' },
        { id: otherCentre.id, outcome: 'rejected', reason: expect.stringMatching(/centreNumber/) },
      ])
      expect(sim.eventIds()).not.toContain(stranger.id)
    })

    it('accepts events relayed by another device of the same centre (a transfer file), keeping their device', async () => {
      const carried = event(a, { deviceId: b.deviceId })
      expect(await post(sim, a, [carried])).toEqual([{ id: carried.id, outcome: 'accepted' }])
      // Sent again by the device that made it: a duplicate, not a second copy.
      expect(await post(sim, b, [carried])).toEqual([{ id: carried.id, outcome: 'duplicate' }])
    })

    it('answers 401 problem+json without a token, with an unknown token and with a revoked token', async () => {
      const body = { events: [event(a)] }
      const none = await call(sim, 'POST', '/v1/events', { body })
      await problemOf(none, 401)
      expect(none.headers.get('www-authenticate')).toBe('Bearer')
      await problemOf(await call(sim, 'POST', '/v1/events', { token: 'nope-nope-nope', body }), 401)
      await problemOf(
        await call(sim, 'POST', '/v1/events', { body, headers: { Authorization: 'Basic abc' } }),
        401,
      )

      const gone = device(sim, CENTRE, '09')
      expect(await post(sim, gone, [event(gone)])).toHaveLength(1)
      expect(sim.revokeToken(gone.deviceId)).toBe(1)
      await problemOf(
        await call(sim, 'POST', '/v1/events', { token: gone.token, body: { events: [event(gone)] } }),
        401,
      )
      await problemOf(await call(sim, 'GET', '/v1/catalogue', { token: gone.token }), 401)
      // Enrolment needs no token.
      expect((await enrol(sim, CENTRE, 'NOT-A-CODE', '30')).status).toBe(403)
    })
  })

  describe('GET /v1/centres/{centre}/events', () => {
    it('pages through the accepted events of the centre from every device, in acceptance order', async () => {
      // Read to the end first, so the test sees only what it adds.
      let cursor: string | undefined
      for (;;) {
        const q: string = cursor ? `?after=${encodeURIComponent(cursor)}&limit=1000` : '?limit=1000'
        const page = (await (
          await call(sim, 'GET', `/v1/centres/${CENTRE}/events${q}`, { token: b.token })
        ).json()) as {
          events: StoredEvent[]
          nextCursor: string
        }
        cursor = page.nextCursor
        if (page.events.length === 0) break
      }
      const start = cursor

      const fromA = [event(a), event(a, { trackingNumber: '042036714281', payload: { k: 1 } })]
      const fromOther = [event(other)]
      const fromB = [event(b)]
      await post(sim, a, fromA)
      await post(sim, other, fromOther)
      await post(sim, b, fromB)
      await post(sim, a, [fromA[0] as CentralEvent]) // a duplicate adds nothing to the feed

      const seen: StoredEvent[] = []
      const seqs: number[] = []
      cursor = start
      for (let i = 0; i < 10; i++) {
        const res = await call(
          sim,
          'GET',
          `/v1/centres/${CENTRE}/events?after=${encodeURIComponent(cursor ?? '')}&limit=2`,
          {
            token: a.token,
          },
        )
        expect(res.status).toBe(200)
        const page = (await res.json()) as { events: StoredEvent[]; nextCursor: string }
        expect(page.events.length).toBeLessThanOrEqual(2)
        seen.push(...page.events)
        seqs.push(...page.events.map((e) => e.seq))
        if (page.events.length === 0) {
          expect(page.nextCursor).toBe(cursor) // an empty page hands the same cursor back
          break
        }
        cursor = page.nextCursor
      }
      expect(seen.map((e) => e.id)).toEqual([...fromA, ...fromB].map((e) => e.id))
      expect(seen[1]).toEqual({ ...fromA[1], seq: expect.any(Number) })
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y))
    })

    it("answers 403 for another centre's feed and 400 for a bad cursor or limit", async () => {
      const p = await problemOf(
        await call(sim, 'GET', `/v1/centres/${OTHER_CENTRE}/events`, { token: a.token }),
        403,
      )
      expect(p.detail).toMatch(/042/)
      const cursor = await problemOf(
        await call(sim, 'GET', `/v1/centres/${CENTRE}/events?after=zzz`, { token: a.token }),
        400,
      )
      expect(cursor.detail).toMatch(/after/)
      const big = await problemOf(
        await call(sim, 'GET', `/v1/centres/${CENTRE}/events?limit=1001`, { token: a.token }),
        400,
      )
      expect(big.detail).toMatch(/^query parameter limit /)
      const zero = await problemOf(
        await call(sim, 'GET', `/v1/centres/${CENTRE}/events?limit=0`, { token: a.token }),
        400,
      )
      expect(zero.detail).toMatch(/limit/)
      const path = await problemOf(await call(sim, 'GET', '/v1/centres/42/events', { token: a.token }), 400)
      expect(path.detail).toMatch(/^path parameter centre /)
      const unknown = await problemOf(
        await call(sim, 'GET', `/v1/centres/${CENTRE}/events?colour=red`, { token: a.token }),
        400,
      )
      expect(unknown.detail).toMatch(/colour/)
    })
  })

  describe('GET /v1/catalogue', () => {
    it('serves services of the app catalogue shape with an ETag, and 304 for If-None-Match', async () => {
      const res = await call(sim, 'GET', '/v1/catalogue', { token: a.token })
      expect(res.status).toBe(200)
      const etag = res.headers.get('etag')
      expect(etag).toMatch(/^".+"$/)
      const body = (await res.json()) as {
        version: string
        services: unknown[]
        holidays: { date: string }[]
      }
      expect(body.version).toBe('2026.1')
      expect(catalogueSchema.parse(body.services).length).toBeGreaterThan(3)
      expect(body.holidays).toContainEqual({ date: '2026-12-12', name: 'Jamhuri Day' })

      const same = await call(sim, 'GET', '/v1/catalogue', {
        token: a.token,
        headers: { 'If-None-Match': etag ?? '' },
      })
      expect(same.status).toBe(304)
      expect(same.headers.get('etag')).toBe(etag)
      expect(await same.text()).toBe('')
      const weak = await call(sim, 'GET', '/v1/catalogue', {
        token: a.token,
        headers: { 'If-None-Match': `"x", W/${etag}` },
      })
      expect(weak.status).toBe(304)

      sim.setCatalogue({ version: '2026.2', services: body.services as never, holidays: [] })
      const changed = await call(sim, 'GET', '/v1/catalogue', {
        token: a.token,
        headers: { 'If-None-Match': etag ?? '' },
      })
      expect(changed.status).toBe(200)
      expect(changed.headers.get('etag')).not.toBe(etag)
      expect(((await changed.json()) as { version: string }).version).toBe('2026.2')
    })
  })

  describe('GET /v1/applications/{trackingNumber}', () => {
    it('projects the status from the accepted events, without personal data', async () => {
      const tn = '042036714299'
      await post(sim, a, [
        event(a, {
          type: 'application.registered',
          trackingNumber: tn,
          payload: {
            serviceCode: 'ID_NEW',
            customerName: 'Wanjiku Kamau',
            phone: '+254712345678',
            idNumber: null,
          },
        }),
      ])
      const registered = await call(sim, 'GET', `/v1/applications/${tn}`, { token: other.token })
      expect(registered.status).toBe(200)
      const text = await registered.text()
      expect(text).not.toMatch(/Wanjiku|254712345678/)
      expect(JSON.parse(text)).toEqual({
        trackingNumber: tn,
        centreNumber: CENTRE,
        status: 'registered',
        serviceCode: 'ID_NEW',
        events: [{ type: 'application.registered', occurredAt: expect.any(Number) }],
      })

      await post(sim, b, [
        event(b, { type: 'application.arrived', trackingNumber: tn, payload: { slot: 'A-01' } }),
        event(b, { type: 'application.moved', trackingNumber: tn, payload: { slot: 'A-02' } }),
      ])
      const arrived = (await (
        await call(sim, 'GET', `/v1/applications/${tn}`, { token: a.token })
      ).json()) as {
        status: string
        events: { type: string }[]
      }
      expect(arrived.status).toBe('arrived')
      expect(arrived.events.map((e) => e.type)).toEqual([
        'application.registered',
        'application.arrived',
        'application.moved',
      ])

      await post(sim, a, [event(a, { type: 'application.collected', trackingNumber: tn, payload: {} })])
      const collected = (await (
        await call(sim, 'GET', `/v1/applications/${tn}`, { token: a.token })
      ).json()) as {
        status: string
      }
      expect(collected.status).toBe('collected')

      await problemOf(await call(sim, 'GET', '/v1/applications/999999999999', { token: a.token }), 404)
      await problemOf(await call(sim, 'GET', '/v1/applications/12ab', { token: a.token }), 400)
      await problemOf(await call(sim, 'GET', `/v1/applications/${tn}`), 401)
    })
  })

  describe('SMS gateway', () => {
    it('rejects a text longer than one SMS segment, and one with a bad payload', async () => {
      const long = notification(a, '+254712345678', 'A'.repeat(200))
      const emoji = notification(a, '+254712345678', 'Ready \u{1F600}')
      const noPhone = event(a, { type: 'notification.reminder', payload: { text: SHORT_TEXT } })
      expect(await post(sim, a, [long, emoji, noPhone])).toEqual([
        { id: long.id, outcome: 'rejected', reason: 'message longer than one SMS segment' },
        { id: emoji.id, outcome: 'rejected', reason: expect.stringMatching(/GSM-7/) },
        { id: noPhone.id, outcome: 'rejected', reason: expect.stringMatching(/phone/) },
      ])
    })

    it('reports delivered / failed / invalid-number outcomes in /v1/notifications, with a cursor', async () => {
      const start = (await (
        await call(sim, 'GET', '/v1/notifications?limit=1000', { token: b.token })
      ).json()) as {
        outcomes: NotificationOutcome[]
        nextCursor: string
      }
      const ok = notification(a, '+254712345678', SHORT_TEXT, '042036714301')
      const bad = notification(a, '+254712340000', SHORT_TEXT, '042036714302')
      const failed = notification(b, '+254712340999', SHORT_TEXT, '042036714303')
      await post(sim, a, [ok, bad])
      await post(sim, b, [failed])
      await post(sim, other, [notification(other, '+254700000001', SHORT_TEXT, '017000000001')])
      await post(sim, a, [ok]) // duplicate: no second SMS

      const first = (await (
        await call(sim, 'GET', `/v1/notifications?after=${start.nextCursor}&limit=2`, { token: b.token })
      ).json()) as { outcomes: NotificationOutcome[]; nextCursor: string }
      const second = (await (
        await call(sim, 'GET', `/v1/notifications?after=${first.nextCursor}&limit=2`, { token: b.token })
      ).json()) as { outcomes: NotificationOutcome[]; nextCursor: string }
      expect([...first.outcomes, ...second.outcomes]).toEqual([
        { eventId: ok.id, trackingNumbers: ['042036714301'], outcome: 'delivered', at: expect.any(Number) },
        {
          eventId: bad.id,
          trackingNumbers: ['042036714302'],
          outcome: 'invalid-number',
          at: expect.any(Number),
        },
        { eventId: failed.id, trackingNumbers: ['042036714303'], outcome: 'failed', at: expect.any(Number) },
      ])
      const otherFeed = (await (
        await call(sim, 'GET', '/v1/notifications', { token: other.token })
      ).json()) as {
        outcomes: NotificationOutcome[]
      }
      expect(otherFeed.outcomes.map((o) => o.trackingNumbers[0])).toEqual(['017000000001'])
      // A cursor of the events feed is not a notifications cursor.
      const evCursor = (
        (await (
          await call(sim, 'GET', `/v1/centres/${CENTRE}/events?limit=1`, { token: a.token })
        ).json()) as {
          nextCursor: string
        }
      ).nextCursor
      await problemOf(await call(sim, 'GET', `/v1/notifications?after=${evCursor}`, { token: a.token }), 400)
    })
  })

  describe('faults', () => {
    it('errorRate answers 500 or 503, the 503 with Retry-After: 1, and handles nothing', async () => {
      sim.setFaults({ errorRate: 1 })
      const before = sim.eventCount()
      const statuses = new Set<number>()
      for (let i = 0; i < 20; i++) {
        const res = await call(sim, 'POST', '/v1/events', { token: a.token, body: { events: [event(a)] } })
        statuses.add(res.status)
        await problemOf(res, res.status)
        if (res.status === 503) expect(res.headers.get('retry-after')).toBe('1')
        else expect(res.headers.get('retry-after')).toBeNull()
      }
      expect([...statuses].sort()).toEqual([500, 503])
      expect(sim.eventCount()).toBe(before)
      expect(sim.stats().byStatus[503]).toBeGreaterThan(0)
    })

    it('rate429 answers 429 with Retry-After: retryAfterSeconds', async () => {
      sim.setFaults({ rate429: 1, retryAfterSeconds: 7 })
      const res = await call(sim, 'GET', '/v1/catalogue', { token: a.token })
      await problemOf(res, 429)
      expect(res.headers.get('retry-after')).toBe('7')
    })

    it('resetRate drops the connection after the work is done: fetch rejects, a resend is a duplicate', async () => {
      sim.setFaults({ resetRate: 1 })
      const e = event(a)
      await expect(
        call(sim, 'POST', '/v1/events', { token: a.token, body: { events: [e] } }),
      ).rejects.toThrow()
      sim.setFaults({ resetRate: 0 })
      expect(sim.eventIds()).toContain(e.id)
      expect(await post(sim, a, [e])).toEqual([{ id: e.id, outcome: 'duplicate' }])
    })

    it('latencyMs delays the answer', async () => {
      sim.setFaults({ latencyMs: 300 })
      const t0 = performance.now()
      expect((await call(sim, 'GET', '/v1/catalogue', { token: a.token })).status).toBe(200)
      expect(performance.now() - t0).toBeGreaterThanOrEqual(280)
    })

    it('slowBodyMs dribbles the body, which still arrives whole', async () => {
      sim.setFaults({ slowBodyMs: 500 })
      const t0 = performance.now()
      const res = await call(sim, 'GET', '/v1/catalogue', { token: a.token })
      expect(res.status).toBe(200)
      const headersAt = performance.now() - t0
      const body = (await res.json()) as { services: unknown[] }
      const total = performance.now() - t0
      expect(catalogueSchema.parse(body.services).length).toBeGreaterThan(0)
      expect(total).toBeGreaterThanOrEqual(450)
      expect(total - headersAt).toBeGreaterThanOrEqual(300) // the headers came first, the body over time
    })

    it('rejectTypes rejects events of those types with the test-fault reason', async () => {
      sim.setFaults({ rejectTypes: ['batch.closed'] })
      const closed = event(a, { type: 'batch.closed' })
      const fine = event(a)
      expect(await post(sim, a, [closed, fine])).toEqual([
        { id: closed.id, outcome: 'rejected', reason: 'event type not accepted by the test fault' },
        { id: fine.id, outcome: 'accepted' },
      ])
      sim.setFaults({ rejectTypes: [] })
      expect(await post(sim, a, [closed])).toEqual([{ id: closed.id, outcome: 'accepted' }])
    })

    it('counts requests and outcomes in stats()', async () => {
      const s0 = sim.stats()
      const e = event(a)
      await post(sim, a, [e, e, event(a, { centreNumber: OTHER_CENTRE })])
      const s1 = sim.stats()
      expect(s1.requests - s0.requests).toBe(1)
      expect([s1.accepted - s0.accepted, s1.duplicates - s0.duplicates, s1.rejected - s0.rejected]).toEqual([
        1, 1, 1,
      ])
      expect((s1.byStatus[200] ?? 0) - (s0.byStatus[200] ?? 0)).toBe(1)
    })
  })
})

describe('central API simulator, own instances', () => {
  it('gives the same fault rolls for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      const s = await startCentralSim({ seed: 1234, faults: { errorRate: 0.5, rate429: 0.2 } })
      try {
        const d = device(s, CENTRE, '01')
        const statuses: number[] = []
        for (let i = 0; i < 12; i++)
          statuses.push((await call(s, 'GET', '/v1/catalogue', { token: d.token })).status)
        return statuses
      } finally {
        await s.close()
      }
    }
    const first = await run()
    expect(new Set(first).size).toBeGreaterThan(1)
    expect(await run()).toEqual(first)
  })

  it('holds SMS outcomes back for deliveryDelayMs, and deliver() releases them at once', async () => {
    const s = await startCentralSim({ deliveryDelayMs: 60_000 })
    try {
      const d = device(s, CENTRE, '01')
      const n = notification(d, '+254712345678', SHORT_TEXT)
      expect(await post(s, d, [n])).toEqual([{ id: n.id, outcome: 'accepted' }])
      const feed = async () =>
        (
          (await (await call(s, 'GET', '/v1/notifications', { token: d.token })).json()) as {
            outcomes: unknown[]
          }
        ).outcomes
      expect(await feed()).toEqual([])
      expect(s.deliver()).toBe(1)
      expect(await feed()).toEqual([expect.objectContaining({ eventId: n.id, outcome: 'delivered' })])
    } finally {
      await s.close()
    }
  })

  it('keeps events and tokens in its SQLite file across a restart', async () => {
    const { dir, cleanup } = tempDir('central-sim-')
    const dbFile = path.join(dir, 'central.sqlite')
    try {
      const s1 = await startCentralSim({ dbFile, enrolmentCodes: { [CENTRE]: ['RESTART-01'] } })
      const deviceId = randomUUID()
      const res = await enrol(s1, CENTRE, 'RESTART-01', '01', deviceId)
      const { token } = (await res.json()) as { token: string }
      const d: Device = { deviceId, centre: CENTRE, token }
      const e = event(d)
      expect(await post(s1, d, [e])).toEqual([{ id: e.id, outcome: 'accepted' }])
      await s1.close()

      const s2 = await startCentralSim({ dbFile, enrolmentCodes: { [CENTRE]: ['RESTART-01'] } })
      try {
        expect(s2.eventIds()).toEqual([e.id])
        expect(await post(s2, d, [e])).toEqual([{ id: e.id, outcome: 'duplicate' }])
        expect((await enrol(s2, CENTRE, 'RESTART-01', '02')).status).toBe(403)
      } finally {
        await s2.close()
      }
    } finally {
      cleanup()
    }
  })

  it('answers 404 problem for a path outside the document and 405 for a wrong method', async () => {
    const s = await startCentralSim()
    try {
      const d = device(s, CENTRE, '01')
      await problemOf(await call(s, 'GET', '/v1/nothing-here', { token: d.token }), 404)
      await problemOf(await call(s, 'DELETE', '/v1/catalogue', { token: d.token }), 405)
    } finally {
      await s.close()
    }
  })
})
