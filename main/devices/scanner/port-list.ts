import fs from 'node:fs'
import path from 'node:path'
import { SerialPort } from 'serialport'
import { knownScannerVendor } from './known-vendors'

/** A serial port as the scanner settings screen lists it. Ids are lower-case hex, e.g. "0c2e"; null when unknown. */
export interface ScannerPortInfo {
  path: string
  vendorId: string | null
  productId: string | null
  manufacturer: string | null
  /** The scanner maker when the USB vendor id is a known one (known-vendors.ts), else null. */
  knownScanner: string | null
}

/** The ports for the settings screen, and why the system's port list could not be read (null when it could). */
export interface ScannerPortListing {
  ports: ScannerPortInfo[]
  listError: string | null
}

/** What serialport's `SerialPort.list()` gives (only the fields used here). */
export interface ListedPort {
  path: string
  vendorId?: string | undefined
  productId?: string | undefined
  manufacturer?: string | undefined
}

export type ListSerialPorts = () => Promise<ListedPort[]>

/**
 * Where to look when the system's port list fails: the device directory (`/dev`; tests pass a temp dir) and the
 * platform. Only Linux has a known layout to read; elsewhere the fallback is the configured path alone.
 */
export interface PortFallback {
  devDir: string
  platform: NodeJS.Platform
}

const serialportList: ListSerialPorts = () => SerialPort.list()

const SYSTEM_FALLBACK: PortFallback = { devDir: '/dev', platform: process.platform }

function hexId(id: string | undefined): string | null {
  const hex = id?.trim().replace(/^0x/i, '').toLowerCase()
  return hex && /^[0-9a-f]{1,4}$/.test(hex) ? hex.padStart(4, '0') : null
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/**
 * The serial devices the file system shows on Linux, without udev: the stable `/dev/serial/by-id/*` links (one
 * per plugged USB serial device, named after its maker and serial number), then `/dev/ttyUSB*` (USB–serial
 * adapters) and `/dev/ttyACM*` (USB virtual-COM scanners). Built-in `/dev/ttyS*` ports are left out: every PC has
 * dozens of them whether or not anything is attached.
 */
export function serialDevicesOnDisk(fallback: PortFallback = SYSTEM_FALLBACK): string[] {
  if (fallback.platform !== 'linux') return []
  const names = (dir: string): string[] => {
    try {
      return fs.readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    } catch {
      return []
    }
  }
  const byIdDir = path.join(fallback.devDir, 'serial', 'by-id')
  return [
    ...names(byIdDir)
      .map((n) => path.join(byIdDir, n))
      .filter((p) => fs.existsSync(p)),
    ...names(fallback.devDir)
      .filter((n) => /^tty(USB|ACM)\d+$/.test(n))
      .map((n) => path.join(fallback.devDir, n)),
  ]
}

/**
 * The serial ports on this computer, known scanner makers first, then by name (COM3 before COM10). When the
 * system list cannot be read (serialport needs `udevadm` on Linux, which minimal installs and containers lack),
 * the ports come from the file system instead and `listError` says why, for the settings screen: it never throws.
 */
export async function listScannerPorts(
  list: ListSerialPorts = serialportList,
  fallback: PortFallback = SYSTEM_FALLBACK,
): Promise<ScannerPortListing> {
  let listed: ListedPort[]
  let listError: string | null = null
  try {
    listed = await list()
  } catch (err) {
    listError = errorText(err)
    listed = serialDevicesOnDisk(fallback).map((p) => ({ path: p }))
  }
  const ports = listed
    .map((p) => ({
      path: p.path,
      vendorId: hexId(p.vendorId),
      productId: hexId(p.productId),
      manufacturer: p.manufacturer?.trim() || null,
      knownScanner: knownScannerVendor(p.vendorId),
    }))
    .sort(
      (a, b) =>
        Number(b.knownScanner !== null) - Number(a.knownScanner !== null) ||
        a.path.localeCompare(b.path, 'en', { numeric: true }),
    )
  return { ports, listError }
}

/** `\\.\COM4`, `com4` and `COM4` are one port on Windows; other paths compare as they are. */
export function samePortPath(a: string, b: string): boolean {
  const norm = (p: string) => {
    const bare = p.trim().replace(/^\\\\\.\\/, '')
    return /^com\d+$/i.test(bare) ? bare.toUpperCase() : bare
  }
  return norm(a) === norm(b)
}

/**
 * The ports to look for the scanner in, for `SerialScanner`'s reconnect loop (production default); never rejects.
 * `SerialPort.list()` lists real devices (`COM4`, `/dev/ttyACM0`), but not every path a person may configure: a
 * stable `/dev/serial/by-id/usb-Honeywell…` link, or a pty. So an absolute device path counts as present while
 * the file exists, whether or not the list names it or the list could be read at all (the by-id link disappears
 * on unplug, as does a pty link when its owner exits, so an unplug is still seen). A name such as `COM4` with no
 * list to look in cannot be checked: it counts as present, so the scanner tries to open it, and an unplug is
 * then noticed by the open port failing. `onListError` hears each new reason the list failed (not every retry).
 */
export function scannerPortLister(
  configured: string,
  list: ListSerialPorts = serialportList,
  onListError: (message: string) => void = () => undefined,
): ListSerialPorts {
  let lastError: string | null = null
  return async () => {
    let ports: ListedPort[] | null
    try {
      ports = await list()
      lastError = null
    } catch (err) {
      const message = errorText(err)
      if (message !== lastError) onListError(message)
      lastError = message
      ports = null
    }
    if (ports?.some((p) => samePortPath(p.path, configured))) return ports
    if (configured.startsWith('/'))
      return fs.existsSync(configured) ? [...(ports ?? []), { path: configured }] : (ports ?? [])
    return ports ?? [{ path: configured }]
  }
}

/**
 * Whether `configured` can be this computer's scanner port, checked when the settings are saved: a sentence to
 * show, or null. On Windows a port is `COMn` (or `\\.\COMn`); elsewhere an absolute path to a device that
 * exists now (`/dev/ttyACM0`, a `/dev/serial/by-id/…` link, a pty). Nothing to check when the scanner is off.
 */
export function scannerPortProblem(
  configured: string,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const p = configured.trim()
  if (p === '') return null
  const comName = /^(\\\\\.\\)?com([1-9]\d{0,2})$/i.exec(p)
  if (platform === 'win32') {
    if (comName) return null
    return `"${p}" is not a serial port name on Windows: it is COM and a number, e.g. COM4 (see Device Manager → Ports).`
  }
  if (comName)
    return `${p} is a Windows port name. On this computer a serial port is a path such as /dev/ttyACM0 or /dev/serial/by-id/…`
  if (!p.startsWith('/')) {
    const hint = /^tty/.test(p) ? ` such as /dev/${p}` : ', e.g. /dev/ttyACM0'
    return `Enter the full path of the scanner's port${hint}.`
  }
  let stat: fs.Stats
  try {
    stat = fs.statSync(p)
  } catch {
    return `There is no ${p} on this computer. Plug the scanner in and choose its port from the list, or check the path.`
  }
  if (!stat.isCharacterDevice())
    return `${p} is not a serial port (it is not a device). Choose the scanner's port from the list.`
  return null
}
