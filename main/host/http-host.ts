import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { ApiFailure, ErrorCode } from '../../common/errors'
import type { Core } from '../core/create-core'
import type { PushListener } from '../core/event-hub'
import type { Logger } from '../infra/logger'
import { BrowserSessions } from './browser-sessions'
import { isLoopback } from './loopback'
import { SECURITY_HEADERS } from './security-headers'

export interface HostOptions {
  core: Core
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string
  host: string
  port: number
  /** Must be true to listen on anything but loopback: the API carries personal data. */
  allowRemote: boolean
  logger: Logger
  /** The clock session expiry reads; the core's clock (tests pass a manual one). */
  now?: () => number
}

export interface RunningHost {
  url: string
  port: number
  /** How many browser sessions the host holds (bounded: see browser-sessions.ts). */
  sessionCount(): number
  close(): Promise<void>
}

const COOKIE = 'tms_session'
/** The first event of every stream, naming it (renderer/src/api/client.ts); not a contract push event. */
export const CONNECTION_EVENT = 'tms.connection'
const DESK_PATH = '/api/events/desk'
const MAX_BODY = 256 * 1024

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_METHOD: 404,
  UNAUTHENTICATED: 401,
  NO_SESSION: 401,
  FORBIDDEN: 403,
  BAD_ORIGIN: 403,
  SESSION_LOCKED: 423,
  WRONG_PIN: 401,
  ACCOUNT_LOCKED: 423,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SETUP_REQUIRED: 409,
  ALREADY_SET_UP: 409,
  DISK_FULL: 507,
  STORAGE_ERROR: 503,
  INTERNAL: 500,
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
}

export class RemoteBindingRefused extends Error {
  constructor(host: string) {
    super(
      `Refusing to listen on ${host}: the browser host serves personal data and binds to loopback only. ` +
        'Pass --allow-remote (or TMS_ALLOW_REMOTE=1) if this machine is protected by other means.',
    )
    this.name = 'RemoteBindingRefused'
  }
}

/**
 * The browser host: the built renderer plus the API contract over HTTP (`POST /api/<method>`, pushes over
 * Server-Sent Events at `GET /api/events`, `POST /api/events/desk` for a tab to claim the scanner). Same dispatcher
 * as the Electron transport; this file only carries bytes and guards the door: loopback binding, Host and Origin
 * checks, an HttpOnly SameSite=Strict session cookie, CSP.
 */
export async function startHttpHost(opts: HostOptions): Promise<RunningHost> {
  if (!opts.allowRemote && !isLoopback(opts.host)) throw new RemoteBindingRefused(opts.host)
  // A dropped cookie's signed-in session ends with it, as a closed Electron window's does.
  const sessions = new BrowserSessions(opts.now ?? Date.now, (id) => opts.core.disconnect(id))
  const rendererRoot = path.resolve(opts.rendererDir)
  let port = opts.port

  const allowedHosts = (): Set<string> =>
    new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${opts.host}:${port}`])

  const sendJson = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    extra: Record<string, string> = {},
  ): void => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...extra,
    })
    res.end(text)
  }
  const sendError = (
    res: http.ServerResponse,
    code: ErrorCode,
    message: string,
    extra?: Record<string, string>,
  ): void => {
    const error: ApiFailure = { code, message }
    sendJson(res, STATUS_BY_CODE[code], { ok: false, error }, extra)
  }

  const sessionOf = (req: http.IncomingMessage): string | null => {
    const cookies = req.headers.cookie ?? ''
    for (const part of cookies.split(';')) {
      const [name, value] = part.trim().split('=')
      if (name === COOKIE && value && sessions.use(value)) return value
    }
    return null
  }

  /** Reads a JSON body up to MAX_BODY. Past the limit it keeps draining (so the 400 reaches the client) but stores nothing. */
  const readBody = (req: http.IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) {
        req.resume()
        reject(new Error('too large'))
        return
      }
      let size = 0
      let tooLarge = false
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => {
        size += c.length
        if (size > MAX_BODY) tooLarge = true
        if (!tooLarge) chunks.push(c)
      })
      req.on('end', () =>
        tooLarge ? reject(new Error('too large')) : resolve(Buffer.concat(chunks).toString('utf8')),
      )
      req.on('error', reject)
    })

  const decodePath = (pathname: string): string | null => {
    try {
      return decodeURIComponent(pathname)
    } catch {
      return null
    }
  }

  const serveStatic = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void => {
    const decoded = decodePath(pathname)
    if (decoded === null) {
      res.writeHead(400, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' })
      res.end('Bad path')
      return
    }
    const wanted = path.resolve(rendererRoot, '.' + decoded)
    const inside = wanted.startsWith(rendererRoot + path.sep)
    const isFile = inside && fs.existsSync(wanted) && fs.statSync(wanted).isFile()
    if (isFile && path.basename(wanted) !== 'index.html') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': MIME[path.extname(wanted)] ?? 'application/octet-stream',
        'Cache-Control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      fs.createReadStream(wanted).pipe(res)
      return
    }
    if (path.extname(pathname) !== '' && !isFile) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' })
      res.end('Not found')
      return
    }
    // Any other path is the single-page app; this is where a browser gets its session cookie.
    const index = path.join(rendererRoot, 'index.html')
    if (!fs.existsSync(index)) {
      res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' })
      res.end('The UI is not built. Run `npm run build` (or `npm run serve`, which builds first).')
      return
    }
    let sid = sessionOf(req)
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'Content-Type': MIME['.html'] ?? 'text/html',
      'Cache-Control': 'no-store',
    }
    if (!sid) {
      sid = sessions.issue()
      headers['Set-Cookie'] = `${COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`
    }
    res.writeHead(200, headers)
    fs.createReadStream(index).pipe(res)
  }

  // Each event stream is one connection (one tab); tabs of one browser share the session cookie. A stream is told
  // its id first, so its tab can claim the scanner's desk for itself (core/event-hub.ts) and not for its siblings.
  const streams = new Map<string, { sid: string; listener: PushListener }>()

  const serveEvents = (req: http.IncomingMessage, res: http.ServerResponse, sid: string): void => {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    res.write(': connected\n\n')
    const connection = randomUUID()
    res.write(`event: ${CONNECTION_EVENT}\ndata: ${JSON.stringify({ connection })}\n\n`)
    const listener: PushListener = (event, data) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    }
    const unsubscribe = opts.core.hub.subscribe(sid, listener)
    streams.set(connection, { sid, listener })
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000)
    req.on('close', () => {
      clearInterval(keepAlive)
      streams.delete(connection)
      unsubscribe()
    })
  }

  /** `POST /api/events/desk {connection, claimed}`: a tab's scan page takes or gives up the scanner's desk. */
  const claimDesk = (res: http.ServerResponse, sid: string, input: unknown): void => {
    const { connection, claimed } = (input ?? {}) as Record<string, unknown>
    if (typeof connection !== 'string' || typeof claimed !== 'boolean') {
      sendError(res, 'INVALID_INPUT', 'Send {connection, claimed}.')
      return
    }
    // Only a stream of this browser session: one session cannot take the desk for another's stream.
    const stream = streams.get(connection)
    if (!stream || stream.sid !== sid) {
      sendError(res, 'NOT_FOUND', 'That event stream is closed: reload the page.')
      return
    }
    if (claimed) opts.core.hub.claimDesk(stream.listener)
    else opts.core.hub.releaseDesk(stream.listener)
    sendJson(res, 200, { ok: true, value: null })
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    // Refused before its body was read: the body is drained, so the answer reaches the client instead of a reset
    // of a connection it is still writing to.
    const refuse = (code: ErrorCode, message: string, extra?: Record<string, string>): void => {
      req.resume()
      sendError(res, code, message, extra)
    }
    // DNS rebinding defence: a page on another name that resolves to 127.0.0.1 still sends its own Host.
    // With --allow-remote the machine is reached by names we cannot list; the Origin check still applies.
    if (!opts.allowRemote && !allowedHosts().has(req.headers.host ?? '')) {
      refuse('BAD_ORIGIN', 'Unknown Host header.')
      return
    }
    // The request target is appended to a fixed origin rather than resolved against one: `//x` is then the path
    // `//x`, not a URL with host "x" (and not a throw, which would be a 500).
    let url: URL
    try {
      url = new URL(`http://host.invalid${req.url?.startsWith('/') ? req.url : '/'}`)
    } catch {
      refuse('INVALID_INPUT', 'Malformed request path.')
      return
    }
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        refuse('UNKNOWN_METHOD', 'Only GET is served outside /api/.', { Allow: 'GET, HEAD' })
        return
      }
      serveStatic(req, res, url.pathname)
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${req.headers.host}`) {
      refuse('BAD_ORIGIN', `Requests from ${origin} are not accepted.`)
      return
    }
    const sid = sessionOf(req)
    if (!sid) {
      refuse('NO_SESSION', 'No browser session: reload the page.')
      return
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      serveEvents(req, res, sid)
      return
    }
    if (req.method !== 'POST') {
      refuse('UNKNOWN_METHOD', 'API methods are called with POST.', { Allow: 'POST' })
      return
    }
    // Browsers always send Origin on a POST; its absence means a non-browser client or a stripped request.
    if (origin === undefined) {
      refuse('BAD_ORIGIN', 'Missing Origin header.')
      return
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      refuse('INVALID_INPUT', 'Send the input as application/json.')
      return
    }
    let input: unknown
    try {
      const body = await readBody(req)
      input = body.trim() === '' ? {} : (JSON.parse(body) as unknown)
    } catch (err) {
      const tooLarge = err instanceof Error && err.message === 'too large'
      if (tooLarge) sendError(res, 'INVALID_INPUT', 'Request body is too large.', { Connection: 'close' })
      else sendError(res, 'INVALID_INPUT', 'Request body is not valid JSON.')
      return
    }
    if (url.pathname === DESK_PATH) {
      claimDesk(res, sid, input)
      return
    }
    const method = decodePath(url.pathname.slice('/api/'.length))
    if (method === null) {
      sendError(res, 'UNKNOWN_METHOD', 'Malformed method name.')
      return
    }
    const result = await opts.core.dispatch(sid, method, input)
    sendJson(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.logger.error('host request failed', { error: err instanceof Error ? err.stack : String(err) })
      if (!res.headersSent) sendError(res, 'INTERNAL', 'Internal error.')
      else res.end()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host, () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host
  return {
    url: `http://${shownHost}:${port}`,
    port,
    sessionCount: () => sessions.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
