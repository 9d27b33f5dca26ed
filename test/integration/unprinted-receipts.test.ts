/**
 * Receipts that never printed are listed for the clerk, on a real core over a real SQLite file with a real TCP
 * printer peer: after a refused print, after the app stopped mid-print, and after every restart, until each is
 * printed. Nothing about them lives in the window, so a restart cannot lose the list.
 */
import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RegisterResult, UnprintedReceipt } from '../../common/contract'
import type { ApiResult } from '../../common/errors'
import { setUpCentre, signedIn, testCore } from '../helpers/core'
import { printOutcome } from '../helpers/print-jobs'
import { startPrinterPeer, type PrinterPeer } from '../helpers/printer-peer'
import { tempDir } from '../helpers/temp-dir'

const ADMIN_KEY = 'admin-window'
const CLERK_KEY = 'clerk-window'

const customer = (name: string) => ({
  serviceCode: 'BIRTH_CERT',
  customerName: name,
  phone: '0712345678',
  idNumber: '23456789',
  language: 'en',
  smsConsent: true,
  confirmDuplicate: true,
})
const printer = (port: number) => ({
  connection: { kind: 'tcp' as const, host: '127.0.0.1', port },
  paperColumns: 48 as const,
  connectTimeoutMs: 500,
  writeTimeoutMs: 1000,
  statusTimeoutMs: 300,
})

function value<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

describe('unprinted receipts', () => {
  let tmp: ReturnType<typeof tempDir>
  let peer: PrinterPeer
  let t: ReturnType<typeof testCore>
  beforeEach(async () => {
    tmp = tempDir()
    fs.rmSync(tmp.dir, { recursive: true, force: true })
    peer = await startPrinterPeer()
    t = testCore(tmp.dir)
  })
  afterEach(async () => {
    t.close()
    await peer.close()
    tmp.cleanup()
  })

  const restart = async (): Promise<void> => {
    t.close()
    t = testCore(tmp.dir)
    await t.core.dispatch(CLERK_KEY, 'auth.signIn', clerk)
  }
  let clerk: { staffNumber: string; pin: string }
  const unprinted = async (): Promise<UnprintedReceipt[]> =>
    value<UnprintedReceipt[]>(await t.core.dispatch(CLERK_KEY, 'print.unprinted', {}))
  const register = async (name: string): Promise<RegisterResult> => {
    const r = value<RegisterResult>(await t.core.dispatch(CLERK_KEY, 'application.register', customer(name)))
    await printOutcome(t.core, r.printJob.id)
    return r
  }

  it('a refused print is listed, stays listed after every restart, and goes once it prints', async () => {
    await setUpCentre(t.core, ADMIN_KEY)
    clerk = await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
    value(await t.core.dispatch(ADMIN_KEY, 'printer.configure', printer(await peer.refusedPort())))
    const refused = await register('Wanjiku Kamau')
    value(await t.core.dispatch(ADMIN_KEY, 'printer.configure', printer(peer.port)))
    await register('Otieno Ouma')
    expect(await unprinted()).toEqual([
      expect.objectContaining({
        trackingNumber: refused.application.trackingNumber,
        customerName: 'Wanjiku Kamau',
        jobId: refused.printJob.id,
        printsCopy: false,
      }),
    ])
    for (let i = 0; i < 3; i++) {
      await restart()
      expect((await unprinted()).map((u) => u.trackingNumber)).toEqual([refused.application.trackingNumber])
    }
    const [owed] = await unprinted()
    const retry = value<{ printJob: { id: number } }>(
      await t.core.dispatch(CLERK_KEY, 'print.retry', { jobId: owed!.jobId }),
    )
    expect((await printOutcome(t.core, retry.printJob.id)).status).toBe('printed')
    expect(await unprinted()).toEqual([])
    await restart()
    expect(await unprinted()).toEqual([])
  })

  it('a receipt the app stopped in the middle of printing is listed after the restart, as one that may have printed', async () => {
    await setUpCentre(t.core, ADMIN_KEY)
    clerk = await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
    value(await t.core.dispatch(ADMIN_KEY, 'printer.configure', printer(peer.port)))
    peer.setMode('hang')
    const r = value<RegisterResult>(
      await t.core.dispatch(CLERK_KEY, 'application.register', customer('Akinyi Achieng')),
    )
    // The app stops before the printer answers: the job row is still 'queued'.
    expect(t.core.store.printJobs.byId(r.printJob.id)?.status).toBe('queued')
    peer.setMode('accept')
    await restart()
    expect(await unprinted()).toEqual([
      expect.objectContaining({ trackingNumber: r.application.trackingNumber, printsCopy: true }),
    ])
  })

  it('lists only what is owed: a screen-only receipt never, a failure only for a week', async () => {
    await setUpCentre(t.core, ADMIN_KEY)
    clerk = await signedIn(t.core, ADMIN_KEY, CLERK_KEY, 'clerk')
    await register('Screen Only')
    value(await t.core.dispatch(ADMIN_KEY, 'printer.configure', printer(await peer.refusedPort())))
    const old = await register('Old Failure')
    expect((await unprinted()).map((u) => u.trackingNumber)).toEqual([old.application.trackingNumber])
    // The statement names its index (INDEXED BY): were the index dropped, the core would not even start.
    t.clock.advance(7 * 24 * 60 * 60 * 1000 + 1)
    await t.core.dispatch(CLERK_KEY, 'auth.unlock', { pin: clerk.pin })
    expect(await unprinted()).toEqual([])
  })
})
