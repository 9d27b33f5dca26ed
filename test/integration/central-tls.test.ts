/**
 * In transit: the central API is reached over https only (plain http only to this PC, for the simulator), and a
 * certificate the PC cannot trust stops the exchange with a message IT can act on, having sent and stored nothing.
 * A real TLS server on 127.0.0.1 with certificates made in the test.
 */
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract } from '../../common/contract'
import { certificateMessage, createCentralHttp } from '../../main/sync/http-client'
import { startCentralSim, type CentralSim } from '../peers/central-sim'
import { setUpCentre, testCore } from '../helpers/core'
import { selfSignedCertificate, type TestCertificate } from '../helpers/self-signed-cert'

const certificateFault = (why: string) =>
  `The central service's certificate is not valid (${why}): nothing was sent. ` +
  'Ask IT to check the address and the certificate.'

// Fixed dates far either side of any day these tests run on: the TLS check reads the machine's own clock.
const LONG_AGO = new Date('2000-01-01T00:00:00Z')
const EXPIRED_AT = new Date('2001-01-01T00:00:00Z')
const FAR_AHEAD = new Date('2099-12-31T00:00:00Z')

interface TlsServer {
  url: string
  /** Requests that got past the handshake. */
  requests: number
  close(): Promise<void>
}

async function startTlsServer(cert: TestCertificate): Promise<TlsServer> {
  const s: TlsServer = { url: '', requests: 0, close: async () => undefined }
  const server = https.createServer({ cert: cert.cert, key: cert.key }, (_req, res) => {
    s.requests++
    res.writeHead(500).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  s.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  s.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return s
}

const localCert = (notAfter = FAR_AHEAD, names: { ips?: string[]; dns?: string[] } = {}) =>
  selfSignedCertificate({
    commonName: 'localhost',
    ips: names.ips ?? ['127.0.0.1'],
    dns: names.dns ?? ['localhost'],
    notBefore: LONG_AGO,
    notAfter,
  })

describe('which central API addresses enrolment accepts', () => {
  const parse = (apiUrl: string) =>
    contract['sync.enrol'].input.safeParse({ apiUrl, enrolmentCode: 'DEMO-042' })

  it.each([
    'https://tms.huduma.go.ke',
    'https://10.0.0.5:8443/',
    'http://127.0.0.1:4010',
    'http://127.5.6.7',
    'http://localhost:4010',
    'http://[::1]:4010',
  ])('%s is accepted', (url) => {
    expect(parse(url).success).toBe(true)
  })

  it.each([
    'http://10.0.0.5',
    'http://192.168.1.20:8080',
    'http://tms.huduma.go.ke',
    'http://127.0.0.1.example.com',
    'http://localhost.example.com',
    'ftp://127.0.0.1',
    'tms.huduma.go.ke',
  ])('%s is refused', (url) => {
    const r = parse(url)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]).toMatchObject({
      path: ['apiUrl'],
      message: expect.stringMatching(/https:\/\//),
    })
  })
})

describe('enrolment and sync over TLS', () => {
  let t: ReturnType<typeof testCore>
  let admin: string
  let sim: CentralSim
  let tls: TlsServer | null

  beforeEach(async () => {
    sim = await startCentralSim({ enrolmentCodes: { '042': ['DEMO-042'] } })
    t = testCore()
    admin = await setUpCentre(t.core)
    tls = null
  })
  afterEach(async () => {
    t.close()
    await sim.close()
    await tls?.close()
  })

  const syncState = () =>
    t.core.store.db.prepare('SELECT key FROM sync_state ORDER BY key').all() as { key: string }[]
  const enrolAudits = () =>
    t.core.store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.enrolled'").get()

  it('http://10.0.0.5 is refused at enrolment, with the reason, and nothing is stored', async () => {
    const before = syncState()
    const r = await t.core.dispatch(admin, 'sync.enrol', {
      apiUrl: 'http://10.0.0.5',
      enrolmentCode: 'DEMO-042',
    })
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'apiUrl',
        message: expect.stringContaining('The central API address starts with https://'),
      },
    })
    expect(syncState()).toEqual(before)
    expect(enrolAudits()).toEqual({ n: 0 })
  })

  it('http://127.0.0.1 (the simulator on this PC) is accepted and enrols', async () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(
      await t.core.dispatch(admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'DEMO-042' }),
    ).toMatchObject({ ok: true, value: { state: 'online', apiUrl: sim.url } })
  })

  it('a self-signed certificate is refused at enrolment with that message; nothing is sent or stored', async () => {
    tls = await startTlsServer(localCert())
    const before = syncState()
    const r = await t.core.dispatch(admin, 'sync.enrol', { apiUrl: tls.url, enrolmentCode: 'DEMO-042' })
    expect(r).toEqual({
      ok: false,
      error: { code: 'CONFLICT', field: 'apiUrl', message: certificateFault('self-signed') },
    })
    expect(tls.requests).toBe(0)
    expect(syncState()).toEqual(before)
    expect(enrolAudits()).toEqual({ n: 0 })
    expect(await t.core.dispatch(admin, 'sync.status', {})).toMatchObject({
      ok: true,
      value: { state: 'not-configured', apiUrl: null },
    })
  })

  it('a self-signed certificate met while syncing shows that message in the sync status; the events stay queued', async () => {
    expect(
      await t.core.dispatch(admin, 'sync.enrol', { apiUrl: sim.url, enrolmentCode: 'DEMO-042' }),
    ).toMatchObject({ ok: true })
    expect(await t.core.dispatch(admin, 'sync.now', {})).toMatchObject({ ok: true, value: { queueDepth: 0 } })
    tls = await startTlsServer(localCert())
    // The same token, now pointed at a server whose certificate this PC cannot trust (as a wrong address would).
    const endpoint = t.core.store.sync.getState('endpoint') as { baseUrl: string; token: string }
    t.core.store.sync.putStates([['endpoint', { ...endpoint, baseUrl: tls.url }]])
    const created = await t.core.dispatch(admin, 'staff.create', {
      staffNumber: 'CLK100',
      name: 'Brian Otieno',
      role: 'clerk',
      pin: '5937',
    })
    expect(created).toMatchObject({ ok: true })

    const r = await t.core.dispatch(admin, 'sync.now', {})
    expect(r).toMatchObject({
      ok: true,
      value: { state: 'offline', lastError: certificateFault('self-signed') },
    })
    expect(tls.requests).toBe(0)
    expect(r).toMatchObject({ value: { queueDepth: 1 } })
  })
})

describe('each certificate fault in words', () => {
  let tls: TlsServer | null = null
  afterEach(async () => {
    await tls?.close()
    tls = null
  })

  /** The error a request to `cert`'s server fails with, trusting `cert` itself, through the app's HTTP client. */
  async function failureTrusting(cert: TestCertificate): Promise<unknown> {
    tls = await startTlsServer(cert)
    const http = createCentralHttp({
      timeoutMs: 5000,
      maxResponseBytes: 1024,
      agents: { httpsAgent: new https.Agent({ ca: cert.cert }) },
    })
    try {
      await http.get(`${tls.url}/v1/catalogue`)
    } catch (err) {
      return err
    }
    throw new Error('the request did not fail')
  }

  it('an expired certificate', async () => {
    const err = await failureTrusting(localCert(EXPIRED_AT))
    expect(err).toMatchObject({ code: 'CERT_HAS_EXPIRED' })
    expect(certificateMessage(err)).toBe(certificateFault('expired'))
    expect(tls?.requests).toBe(0)
  })

  it('a certificate for another address', async () => {
    const err = await failureTrusting(localCert(FAR_AHEAD, { ips: ['10.9.9.9'], dns: ['tms.example.go.ke'] }))
    expect(err).toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' })
    expect(certificateMessage(err)).toBe(certificateFault('issued for another address'))
  })

  it('a trusted, valid certificate gets through, and other failures are not called certificate faults', async () => {
    const cert = localCert()
    tls = await startTlsServer(cert)
    const http = createCentralHttp({
      timeoutMs: 5000,
      maxResponseBytes: 1024,
      agents: { httpsAgent: new https.Agent({ ca: cert.cert }) },
    })
    expect((await http.get(`${tls.url}/v1/catalogue`)).status).toBe(500)
    expect(tls.requests).toBe(1)
    expect(certificateMessage(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBeNull()
    expect(certificateMessage(new Error('no code'))).toBeNull()
  })
})
