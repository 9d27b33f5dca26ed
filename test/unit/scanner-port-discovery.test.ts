import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  listScannerPorts,
  scannerPortLister,
  scannerPortProblem,
  serialDevicesOnDisk,
  type ListSerialPorts,
} from '../../main/devices/scanner/port-list'
import { createScannerService } from '../../main/services/scanner-service'
import { silentLogger } from '../../main/infra/logger'
import { ADMIN_KEY, ok, shelfFixture } from '../helpers/shelf-fixture'
import { tempDir } from '../helpers/temp-dir'

/** What serialport's list does on Linux without udev (a container, a minimal install, a fresh CI machine). */
const noUdev: ListSerialPorts = () =>
  Promise.reject(Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' }))

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

/** A fake /dev: a temp dir with the given (empty) files; by-id entries are symlinks to a file in it. */
function devDir(files: string[], byId: Record<string, string> = {}): string {
  const tmp = tempDir('tms-dev-')
  cleanups.push(tmp.cleanup)
  for (const f of files) fs.writeFileSync(path.join(tmp.dir, f), '')
  if (Object.keys(byId).length > 0) fs.mkdirSync(path.join(tmp.dir, 'serial', 'by-id'), { recursive: true })
  for (const [link, target] of Object.entries(byId))
    fs.symlinkSync(path.join('..', '..', target), path.join(tmp.dir, 'serial', 'by-id', link))
  return tmp.dir
}

describe('scanner port discovery without udev', () => {
  it('a failing system list falls back to by-id links, ttyUSB* and ttyACM* in the device directory, and says why', async () => {
    const dev = devDir(['ttyS0', 'ttyS1', 'ttyACM10', 'ttyACM2', 'ttyUSB0', 'tty', 'ttyUSBfoo', 'null'], {
      'usb-Honeywell_Imaging_1900-if00': 'ttyACM2',
      // A link whose device is gone is not a port.
      'usb-Gone_Scanner-if00': 'ttyACM7',
    })
    const { ports, listError } = await listScannerPorts(noUdev, { devDir: dev, platform: 'linux' })
    expect(listError).toBe('spawn udevadm ENOENT')
    expect(ports.map((p) => p.path)).toEqual([
      path.join(dev, 'serial/by-id/usb-Honeywell_Imaging_1900-if00'),
      path.join(dev, 'ttyACM2'),
      path.join(dev, 'ttyACM10'),
      path.join(dev, 'ttyUSB0'),
    ])
    expect(ports[0]).toEqual({
      path: path.join(dev, 'serial/by-id/usb-Honeywell_Imaging_1900-if00'),
      vendorId: null,
      productId: null,
      manufacturer: null,
      knownScanner: null,
    })
  })

  it('with no device directory to read, or off Linux, the fallback is an empty list and the reason', async () => {
    const missing = path.join(devDir([]), 'no-such-dev')
    expect(await listScannerPorts(noUdev, { devDir: missing, platform: 'linux' })).toEqual({
      ports: [],
      listError: 'spawn udevadm ENOENT',
    })
    expect(serialDevicesOnDisk({ devDir: devDir(['ttyACM0']), platform: 'win32' })).toEqual([])
  })

  it('the reconnect loop sees a configured device path while it exists and not after it goes (unplug)', async () => {
    const dev = devDir(['scanner'])
    const configured = path.join(dev, 'scanner')
    const failures: string[] = []
    const lister = scannerPortLister(configured, noUdev, (m) => failures.push(m))
    expect(await lister()).toEqual([{ path: configured }])
    expect(await lister()).toEqual([{ path: configured }])
    fs.rmSync(configured)
    expect(await lister()).toEqual([])
    // The reason is told once, not on every retry.
    expect(failures).toEqual(['spawn udevadm ENOENT'])
  })

  it('a port name with no list to check it in (COM4) counts as present, so the scanner tries to open it', async () => {
    expect(await scannerPortLister('COM4', noUdev)()).toEqual([{ path: 'COM4' }])
    // With a list that works, the list decides.
    expect(await scannerPortLister('COM4', async () => [{ path: 'COM3' }])()).toEqual([{ path: 'COM3' }])
  })
})

describe('a typed scanner port is checked for this computer', () => {
  it('on Windows: COMn (also \\\\.\\COMn) is a port; a path is not', () => {
    expect(scannerPortProblem('COM7', 'win32')).toBeNull()
    expect(scannerPortProblem('com12', 'win32')).toBeNull()
    expect(scannerPortProblem('\\\\.\\COM12', 'win32')).toBeNull()
    expect(scannerPortProblem('/dev/ttyACM0', 'win32')).toBe(
      '"/dev/ttyACM0" is not a serial port name on Windows: it is COM and a number, e.g. COM4 (see Device Manager → Ports).',
    )
    expect(scannerPortProblem('COM0', 'win32')).toMatch(/is not a serial port name on Windows/)
  })

  it('on Linux: an absolute path to a device that exists; COMn, bare names, missing paths and plain files are refused', () => {
    const dev = devDir(['plain-file'])
    expect(scannerPortProblem('/dev/null', 'linux')).toBeNull()
    expect(scannerPortProblem('COM7', 'linux')).toBe(
      'COM7 is a Windows port name. On this computer a serial port is a path such as /dev/ttyACM0 or /dev/serial/by-id/…',
    )
    expect(scannerPortProblem('ttyUSB0', 'linux')).toBe(
      "Enter the full path of the scanner's port such as /dev/ttyUSB0.",
    )
    expect(scannerPortProblem(path.join(dev, 'ttyACM9'), 'linux')).toBe(
      `There is no ${path.join(dev, 'ttyACM9')} on this computer. Plug the scanner in and choose its port from the list, or check the path.`,
    )
    expect(scannerPortProblem(path.join(dev, 'plain-file'), 'linux')).toBe(
      `${path.join(dev, 'plain-file')} is not a serial port (it is not a device). Choose the scanner's port from the list.`,
    )
  })
})

describe('scanner service', () => {
  it('ports(): a failing system list is an answer with the reason, not a failure', async () => {
    const f = await shelfFixture()
    cleanups.push(() => f.t.close())
    const service = createScannerService({
      store: f.t.core.store,
      clock: f.t.clock,
      logger: silentLogger,
      onScan: () => undefined,
      onRejected: () => undefined,
      onRepeat: () => undefined,
      onStatus: () => undefined,
      listPorts: noUdev,
    })
    const listing = await service.ports()
    expect(listing.listError).toBe('spawn udevadm ENOENT')
    expect(Array.isArray(listing.ports)).toBe(true)
    await service.stop()
  })

  it('scanner.ports answers on this machine, with or without udev', async () => {
    const f = await shelfFixture()
    cleanups.push(() => f.t.close())
    const r = await f.t.core.dispatch(ADMIN_KEY, 'scanner.ports', {})
    expect(r.ok).toBe(true)
  })

  it('scanner.configure refuses a port that is not there, on the path field, and keeps the saved settings', async () => {
    const f = await shelfFixture()
    cleanups.push(() => f.t.close())
    const missing = path.join(devDir([]), 'ttyACM0')
    const before = await ok(f.t.core, ADMIN_KEY, 'scanner.get', {})
    const auditBefore = f.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'scanner.configured'")
      .get()
    const r = await f.t.core.dispatch(ADMIN_KEY, 'scanner.configure', { enabled: true, path: missing })
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'path',
        message: `There is no ${missing} on this computer. Plug the scanner in and choose its port from the list, or check the path.`,
      },
    })
    expect(await ok(f.t.core, ADMIN_KEY, 'scanner.get', {})).toEqual(before)
    expect(
      f.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'scanner.configured'").get(),
    ).toEqual(auditBefore)
    // A scanner turned off may keep any port name.
    const off = await ok(f.t.core, ADMIN_KEY, 'scanner.configure', { enabled: false, path: missing })
    expect(off.config.path).toBe(missing)
  })
})
