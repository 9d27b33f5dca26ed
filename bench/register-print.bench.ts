import { afterAll, beforeAll, expect, it } from 'vitest'
import { setUpCentre, testCore } from '../test/helpers/core'
import { startPrinterPeer, type PrinterPeer } from '../test/helpers/printer-peer'
import { percentile, report } from './report'

/**
 * Register → receipt bytes fully received by a TCP receipt printer on 127.0.0.1 (BRIEF quality bar: p99 under
 * 100 ms). One registration at a time, as at a counter. The dispatch resolves only once the printer has taken the
 * whole job and closed the connection (the TCP printer waits for that), so dispatch time is the figure; the peer's
 * job count is checked against it.
 */
const RUNS = 1000
const WARM_UP = 20

let t: ReturnType<typeof testCore>
let peer: PrinterPeer

beforeAll(async () => {
  t = testCore()
  await setUpCentre(t.core, 'bench')
  peer = await startPrinterPeer()
  const r = await t.core.dispatch('bench', 'printer.configure', {
    connection: { kind: 'tcp', host: '127.0.0.1', port: peer.port },
    paperColumns: 48,
    connectTimeoutMs: 500,
    writeTimeoutMs: 1000,
    statusTimeoutMs: 300,
  })
  if (!r.ok) throw new Error(`printer.configure failed: ${r.error.message}`)
})

afterAll(async () => {
  await peer.close()
  t.close()
})

it('register to printer', async () => {
  const register = async (): Promise<number> => {
    const start = performance.now()
    const r = await t.core.dispatch('bench', 'application.register', {
      serviceCode: 'ID_NEW',
      customerName: 'Wanjiku Kamau',
      phone: '0712345678',
      language: 'sw',
      smsConsent: true,
    })
    const elapsed = performance.now() - start
    if (!r.ok) throw new Error(`register failed: ${r.error.message}`)
    const { printJob } = r.value as { printJob: { status: string; error: string | null } }
    if (printJob.status !== 'printed') throw new Error(`print ${printJob.status}: ${printJob.error ?? ''}`)
    return elapsed
  }

  for (let i = 0; i < WARM_UP; i++) await register()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const jobsBefore = peer.jobs.length
    times.push(await register())
    // The whole job was already at the printer when the dispatch resolved.
    if (peer.jobs.length !== jobsBefore + 1) throw new Error(`registration ${i}: the printer has no job yet`)
  }
  expect(peer.jobs).toHaveLength(WARM_UP + RUNS)

  report('counter.register-to-printer p50', percentile(times, 50), 'ms', 'informational')
  report('counter.register-to-printer p99', percentile(times, 99), 'ms', '< 100 ms')
})
