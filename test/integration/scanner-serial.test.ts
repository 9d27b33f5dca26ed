import fs from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseScannerConfig, type ScannerConfigInput } from '../../common/scanner-config'
import {
  SerialScanner,
  type OpenScannerPort,
  type ScannerPortEvents,
  type ScannerStatus,
  type ScanRejection,
} from '../../main/devices/scanner/serial-scanner'
import { scannerPortLister, scannerPortProblem } from '../../main/devices/scanner/port-list'
import { manualClock, systemClock } from '../../main/infra/clock'
import { silentLogger } from '../../main/infra/logger'
import { startPtyPair, type PtyPair } from '../helpers/serial-pty'
import { tempDir } from '../helpers/temp-dir'

/**
 * How long the pty tests wait for a change before failing: a guard against hanging, not a speed claim. How soon an
 * unplug and a re-plug show is asserted on fake timers below (port check every 1 s, reconnect backoff capped at 2 s).
 */
const WAIT = { timeout: 3000, interval: 10 }

type Rig = {
  pair: PtyPair
  scanner: SerialScanner
  clock: ReturnType<typeof manualClock>
  scans: string[]
  rejected: ScanRejection[]
  statuses: ScannerStatus[]
  /** How often the scanner looked for its port. */
  listCalls: number
}

const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A pty pair, and a scanner on its far end with these settings, started and connected. */
async function rig(
  settings: Partial<ScannerConfigInput> = {},
  opts: { connect?: boolean } = {},
): Promise<Rig> {
  const tmp = tempDir('tms-scanner-pty-')
  cleanups.push(() => tmp.cleanup())
  const pair = await startPtyPair(tmp.dir)
  cleanups.push(() => pair.stop())
  const parsed = parseScannerConfig({ enabled: true, path: pair.scannerPath, ...settings })
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  const clock = manualClock()
  let listCalls = 0
  const scanner = new SerialScanner(parsed.config, {
    logger: silentLogger,
    clock,
    // SerialPort.list() does not list ptys: the link existing is the port being there (as for by-id links).
    listPorts: async () => {
      listCalls++
      return fs.existsSync(pair.scannerPath) ? [{ path: pair.scannerPath }] : []
    },
  })
  cleanups.push(() => scanner.stop())
  const r: Rig = {
    pair,
    scanner,
    clock,
    scans: [],
    rejected: [],
    statuses: [],
    get listCalls() {
      return listCalls
    },
  }
  scanner.onScan((code) => r.scans.push(code))
  scanner.onRejected((x) => r.rejected.push(x))
  scanner.onStatus((s) => r.statuses.push(s))
  if (opts.connect !== false) {
    scanner.start()
    await vi.waitFor(() => expect(scanner.status().state).toBe('connected'), WAIT)
  }
  return r
}

describe('serial scanner through a real pty pair (socat)', () => {
  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const)('line ending %s: each scan arrives as a code, and nothing else', async (lineEnding, end) => {
    const r = await rig({ lineEnding })
    await r.pair.write(`HDM-0001${end}`)
    await r.pair.write(`254012345678${end}KRA-P05${end}`)
    // One scan split over two reads of the port (and, for CR+LF, split between CR and LF).
    await r.pair.write('SPLIT-')
    await r.pair.write(`42${end.slice(0, 1)}`)
    await r.pair.write(end.slice(1))
    await vi.waitFor(() => expect(r.scans).toEqual(['HDM-0001', '254012345678', 'KRA-P05', 'SPLIT-42']), WAIT)
    expect(r.rejected).toEqual([])
  })

  it('line ending none: a pause ends the scan', async () => {
    const r = await rig({ lineEnding: 'none', interByteTimeoutMs: 50 })
    await r.pair.write('NONE-0001')
    await vi.waitFor(() => expect(r.scans).toEqual(['NONE-0001']), WAIT)
    await r.pair.write('NONE-')
    await r.pair.write('0002')
    await vi.waitFor(() => expect(r.scans).toEqual(['NONE-0001', 'NONE-0002']), WAIT)
    expect(r.rejected).toEqual([])
  })

  it('strips the prefix, suffix and AIM symbology identifier', async () => {
    const r = await rig({ prefix: '#', suffix: '$', lineEnding: 'CRLF' })
    await r.pair.write('#]C0254012345678$\r\n]Q1#HUDUMA-QR$\r\n#PLAIN$\r\n')
    await vi.waitFor(() => expect(r.scans).toEqual(['254012345678', 'HUDUMA-QR', 'PLAIN']), WAIT)
    expect(r.rejected).toEqual([])
  })

  it('a repeat of the same code within the window is one scan; after the window it is two', async () => {
    const r = await rig({ duplicateWindowMs: 1500 })
    await r.pair.write('DUP-1\r')
    await vi.waitFor(() => expect(r.scans).toEqual(['DUP-1']), WAIT)
    r.clock.advance(400)
    await r.pair.write('DUP-1\r')
    // Noise leaves the repeat window alone; its rejection shows the repeat before it was handled.
    await r.pair.write('~~~~\r')
    await vi.waitFor(() => expect(r.rejected.map((x) => x.reason)).toEqual(['noise']), WAIT)
    expect(r.scans).toEqual(['DUP-1'])
    r.clock.advance(1600)
    await r.pair.write('DUP-1\r')
    await vi.waitFor(() => expect(r.scans).toEqual(['DUP-1', 'DUP-1']), WAIT)
  })

  it('refuses garbage and overlong lines with a message, and keeps scanning', async () => {
    const r = await rig()
    const controls = Array.from({ length: 0x20 }, (_, i) => i).filter((b) => b !== 0x0d && b !== 0x0a)
    await r.pair.write(Uint8Array.from([...controls, 0x0d]))
    await r.pair.write(Uint8Array.of(0x41, 0x80, 0x9f, 0xc3, 0xa9, 0xff, 0x0d))
    await r.pair.write('9'.repeat(100) + '\r')
    await r.pair.write('GOOD-1\r')
    await vi.waitFor(() => expect(r.scans).toEqual(['GOOD-1']), WAIT)
    expect(r.rejected.map(({ reason, message }) => ({ reason, message }))).toEqual([
      {
        reason: 'non-printable',
        message: 'The scanner sent unreadable characters (line noise?). Scan again.',
      },
      {
        reason: 'non-printable',
        message: 'The scanner sent unreadable characters (line noise?). Scan again.',
      },
      {
        reason: 'too-long',
        message: 'The scan is too long (100 characters): not one of our codes. Scan again.',
      },
    ])
    expect(r.rejected[1]?.raw).toBe('A\\x80\\x9f\\xc3\\xa9\\xff')
    expect(r.rejected[2]?.raw).toBe('9'.repeat(100))
  })

  it('reports a scan that never gets its line ending, without gluing it to the next scan', async () => {
    const r = await rig({ lineEnding: 'CR' })
    await r.pair.write('NO-ENDING')
    await vi.waitFor(() => expect(r.rejected).toHaveLength(1), WAIT)
    expect(r.rejected[0]).toEqual({
      reason: 'incomplete',
      message:
        "The scan did not end with the line ending set for the scanner (CR). Check the scanner's line ending setting, then scan again.",
      raw: 'NO-ENDING',
    })
    await r.pair.write('NEXT\r')
    await vi.waitFor(() => expect(r.scans).toEqual(['NEXT']), WAIT)
  })

  it('unplug → disconnected (unplugged); re-plug → connected and scanning, with no restart', async () => {
    const r = await rig()
    for (const round of [1, 2]) {
      const before = r.statuses.length
      await r.pair.stop()
      await vi.waitFor(() => expect(r.scanner.status().state).toBe('disconnected'), WAIT)
      const down = r.statuses.slice(before).find((s) => s.state === 'disconnected')
      expect(down?.detail).toContain('unplugged')

      await r.pair.restart()
      await vi.waitFor(() => expect(r.scanner.status().state).toBe('connected'), WAIT)
      expect(r.statuses.slice(before).map((s) => s.state)).toContain('connected')

      await r.pair.write(`AFTER-REPLUG-${round}\r`)
      await vi.waitFor(
        () => expect(r.scans).toEqual(['AFTER-REPLUG-1', 'AFTER-REPLUG-2'].slice(0, round)),
        WAIT,
      )
    }
    expect(r.rejected).toEqual([])
  })

  it('started before the scanner is plugged in: disconnected, then connects by itself', async () => {
    const r = await rig({}, { connect: false })
    await r.pair.stop()
    r.scanner.start()
    await vi.waitFor(() => expect(r.scanner.status().detail).toContain('No scanner found on'), WAIT)
    expect(r.scanner.status().state).toBe('disconnected')
    await r.pair.restart()
    await vi.waitFor(() => expect(r.scanner.status().state).toBe('connected'), WAIT)
    await r.pair.write('LATE-1\r')
    await vi.waitFor(() => expect(r.scans).toEqual(['LATE-1']), WAIT)
  })

  it('stop() closes the port and leaves nothing running, connected or reconnecting', async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    const r = await rig()
    await r.scanner.stop()
    expect(r.scanner.status()).toEqual({
      state: 'disconnected',
      detail: `The scanner on ${r.pair.scannerPath} is stopped.`,
    })
    let calls = r.listCalls
    await sleep(1300) // longer than the connected port check
    expect(r.listCalls).toBe(calls)

    // The port was really closed: the same scanner starts again, opens it and reads.
    r.scanner.start()
    await vi.waitFor(() => expect(r.scanner.status().state).toBe('connected'), WAIT)
    await r.pair.write('AGAIN-1\r')
    await vi.waitFor(() => expect(r.scans).toEqual(['AGAIN-1']), WAIT)

    // Stopped while looking for an unplugged scanner: the reconnect loop ends too.
    await r.pair.stop()
    await vi.waitFor(() => expect(r.scanner.status().state).toBe('disconnected'), WAIT)
    await r.scanner.stop()
    calls = r.listCalls
    const statuses = r.statuses.length
    await sleep(2300) // longer than the longest wait between reconnect tries
    expect(r.listCalls).toBe(calls)
    expect(r.statuses).toHaveLength(statuses)
  })

  it('turned off: status disabled, and start() opens nothing', async () => {
    const r = await rig({ enabled: false }, { connect: false })
    expect(r.scanner.status().state).toBe('disabled')
    r.scanner.start()
    await r.pair.write('IGNORED\r')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(r.scanner.status().state).toBe('disabled')
    expect(r.scans).toEqual([])
  })
})

describe('serial scanner on a machine without udev (real pty, the system port list failing)', () => {
  it('finds the pty by its path, reads, sees the unplug and reconnects, though the port list always fails', async () => {
    const tmp = tempDir('tms-scanner-noudev-')
    cleanups.push(() => tmp.cleanup())
    const pair = await startPtyPair(tmp.dir)
    cleanups.push(() => pair.stop())
    const parsed = parseScannerConfig({ enabled: true, path: pair.scannerPath })
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    let listCalls = 0
    // What serialport's SerialPort.list() does on Linux without udevadm.
    const noUdev = async (): Promise<never> => {
      listCalls++
      throw Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' })
    }
    // The production lister (port-list.ts) over the failing list: what the scanner gets on such a machine.
    const scanner = new SerialScanner(parsed.config, {
      logger: silentLogger,
      clock: manualClock(),
      listPorts: scannerPortLister(pair.scannerPath, noUdev),
    })
    cleanups.push(() => scanner.stop())
    const scans: string[] = []
    scanner.onScan((code) => scans.push(code))
    scanner.start()
    await vi.waitFor(() => expect(scanner.status().state).toBe('connected'), WAIT)
    // The pty's path is also what the settings accept when it is typed in.
    expect(scannerPortProblem(pair.scannerPath, 'linux')).toBeNull()
    await pair.write('NO-UDEV-1\r')
    await vi.waitFor(() => expect(scans).toEqual(['NO-UDEV-1']), WAIT)

    await pair.stop()
    await vi.waitFor(() => expect(scanner.status().state).toBe('disconnected'), WAIT)
    expect(scanner.status().detail).toContain('unplugged')
    await pair.restart()
    await vi.waitFor(() => expect(scanner.status().state).toBe('connected'), WAIT)
    await pair.write('NO-UDEV-2\r')
    await vi.waitFor(() => expect(scans).toEqual(['NO-UDEV-1', 'NO-UDEV-2']), WAIT)
    // It did ask the system list each time, and got nothing from it.
    expect(listCalls).toBeGreaterThan(1)
  })
})

describe('serial scanner reconnect loop (fake port, fake timers)', () => {
  let stopScanner: (() => Promise<void>) | null = null

  afterEach(async () => {
    await stopScanner?.()
    stopScanner = null
    vi.useRealTimers()
  })

  function fakeRig() {
    vi.useFakeTimers()
    const t0 = Date.now()
    const state = { present: false, failures: [] as Error[], closed: 0 }
    const looks: number[] = []
    const opened: ScannerPortEvents[] = []
    const openPort: OpenScannerPort = async (_options, events) => {
      const failure = state.failures.shift()
      if (failure) throw failure
      opened.push(events)
      return {
        close: async () => {
          state.closed++
        },
      }
    }
    const parsed = parseScannerConfig({ enabled: true, path: 'COM4' })
    if (!parsed.ok) throw new Error(parsed.problems.join('; '))
    const scanner = new SerialScanner(parsed.config, {
      logger: silentLogger,
      clock: systemClock,
      openPort,
      listPorts: async () => {
        looks.push(Date.now() - t0)
        return state.present ? [{ path: 'COM3' }, { path: 'com4' }] : [{ path: 'COM3' }]
      },
    })
    const statuses: ScannerStatus[] = []
    const scans: string[] = []
    scanner.onStatus((s) => statuses.push(s))
    scanner.onScan((c) => scans.push(c))
    stopScanner = () => scanner.stop()
    return { scanner, state, looks, opened, statuses, scans, t0 }
  }

  it('looks for a missing port with backoff from 250 ms doubling to 2 s (a re-plug shows within 2 s), and resets it after a loss', async () => {
    const f = fakeRig()
    f.scanner.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(f.scanner.status().state).toBe('disconnected')
    await vi.advanceTimersByTimeAsync(5750)
    expect(f.looks).toEqual([0, 250, 750, 1750, 3750, 5750])

    f.state.present = true
    await vi.advanceTimersByTimeAsync(2000)
    expect(f.scanner.status().state).toBe('connected')
    expect(f.opened).toHaveLength(1)

    const lostAt = Date.now() - f.t0
    f.opened[0]?.lost(new Error('device reports readiness to read but returned no data'))
    expect(f.scanner.status().state).toBe('disconnected')
    expect(f.state.closed).toBe(1)
    const before = f.looks.length
    await vi.advanceTimersByTimeAsync(250)
    expect(f.looks.slice(before)).toEqual([lostAt + 250])
    expect(f.scanner.status().state).toBe('connected')
    expect(f.opened).toHaveLength(2)

    // Events from the old, lost port are ignored.
    f.opened[0]?.data(Buffer.from('STALE\r'))
    f.opened[1]?.data(Buffer.from('FRESH\r'))
    expect(f.scans).toEqual(['FRESH'])
  })

  it('notices within 1 s a port that vanished from the list while "open" (driver kept quiet)', async () => {
    const f = fakeRig()
    f.state.present = true
    f.scanner.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(f.scanner.status().state).toBe('connected')
    f.state.present = false
    await vi.advanceTimersByTimeAsync(1000)
    expect(f.scanner.status().state).toBe('disconnected')
    expect(f.state.closed).toBe(1)
  })

  it('a port that will not open: an error to act on after the second failure, and it keeps trying', async () => {
    const f = fakeRig()
    f.state.present = true
    const denied = Object.assign(new Error('Error: Permission denied, cannot open COM4'), { code: 'EACCES' })
    f.state.failures = [denied, denied]
    f.scanner.start()
    await vi.advanceTimersByTimeAsync(0)
    // First failure: may be a port still being set up; not an error yet.
    expect(f.scanner.status().state).toBe('disconnected')
    await vi.advanceTimersByTimeAsync(250)
    expect(f.scanner.status()).toEqual({
      state: 'error',
      detail:
        'The scanner port COM4 cannot be opened: another program may be using it, or this computer\'s user may not use it (on Linux, add the user to the "dialout" group). Retrying.',
    })
    await vi.advanceTimersByTimeAsync(500)
    expect(f.scanner.status().state).toBe('connected')
    expect(f.statuses.map((s) => s.state)).toEqual(['disconnected', 'error', 'connected'])
  })
})
