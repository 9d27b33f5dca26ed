/**
 * Scanner unplug/re-plug cycles: a serial scanner on a real pty pair (socat) is unplugged and plugged back N times
 * in the middle of a batch of reads. After every re-plug the harness waits for "connected", then scans a code:
 * each must arrive, once, and the reconnect must be quick. The port list the scanner polls is udev's fallback
 * (does the path exist), as on a machine without udev.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseScannerConfig } from '../../common/scanner-config'
import { SerialScanner } from '../../main/devices/scanner/serial-scanner'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { startPtyPair } from '../../test/helpers/serial-pty'

export interface ScannerCyclesReport {
  cycles: number
  scansSent: number
  scansReceived: number
  /** Codes sent after a reconnect that never arrived, or arrived more than once. */
  lost: number
  duplicated: number
  reconnectMsMax: number
  reconnectMsMedian: number
  ms: number
}

const until = async (cond: () => boolean, ms: number, what: string): Promise<void> => {
  const deadline = Date.now() + ms
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`scanner cycles: no ${what} within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

export async function runScannerCycles(opts: { cycles: number }): Promise<ScannerCyclesReport> {
  const started = Date.now()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tms-scanner-cycles-'))
  const pair = await startPtyPair(dir)
  const parsed = parseScannerConfig({ enabled: true, path: pair.scannerPath })
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  // The repeat window is read on this clock: it never moves, and every code is new, so no read is folded.
  const scanner = new SerialScanner(parsed.config, {
    logger: silentLogger,
    clock: manualClock(),
    listPorts: async () => (fs.existsSync(pair.scannerPath) ? [{ path: pair.scannerPath }] : []),
  })
  const received: string[] = []
  scanner.onScan((code) => received.push(code))
  const sent: string[] = []
  const reconnects: number[] = []
  try {
    scanner.start()
    await until(() => scanner.status().state === 'connected', 5000, 'first connection')
    for (let i = 1; i <= opts.cycles; i++) {
      const before = `BEFORE-${String(i).padStart(3, '0')}`
      sent.push(before)
      await pair.write(`${before}\r`)
      await until(() => received.includes(before), 5000, `read ${before}`)
      await pair.stop()
      await until(() => scanner.status().state === 'disconnected', 5000, 'unplug')
      const plugged = Date.now()
      await pair.restart()
      await until(() => scanner.status().state === 'connected', 10_000, 're-plug')
      reconnects.push(Date.now() - plugged)
      const after = `AFTER-${String(i).padStart(3, '0')}`
      sent.push(after)
      await pair.write(`${after}\r`)
      await until(() => received.includes(after), 5000, `read ${after}`)
    }
  } finally {
    await scanner.stop()
    await pair.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const sorted = [...reconnects].sort((a, b) => a - b)
  return {
    cycles: opts.cycles,
    scansSent: sent.length,
    scansReceived: received.length,
    lost: sent.filter((c) => !received.includes(c)).length,
    duplicated: received.length - new Set(received).size,
    reconnectMsMax: sorted[sorted.length - 1] ?? 0,
    reconnectMsMedian: sorted[Math.floor(sorted.length / 2)] ?? 0,
    ms: Date.now() - started,
  }
}
