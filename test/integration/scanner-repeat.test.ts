import fs from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseScannerConfig } from '../../common/scanner-config'
import { SerialScanner } from '../../main/devices/scanner/serial-scanner'
import { manualClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { startPtyPair } from '../helpers/serial-pty'
import { tempDir } from '../helpers/temp-dir'

const WAIT = { timeout: 3000, interval: 10 }
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('serial scanner repeat reads, through a real pty pair (socat)', () => {
  it('a repeat inside the window is a repeat event (not a scan); outside it, a scan again', async () => {
    const tmp = tempDir('tms-scanner-repeat-')
    cleanups.push(() => tmp.cleanup())
    const pair = await startPtyPair(tmp.dir)
    cleanups.push(() => pair.stop())
    const parsed = parseScannerConfig({ enabled: true, path: pair.scannerPath, duplicateWindowMs: 1500 })
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    const clock = manualClock()
    const scanner = new SerialScanner(parsed.config, {
      logger: silentLogger,
      clock,
      listPorts: async () => (fs.existsSync(pair.scannerPath) ? [{ path: pair.scannerPath }] : []),
    })
    cleanups.push(() => scanner.stop())
    const seen: string[] = []
    scanner.onScan((code) => seen.push(`scan ${code}`))
    scanner.onRepeat((code) => seen.push(`repeat ${code}`))
    scanner.onRejected((r) => seen.push(`rejected ${r.reason}`))
    scanner.start()
    await vi.waitFor(() => expect(scanner.status().state).toBe('connected'), WAIT)

    await pair.write('REP-1\r')
    await vi.waitFor(() => expect(seen).toEqual(['scan REP-1']), WAIT)
    clock.advance(400)
    await pair.write('REP-1\r')
    await vi.waitFor(() => expect(seen).toEqual(['scan REP-1', 'repeat REP-1']), WAIT)
    // Another code is a scan at once; the first code again after the window is a scan too.
    await pair.write('REP-2\r')
    await vi.waitFor(() => expect(seen).toEqual(['scan REP-1', 'repeat REP-1', 'scan REP-2']), WAIT)
    clock.advance(1600)
    await pair.write('REP-2\r')
    await vi.waitFor(
      () => expect(seen).toEqual(['scan REP-1', 'repeat REP-1', 'scan REP-2', 'scan REP-2']),
      WAIT,
    )
  })
})
