import { afterAll, beforeAll, expect, it } from 'vitest'
import { setUpCentre, testCore } from '../test/helpers/core'
import { printOutcome } from '../test/helpers/print-jobs'
import { startPrinterPeer, type PrinterPeer } from '../test/helpers/printer-peer'
import { percentile, report } from './report'

/**
 * Register → receipt bytes fully received by a TCP receipt printer on 127.0.0.1 (BRIEF quality bar: p99 under
 * 100 ms). One registration at a time, as at a counter. The dispatch answers once the application is saved and its
 * job queued; the job's `print.job` push comes once the printer has taken the whole job and closed the connection
 * (the TCP printer waits for that). Both are reported: the answer, and register-to-printer up to that push; the
 * peer's job count is checked against it.
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
  const register = async (): Promise<{ answer: number; printed: number }> => {
    const start = performance.now()
    const r = await t.core.dispatch('bench', 'application.register', {
      serviceCode: 'ID_NEW',
      customerName: 'Wanjiku Kamau',
      phone: '0712345678',
      language: 'sw',
      smsConsent: true,
    })
    const answer = performance.now() - start
    if (!r.ok) throw new Error(`register failed: ${r.error.message}`)
    const { printJob } = r.value as { printJob: { id: number } }
    const done = await printOutcome(t.core, printJob.id)
    const printed = performance.now() - start
    if (done.status !== 'printed') throw new Error(`print ${done.status}: ${done.error ?? ''}`)
    return { answer, printed }
  }

  for (let i = 0; i < WARM_UP; i++) await register()
  const answers: number[] = []
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const jobsBefore = peer.jobs.length
    const r = await register()
    answers.push(r.answer)
    times.push(r.printed)
    // The whole job was at the printer when its outcome was pushed.
    if (peer.jobs.length !== jobsBefore + 1) throw new Error(`registration ${i}: the printer has no job yet`)
  }
  expect(peer.jobs).toHaveLength(WARM_UP + RUNS)

  report('counter.register-answer p50', percentile(answers, 50), 'ms', 'informational')
  report('counter.register-answer p99', percentile(answers, 99), 'ms', 'informational')
  report('counter.register-to-printer p50', percentile(times, 50), 'ms', 'informational')
  report('counter.register-to-printer p99', percentile(times, 99), 'ms', '< 100 ms')
})
