import { createHash } from 'node:crypto'
import http from 'node:http'
import type net from 'node:net'
import { isEventType, type EventType } from '../../../common/event-catalogue'
import type { Context } from 'openapi-backend'
import { catalogueSchema } from '../../../common/catalogue'
import { smsSegments } from '../../../common/sms'
import { directoryChangeProblem, directoryWins } from '../../../common/directory'
import { DEFAULT_CENTRAL_CATALOGUE } from './defaults'
import { createCentralApi, makeAjv } from './openapi'
import { problem, validationProblem, type AjvErrorLike, type SimResponse } from './problems'
import { seededRandom } from '../../../scripts/demo-seed/prng'
import { openSimStore, type DirectoryChangeIn, type DirectoryRow, type TokenInfo } from './store'
import type {
  ApplicationStatus,
  ApplicationView,
  CatalogueData,
  CentralEvent,
  CentralSim,
  CentralSimOptions,
  EnrolRequest,
  Enrolment,
  EventResult,
  Faults,
  SimStats,
  SmsOutcome,
} from './types'

export type * from './types'
export { CENTRAL_API_DOC, loadCentralApiDocument } from './openapi'

/**
 * A faithful stand-in for the central tracking API (docs/central-api.yaml) on 127.0.0.1, for tests and demos.
 *
 * A real node:http server; openapi-backend, loaded from the YAML document, routes every request and validates its
 * body, path, query and headers (a failing request is a 400 problem naming the field), and every answer is checked
 * against the document's response schema too (a mismatch is a simulator bug and answers 500). State lives in its
 * own SQLite store, so a file-backed simulator survives restarts.
 *
 * Fault knobs (setFaults) apply to every request in this order: latency, then a drop (the connection destroyed
 * before anything is handled), then 429, then 500/503 (both answered without handling the request), then a stall
 * (held stallMs, longer than a client waits, then handled), then the request is handled, then a reset may drop the
 * answer (the work stays done, as when a connection dies after the server committed), else the answer is sent,
 * slowly with slowBodyMs.
 */

const NO_FAULTS: Faults = {
  errorRate: 0,
  latencyMs: 0,
  resetRate: 0,
  rate429: 0,
  retryAfterSeconds: 1,
  rejectTypes: [],
  slowBodyMs: 0,
  dropRate: 0,
  stallRate: 0,
  stallMs: 0,
}

const MAX_BODY_BYTES = 8 * 1024 * 1024
// Type names from the event catalogue (common/event-catalogue.ts): a renamed type fails to compile here.
const NOTIFICATION_TYPES: ReadonlySet<string> = new Set<EventType>([
  'notification.ready',
  'notification.reminder',
])
const STATUS_BY_TYPE: Partial<Record<EventType, ApplicationStatus>> = {
  'application.registered': 'registered',
  'application.arrived': 'arrived',
  'application.collected': 'collected',
  'application.returned': 'returned',
  'application.cancelled': 'cancelled',
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Opaque cursors: base64url of '<feed>:<seq>', so a cursor of one feed is refused by the other. */
const encodeCursor = (feed: string, seq: number): string =>
  Buffer.from(`${feed}:${seq}`).toString('base64url')
function decodeCursor(feed: string, cursor: string | undefined): number | null {
  if (cursor === undefined) return 0
  const m = /^([a-z]+):(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  return m && m[1] === feed ? Number(m[2]) : null
}

const toDirectoryChange = (r: DirectoryRow) => ({
  id: r.id,
  kind: r.kind,
  key: r.key,
  field: r.field,
  value: JSON.parse(r.value) as unknown,
  at: r.at,
  by: r.by,
  deviceId: r.device_id,
})

function smsOutcomeFor(phone: string): SmsOutcome {
  if (phone.endsWith('000')) return 'invalid-number'
  if (phone.endsWith('999')) return 'failed'
  return 'delivered'
}

interface PreparedCatalogue {
  etag: string
  body: { version: string; services: unknown[]; holidays: CatalogueData['holidays'] }
}

function prepareCatalogue(c: CatalogueData): PreparedCatalogue {
  const body = { version: c.version, services: catalogueSchema.parse(c.services), holidays: c.holidays }
  const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`
  return { etag, body }
}

/** Whether an If-None-Match header value matches `etag` (weak comparison, lists and '*'). */
function etagMatches(header: unknown, etag: string): boolean {
  if (typeof header !== 'string') return false
  const bare = (t: string) => t.trim().replace(/^W\//, '')
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag))
}

/** Extra arguments handed to every openapi-backend handler for one request. */
interface RequestExtras {
  bodyNotJson: boolean
}

export async function startCentralSim(opts: CentralSimOptions = {}): Promise<CentralSim> {
  const now = opts.now ?? Date.now
  const store = openSimStore(opts.dbFile ?? ':memory:')
  const codes = opts.enrolmentCodes ?? {}
  const random = seededRandom(opts.seed ?? 1)
  const deliveryDelayMs = opts.deliveryDelayMs ?? 0
  let faults: Faults = { ...NO_FAULTS, ...opts.faults }
  let catalogue = prepareCatalogue(opts.catalogue ?? DEFAULT_CENTRAL_CATALOGUE)
  const stats: SimStats = { requests: 0, accepted: 0, duplicates: 0, rejected: 0, byStatus: {} }
  // Times each event id reached POST /v1/events: the store keeps one copy, so only this shows a second send.
  const sends = new Map<string, number>()
  let deliveryTimer: NodeJS.Timeout | null = null

  const json = (status: number, body: unknown, headers: Record<string, string> = {}): SimResponse => ({
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
    body,
  })
  const auth = (c: Context): TokenInfo => c.security.bearerAuth as TokenInfo
  const badCursor = (): SimResponse =>
    problem(
      400,
      'invalid-request',
      'The request does not match the API document',
      'query parameter after is not a cursor of this feed',
      {
        errors: [
          { field: 'query parameter after', message: 'query parameter after is not a cursor of this feed' },
        ],
      },
    )

  const otherCentre = (me: TokenInfo, centre: string): SimResponse =>
    problem(
      403,
      'other-centre',
      'Another centre',
      `This device belongs to centre ${me.centreNumber}, not ${centre}.`,
    )

  const scheduleDelivery = (): void => {
    if (deliveryTimer) clearTimeout(deliveryTimer)
    deliveryTimer = null
    const due = store.nextSmsDue()
    if (due === null) return
    deliveryTimer = setTimeout(
      () => {
        deliveryTimer = null
        const t = now()
        store.deliverDue(t, t)
        scheduleDelivery()
      },
      Math.max(0, due - now()),
    )
    deliveryTimer.unref()
  }

  const api = await createCentralApi({
    securityHandlers: {
      bearerAuth: (c) => {
        const header = c.request.headers.authorization
        const m = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
        return (m?.[1] && store.tokenInfo(m[1])) || false
      },
    },
    handlers: {
      enrol: (c): SimResponse => {
        const req = c.request.requestBody as EnrolRequest
        const { centreNumber: centre, enrolmentCode: code, deviceId, workstationSlot: slot } = req
        if (!(codes[centre] ?? []).includes(code)) {
          return problem(
            403,
            'enrolment-refused',
            'Enrolment refused',
            `The enrolment code is not valid for centre ${centre}.`,
          )
        }
        const t = now()
        return store.tx(() => {
          const used = store.codeUse(centre, code)
          const retry = used !== null && used.device_id === deviceId && used.slot === slot
          if (used !== null && !retry) {
            return problem(
              403,
              'enrolment-refused',
              'Enrolment refused',
              'The enrolment code has already been used.',
            )
          }
          const holder = store.deviceInSlot(centre, slot)
          if (holder !== null && holder !== deviceId) {
            return problem(
              409,
              'slot-taken',
              'Workstation slot taken',
              `Slot ${slot} of centre ${centre} is enrolled by another device.`,
            )
          }
          if (retry && !store.hasLiveToken(deviceId, centre, slot)) {
            return problem(
              403,
              'enrolment-refused',
              'Enrolment refused',
              'The enrolment code has already been used.',
            )
          }
          if (!used) store.useCode(centre, code, deviceId, slot, t)
          const token = store.enrolDevice(centre, deviceId, slot, t)
          const body: Enrolment = {
            deviceId,
            centreNumber: centre,
            workstationSlot: slot,
            token,
            centreName: opts.centreNames?.[centre] ?? `Huduma Centre ${centre}`,
          }
          return json(201, body)
        })
      },

      postEvents: (c): SimResponse => {
        const me = auth(c)
        const { events } = c.request.requestBody as { events: CentralEvent[] }
        const t = now()
        let smsAdded = false
        const results = store.tx(() =>
          events.map((e): EventResult => {
            sends.set(e.id, (sends.get(e.id) ?? 0) + 1)
            const reject = (reason: string): EventResult => {
              stats.rejected++
              return { id: e.id, outcome: 'rejected', reason }
            }
            if (store.eventExists(e.id)) {
              stats.duplicates++
              return { id: e.id, outcome: 'duplicate' }
            }
            if (e.centreNumber !== me.centreNumber)
              return reject('centreNumber is not the centre of the bearer token')
            // Another PC of the same centre may relay a transfer file; the event keeps its own device.
            if (e.deviceId !== me.deviceId && store.deviceCentre(e.deviceId) !== me.centreNumber)
              return reject('deviceId is not a device enrolled at this centre')
            if (faults.rejectTypes.includes(e.type))
              return reject('event type not accepted by the test fault')
            let sms: { phone: string; trackingNumbers: string[] } | null = null
            if (NOTIFICATION_TYPES.has(e.type)) {
              if (!validateNotificationPayload(e.payload)) {
                const err = validateNotificationPayload.errors?.[0]
                return reject(
                  `payload${err?.instancePath.replace(/\//g, '.') ?? ''} ${err?.message ?? 'is not valid'}`,
                )
              }
              const p = e.payload as { phone: string; text: string; trackingNumbers?: string[] }
              const seg = smsSegments(p.text)
              if (seg.segments > 1) return reject('message longer than one SMS segment')
              if (seg.encoding !== 'GSM-7') return reject('message has characters outside the GSM-7 alphabet')
              sms = {
                phone: p.phone,
                trackingNumbers: p.trackingNumbers ?? (e.trackingNumber ? [e.trackingNumber] : []),
              }
            }
            if (!store.insertEvent(e, t)) {
              stats.duplicates++
              return { id: e.id, outcome: 'duplicate' }
            }
            if (sms) {
              store.addSms(
                e.id,
                e.centreNumber,
                sms.trackingNumbers,
                sms.phone,
                smsOutcomeFor(sms.phone),
                t + deliveryDelayMs,
              )
              smsAdded = true
            }
            stats.accepted++
            return { id: e.id, outcome: 'accepted' }
          }),
        )
        if (smsAdded) {
          if (deliveryDelayMs <= 0) store.deliverDue(t, t)
          else scheduleDelivery()
        }
        return json(200, { results })
      },

      getCentreEvents: (c): SimResponse => {
        const me = auth(c)
        const { centre } = c.request.params as { centre: string }
        if (centre !== me.centreNumber) {
          return problem(
            403,
            'other-centre',
            'Another centre',
            `This device belongs to centre ${me.centreNumber}, not ${centre}.`,
          )
        }
        const q = c.request.query as { after?: string; limit?: string }
        const after = decodeCursor('ev', q.after)
        if (after === null) return badCursor()
        const events = store.feed(centre, after, Number(q.limit ?? 500))
        const last = events.at(-1)?.seq ?? after
        return json(200, {
          events,
          nextCursor: encodeCursor('ev', last),
          remaining: store.remainingAfter(centre, last),
        })
      },

      postDirectory: (c): SimResponse => {
        const me = auth(c)
        const { centre } = c.request.params as { centre: string }
        if (centre !== me.centreNumber) return otherCentre(me, centre)
        const { changes } = c.request.requestBody as { changes: DirectoryChangeIn[] }
        const t = now()
        const results = store.tx(() =>
          changes.map((ch) => {
            const reject = (reason: string) => {
              store.rejectDirectory({ id: ch.id, centre, kind: ch.kind, field: ch.field, reason, at: t })
              return { id: ch.id, outcome: 'rejected' as const, reason }
            }
            if (ch.deviceId !== me.deviceId && store.deviceCentre(ch.deviceId) !== me.centreNumber)
              return reject('deviceId is not a device enrolled at this centre')
            const problem = directoryChangeProblem(ch)
            if (problem) return reject(problem)
            const held = store.directoryField(centre, ch.kind, ch.key, ch.field)
            if (held?.id === ch.id) return { id: ch.id, outcome: 'duplicate' as const }
            if (held && !directoryWins(ch, held))
              return {
                id: ch.id,
                outcome: 'superseded' as const,
                winner: { id: held.id, at: held.at, by: held.by, deviceId: held.device_id },
              }
            store.putDirectory(centre, ch)
            return { id: ch.id, outcome: 'applied' as const }
          }),
        )
        return json(200, { results })
      },

      getDirectory: (c): SimResponse => {
        const me = auth(c)
        const { centre } = c.request.params as { centre: string }
        if (centre !== me.centreNumber) return otherCentre(me, centre)
        const q = c.request.query as { after?: string; limit?: string }
        const after = decodeCursor('dir', q.after)
        if (after === null) return badCursor()
        const rows = store.directoryFeed(centre, after, Number(q.limit ?? 500))
        return json(200, {
          changes: rows.map(toDirectoryChange),
          nextCursor: encodeCursor('dir', rows.at(-1)?.seq ?? after),
        })
      },

      getCatalogue: (c): SimResponse => {
        const { etag, body } = catalogue
        if (etagMatches(c.request.headers['if-none-match'], etag))
          return { status: 304, headers: { ETag: etag } }
        return json(200, body, { ETag: etag, 'Cache-Control': 'no-cache' })
      },

      getApplication: (c): SimResponse => {
        const { trackingNumber } = c.request.params as { trackingNumber: string }
        const events = store.eventsForTracking(trackingNumber)
        const registered = events.find((e) => e.type === 'application.registered')
        if (!registered) {
          return problem(
            404,
            'not-found',
            'No such application',
            `No application with tracking number ${trackingNumber}.`,
          )
        }
        let status: ApplicationStatus = 'registered'
        for (const e of events) status = (isEventType(e.type) ? STATUS_BY_TYPE[e.type] : undefined) ?? status
        const serviceCode = registered.payload.serviceCode
        const view: ApplicationView = {
          trackingNumber,
          centreNumber: registered.centreNumber,
          status,
          serviceCode: typeof serviceCode === 'string' ? serviceCode : '',
          events: events.map((e) => ({ type: e.type, occurredAt: e.occurredAt })),
        }
        return json(200, view)
      },

      getNotifications: (c): SimResponse => {
        const me = auth(c)
        const t = now()
        store.deliverDue(t, t)
        const q = c.request.query as { after?: string; limit?: string }
        const after = decodeCursor('sms', q.after)
        if (after === null) return badCursor()
        const page = store.outcomes(me.centreNumber, after, Number(q.limit ?? 500))
        const last = page.at(-1)?.seq ?? after
        return json(200, {
          outcomes: page.map(({ seq: _seq, ...o }) => o),
          nextCursor: encodeCursor('sms', last),
        })
      },

      validationFail: (c, extras: RequestExtras): SimResponse =>
        validationProblem((c.validation.errors ?? []) as AjvErrorLike[], extras.bodyNotJson),
      unauthorizedHandler: (): SimResponse =>
        problem(
          401,
          'unauthorized',
          'Not authorised',
          'A valid bearer token is required (Authorization: Bearer <token>).',
          {
            headers: { 'WWW-Authenticate': 'Bearer' },
          },
        ),
      notFound: (c): SimResponse =>
        problem(
          404,
          'not-found',
          'No such path',
          `${c.request.method.toUpperCase()} ${c.request.path} is not in the API.`,
        ),
      methodNotAllowed: (c): SimResponse =>
        problem(
          405,
          'method-not-allowed',
          'Method not allowed',
          `${c.request.method.toUpperCase()} is not allowed on ${c.request.path}.`,
        ),
      notImplemented: (c): SimResponse =>
        problem(
          501,
          'not-implemented',
          'Not implemented',
          `${c.operation.operationId ?? 'This operation'} is not implemented.`,
        ),
      postResponseHandler: (c): SimResponse => {
        const res = c.response as SimResponse
        // Self-check: a JSON answer that breaks the document's response schema is a simulator bug.
        if (c.operation?.operationId && res.body !== undefined && res.status < 300) {
          const check = c.api.validateResponse(res.body, c.operation, res.status)
          if (!check.valid) {
            return problem(
              500,
              'server-error',
              'Simulator bug',
              `Response does not match the API document: ${JSON.stringify(check.errors)}`,
            )
          }
        }
        return res
      },
    },
  })

  const notificationSchema = (api.definition.components?.schemas as Record<string, object> | undefined)
    ?.NotificationPayload
  if (!notificationSchema)
    throw new Error('central sim: NotificationPayload is missing from the API document')
  const validateNotificationPayload = makeAjv().compile(notificationSchema)

  const answer = async (req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> => {
    const f = faults
    if (f.latencyMs > 0) await sleep(f.latencyMs)
    if (f.dropRate > 0 && random() < f.dropRate) {
      req.socket.resetAndDestroy()
      return
    }
    let out: SimResponse
    if (f.rate429 > 0 && random() < f.rate429) {
      out = problem(
        429,
        'rate-limited',
        'Too many requests',
        `Slow down: retry after ${f.retryAfterSeconds} s.`,
        {
          headers: { 'Retry-After': String(f.retryAfterSeconds) },
        },
      )
    } else if (f.errorRate > 0 && random() < f.errorRate) {
      out =
        random() < 0.5
          ? problem(500, 'server-error', 'Internal server error', 'Injected fault: the server failed.')
          : problem(503, 'unavailable', 'Service unavailable', 'Injected fault: retry after 1 s.', {
              headers: { 'Retry-After': '1' },
            })
    } else {
      if (f.stallRate > 0 && random() < f.stallRate) await sleep(f.stallMs)
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      let body: unknown
      let bodyNotJson = false
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'))
        } catch {
          bodyNotJson = true
        }
      }
      const extras: RequestExtras = { bodyNotJson }
      try {
        out = (await api.handleRequest(
          {
            method: req.method ?? 'GET',
            path: url.pathname,
            query: url.search.replace(/^\?/, ''),
            headers: req.headers as Record<string, string | string[]>,
            body,
          },
          extras,
        )) as SimResponse
      } catch (err) {
        out = problem(500, 'server-error', 'Internal server error', `Simulator error: ${String(err)}`)
      }
      if (f.resetRate > 0 && random() < f.resetRate) {
        req.socket.resetAndDestroy()
        return
      }
    }
    await send(res, out, f.slowBodyMs)
  }

  const send = async (res: http.ServerResponse, out: SimResponse, slowBodyMs: number): Promise<void> => {
    stats.byStatus[out.status] = (stats.byStatus[out.status] ?? 0) + 1
    const payload = out.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(out.body), 'utf8')
    res.writeHead(out.status, {
      ...out.headers,
      ...(out.status === 304 ? {} : { 'Content-Length': payload.length }),
    })
    if (slowBodyMs <= 0 || payload.length === 0) {
      res.end(payload)
      return
    }
    const pieces = Math.min(10, payload.length)
    const size = Math.ceil(payload.length / pieces)
    res.flushHeaders()
    for (let i = 0; i < payload.length; i += size) {
      if (res.destroyed) return
      await sleep(slowBodyMs / pieces)
      res.write(payload.subarray(i, i + size))
    }
    res.end()
  }

  const sockets = new Set<net.Socket>()
  const server = http.createServer((req, res) => {
    stats.requests++
    const parts: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else parts.push(chunk)
    })
    req.on('end', () => {
      const done = tooLarge
        ? send(
            res,
            problem(413, 'too-large', 'Request too large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`),
            0,
          )
        : answer(req, res, Buffer.concat(parts))
      done.catch(() => res.destroy())
    })
    req.on('error', () => res.destroy())
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('central sim: no TCP address')
  const port = address.port
  scheduleDelivery() // outcomes still pending in a file-backed store from an earlier run

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setFaults: (f) => {
      faults = { ...faults, ...f }
    },
    revokeToken: (deviceId) => store.revokeDevice(deviceId),
    issueToken: (centreNumber, deviceId, slot) =>
      store.tx(() => store.enrolDevice(centreNumber, deviceId, slot, now(), true)),
    stats: () => ({ ...stats, byStatus: { ...stats.byStatus } }),
    eventCount: (centre) => store.eventCount(centre),
    eventIds: () => store.eventIds(),
    directory: (centre) => store.directoryAll(centre).map(toDirectoryChange),
    directoryRejections: () => store.directoryRejections(),
    eventSends: () => new Map(sends),
    deliver: () => {
      const n = store.deliverDue(Infinity, now())
      scheduleDelivery()
      return n
    },
    setCatalogue: (c) => {
      catalogue = prepareCatalogue(c)
    },
    close: async () => {
      if (deliveryTimer) clearTimeout(deliveryTimer)
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      store.close()
    },
  }
}
