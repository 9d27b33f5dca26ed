import crypto from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createPrinter } from '../../main/devices/printer/create-printer'
import { PrintError, type PrintErrorReason } from '../../main/devices/printer/printer'
import { parsePrinterConfig } from '../../common/printer-config'
import { TcpPrinter, type TcpPrinterOptions } from '../../main/devices/printer/tcp-printer'
import { silentLogger } from '../../main/infra/logger'
import { startPrinterPeer, type PrinterPeer } from '../helpers/printer-peer'

/** Random job bytes with no DLE (0x10), so no accidental DLE EOT inside the job. */
function job(size: number): Buffer {
  const b = crypto.randomBytes(size)
  for (let i = 0; i < b.length; i++) if (b[i] === 0x10) b[i] = 0x11
  return b
}

function printer(peer: PrinterPeer, over: Partial<TcpPrinterOptions> = {}): TcpPrinter {
  return new TcpPrinter(
    {
      host: peer.host,
      port: peer.port,
      connectTimeoutMs: 300,
      writeTimeoutMs: 300,
      statusTimeoutMs: 300,
      queryStatus: true,
      ...over,
    },
    { logger: silentLogger },
  )
}

async function failure(p: Promise<unknown>): Promise<PrintError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(PrintError)
  return err as PrintError
}

async function expectReason(p: Promise<unknown>, reason: PrintErrorReason): Promise<PrintError> {
  const err = await failure(p)
  expect(err.reason, err.message).toBe(reason)
  return err
}

const tcpHandles = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length

describe('TCP receipt printer against a real socket peer', () => {
  let peer: PrinterPeer
  let baselineSockets = 0

  beforeAll(() => {
    baselineSockets = tcpHandles()
  })

  afterEach(async () => {
    await peer?.close()
  })

  afterAll(async () => {
    // Every socket of every path (ok, refused, timeout, dropped) was destroyed.
    await new Promise((r) => setTimeout(r, 20))
    expect(tcpHandles()).toBe(baselineSockets)
  })

  it('delivers several jobs intact, with and without status queries', async () => {
    peer = await startPrinterPeer()
    const jobs = [
      job(1),
      Buffer.from([0x1b, 0x40, 0x10, 0x41, 0x10, 0x04, 0x00, 0x0a, 0x1d, 0x56, 0x00]), // DLE not a request
      job(4096),
      job(1024 * 1024),
    ]
    const withStatus = printer(peer, { writeTimeoutMs: 5000 })
    const without = printer(peer, { writeTimeoutMs: 5000, queryStatus: false })
    for (const [i, j] of jobs.entries()) await (i % 2 ? without : withStatus).print(j)
    expect(peer.jobs).toHaveLength(jobs.length)
    for (const [i, j] of jobs.entries()) expect(peer.jobs[i]?.equals(j)).toBe(true)
    expect(peer.statusRequests).toEqual([1, 2, 4, 1, 2, 4])
  })

  it('maps status answers through the socket', async () => {
    peer = await startPrinterPeer()
    const p = printer(peer)
    expect(await p.status()).toEqual({ state: 'ready', detail: 'The printer is ready.' })
    peer.setStatus({ cover: true })
    expect((await p.status()).state).toBe('cover-open')
    peer.setStatus({ paperOut: true })
    expect((await p.status()).state).toBe('paper-out')
    peer.setStatus({ paperLow: true })
    expect((await p.status()).state).toBe('paper-low')
    peer.setStatus({ error: true })
    expect((await p.status()).state).toBe('error')
    peer.setStatus({ offline: true })
    expect((await p.status()).state).toBe('offline')
    expect(peer.jobs).toEqual([])
  })

  it('says unknown when the printer does not answer DLE EOT, and still prints', async () => {
    peer = await startPrinterPeer({ answerStatus: false })
    const p = printer(peer, { statusTimeoutMs: 100 })
    expect((await p.status()).state).toBe('unknown')
    const j = job(500)
    await p.print(j)
    expect(peer.jobs[0]?.equals(j)).toBe(true)
  })

  it('with status checks off, status only says the printer is reachable', async () => {
    peer = await startPrinterPeer()
    const s = await printer(peer, { queryStatus: false }).status()
    expect(s.state).toBe('unknown')
    expect(s.detail).toMatch(/answers on the network/)
    expect(peer.statusRequests).toEqual([])
  })

  it('refuses to print when paper is out or the cover is open, and sends nothing', async () => {
    peer = await startPrinterPeer({ status: { paperOut: true } })
    const p = printer(peer)
    const err = await expectReason(p.print(job(200)), 'paper-out')
    expect(err.message).toBe('The printer is out of paper. Load a new roll and print again.')
    peer.setStatus({ cover: true })
    await expectReason(p.print(job(200)), 'cover-open')
    peer.setStatus({ error: true })
    await expectReason(p.print(job(200)), 'offline')
    expect(peer.jobs).toEqual([])
    peer.setStatus({ paperLow: true })
    await p.print(job(10)) // low paper still prints
    expect(peer.jobs).toHaveLength(1)
  })

  it('a refused connection is "refused", and status says offline', async () => {
    peer = await startPrinterPeer()
    const port = await peer.refusedPort()
    const p = printer(peer, { port })
    const err = await expectReason(p.print(job(10)), 'refused')
    expect(err.message).toBe(
      `The printer at 127.0.0.1:${port} refused the connection. Is it switched on and on the network?`,
    )
    const s = await p.status()
    expect(s).toEqual({ state: 'offline', detail: err.message })
  })

  it('a printer that accepts then hangs up before the job is "refused"', async () => {
    peer = await startPrinterPeer({ mode: 'refuse-after-accept' })
    const err = await expectReason(printer(peer).print(job(10)), 'refused')
    expect(err.message).toMatch(/closed the connection before printing/)
    // Without a status query the job may already be on its way: either outcome, never success.
    const err2 = await failure(printer(peer, { queryStatus: false }).print(job(10)))
    expect(['refused', 'dropped']).toContain(err2.reason)
    expect(peer.jobs).toEqual([])
  })

  it('a printer that stops reading gives "timeout", and the promise settles', async () => {
    peer = await startPrinterPeer({ mode: 'hang' })
    // 8 MB: more than the kernel buffers on both sides can absorb.
    const err = await expectReason(
      printer(peer, { queryStatus: false }).print(job(8 * 1024 * 1024)),
      'timeout',
    )
    expect(err.message).toMatch(/stopped taking the receipt for 0.3 s/)
    // With status checks on, the silent status query falls through to the same write timeout.
    await expectReason(printer(peer, { statusTimeoutMs: 100 }).print(job(8 * 1024 * 1024)), 'timeout')
    expect(peer.jobs).toEqual([])
  })

  it('a connection reset mid-job is "dropped"', async () => {
    peer = await startPrinterPeer({ mode: 'drop-mid-job', dropAfterBytes: 100 })
    const err = await expectReason(
      printer(peer, { writeTimeoutMs: 5000 }).print(job(8 * 1024 * 1024)),
      'dropped',
    )
    expect(err.message).toBe(
      'The connection to the printer dropped while printing; the receipt may be incomplete — print a copy.',
    )
    expect(peer.jobs).toEqual([])
  })

  it('says whether paper may have come out: not when refused before the job, yes once job bytes were sent', async () => {
    peer = await startPrinterPeer()
    const refused = await failure(printer(peer, { port: await peer.refusedPort() }).print(job(10)))
    expect(refused.mayHavePrinted).toBe(false)
    peer.setStatus({ offline: true })
    expect((await failure(printer(peer).print(job(10)))).mayHavePrinted).toBe(false)
    peer.setStatus({ cover: true })
    expect((await failure(printer(peer).print(job(10)))).mayHavePrinted).toBe(false)
    peer.setStatus({})
    peer.setMode('refuse-after-accept')
    expect((await failure(printer(peer).print(job(10)))).mayHavePrinted).toBe(false)
    peer.setMode('hang')
    const stalled = await failure(printer(peer, { statusTimeoutMs: 100 }).print(job(2000)))
    expect([stalled.reason, stalled.mayHavePrinted]).toEqual(['timeout', true])
    peer.setMode('drop-mid-job')
    const dropped = await failure(printer(peer, { writeTimeoutMs: 5000 }).print(job(8 * 1024 * 1024)))
    expect([dropped.reason, dropped.mayHavePrinted]).toEqual(['dropped', true])
    expect(peer.jobs).toEqual([])
  })

  it('createPrinter builds a TCP printer from validated settings, and null for none', async () => {
    peer = await startPrinterPeer()
    const parsed = parsePrinterConfig({ connection: { kind: 'tcp', host: '127.0.0.1', port: peer.port } })
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    const p = createPrinter(parsed.config, { logger: silentLogger })
    expect(p?.description).toBe(`Network printer 127.0.0.1:${peer.port}`)
    const j = job(300)
    await p?.print(j)
    expect(peer.jobs[0]?.equals(j)).toBe(true)

    const none = parsePrinterConfig({})
    if (!none.ok) throw new Error(none.problems.join('; '))
    expect(createPrinter(none.config, { logger: silentLogger })).toBeNull()
  })
})
