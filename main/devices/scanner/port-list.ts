import fs from 'node:fs'
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

/** What serialport's `SerialPort.list()` gives (only the fields used here). */
export interface ListedPort {
  path: string
  vendorId?: string | undefined
  productId?: string | undefined
  manufacturer?: string | undefined
}

export type ListSerialPorts = () => Promise<ListedPort[]>

const serialportList: ListSerialPorts = () => SerialPort.list()

function hexId(id: string | undefined): string | null {
  const hex = id?.trim().replace(/^0x/i, '').toLowerCase()
  return hex && /^[0-9a-f]{1,4}$/.test(hex) ? hex.padStart(4, '0') : null
}

/** The serial ports on this computer, known scanner makers first, then by name (COM3 before COM10). */
export async function listScannerPorts(list: ListSerialPorts = serialportList): Promise<ScannerPortInfo[]> {
  const ports = await list()
  return ports
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
 * The ports to look for the scanner in, for `SerialScanner`'s reconnect loop (production default).
 * `SerialPort.list()` lists real devices (`COM4`, `/dev/ttyACM0`), but not every path a person may configure: a
 * stable `/dev/serial/by-id/usb-Honeywell…` link, or a pty. So when `path` is an absolute device path that the list
 * does not name, it counts as present while the file exists (the by-id link disappears on unplug, as does a pty
 * link when its owner exits).
 */
export function scannerPortLister(path: string, list: ListSerialPorts = serialportList): ListSerialPorts {
  return async () => {
    const ports = await list()
    if (ports.some((p) => samePortPath(p.path, path))) return ports
    if (path.startsWith('/') && fs.existsSync(path)) return [...ports, { path }]
    return ports
  }
}
