/**
 * Printer fault cycles: a real core over a real SQLite file prints to a TCP printer peer on 127.0.0.1 that goes
 * offline, runs out of paper, has its cover opened, stalls or drops the connection mid-job, N times each. Every
 * cycle registers a customer during the fault (saving must not wait for the printer), then clears the fault and
 * prints the receipt again from its failed job. At the end every application has exactly one printed original or
 * a printed COPY after an attempt that may have left paper: none without a receipt, none with two originals.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { PrintResult, RegisterResult } from '../../common/contract'
import { createCore } from '../../main/core/create-core'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { printOutcome } from '../../test/helpers/print-jobs'
import { startPrinterPeer, type PeerStatus } from '../../test/helpers/printer-peer'

export type PrinterFault = 'offline' | 'paper-out' | 'cover-open' | 'stall' | 'drop'
export const PRINTER_FAULTS: readonly PrinterFault[] = ['offline', 'paper-out', 'cover-open', 'stall', 'drop']

export interface PrinterCyclesReport {
  cycles: number
  registered: number
  /** Applications that ended without a printed receipt. */
  withoutReceipt: number
  /** Applications with more than one printed original (no COPY mark). */
  twoOriginals: number
  /** Registrations that did not answer before their print's outcome was known. */
  waitedForPrinter: number
  ms: number
}

const STATUS: Partial<Record<PrinterFault, PeerStatus>> = {
  offline: { offline: true },
  'paper-out': { paperOut: true },
  'cover-open': { cover: true },
}

export async function runPrinterCycles(opts: { cycles: number }): Promise<PrinterCyclesReport> {
  const started = Date.now()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-printer-cycles-'))
  const peer = await startPrinterPeer()
  const core = createCore({
    dataDir: dir,
    logger: silentLogger,
    version: 'cycles',
    clock: manualClock(),
    tickMs: 0,
  })
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await core.dispatch('cycles', method, input)
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
    return r.value as T
  }
  let registered = 0
  let waitedForPrinter = 0
  try {
    await call('setup.createCentre', {
      centreNumber: '042',
      centreName: 'Huduma Centre GPO',
      workstationSlot: '01',
      admin: { staffNumber: 'ADM001', name: 'Amina Wanjiru', pin: '482619' },
    })
    await call('printer.configure', {
      connection: { kind: 'tcp', host: '127.0.0.1', port: peer.port },
      paperColumns: 48,
      connectTimeoutMs: 500,
      writeTimeoutMs: 500,
      statusTimeoutMs: 300,
    })
    for (const fault of PRINTER_FAULTS) {
      for (let i = 0; i < opts.cycles; i++) {
        const status = STATUS[fault]
        if (status) peer.setStatus(status)
        else peer.setMode(fault === 'stall' ? 'hang' : 'drop-mid-job')
        const r = await call<RegisterResult>('application.register', {
          serviceCode: 'BIRTH_CERT',
          customerName: `Customer ${String.fromCharCode(65 + (registered % 26))}${String.fromCharCode(97 + (Math.floor(registered / 26) % 26))}`,
          phone: '0712345678',
          idNumber: String(20_000_000 + registered),
          language: 'en',
          smsConsent: true,
          confirmDuplicate: true,
        })
        registered++
        // The answer came before the printer's: the job is still out when registering has answered.
        if (core.store.printJobs.byId(r.printJob.id)?.status !== 'queued') waitedForPrinter++
        const failed = await printOutcome(core, r.printJob.id)
        peer.setStatus({})
        peer.setMode('accept')
        if (failed.status === 'failed') {
          const retry = await call<PrintResult>('print.retry', { jobId: failed.id })
          await printOutcome(core, retry.printJob.id)
        }
      }
    }
    const perApp = core.store.db
      .prepare(
        `SELECT a.tracking_number AS tn,
                sum(j.status = 'printed') AS printed,
                sum(j.status = 'printed' AND j.copy = 0) AS originals
         FROM applications a LEFT JOIN print_jobs j ON j.tracking_number = a.tracking_number
         GROUP BY a.tracking_number`,
      )
      .all() as { tn: string; printed: number; originals: number }[]
    return {
      cycles: opts.cycles,
      registered,
      withoutReceipt: perApp.filter((a) => !a.printed).length,
      twoOriginals: perApp.filter((a) => a.originals > 1).length,
      waitedForPrinter,
      ms: Date.now() - started,
    }
  } finally {
    core.close()
    await peer.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
