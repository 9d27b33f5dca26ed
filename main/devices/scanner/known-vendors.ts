/**
 * USB vendor ids of barcode scanner makers, to point out the scanner in a list of serial ports by its
 * USB vendor id. Only ids we are sure of; a scanner from another maker still works, it is just not
 * marked. Several makers share ids through acquisitions (Metrologic and Hand Held Products are Honeywell; Symbol
 * is Zebra; PSC is Datalogic; Intermec is Honeywell).
 */
export const KNOWN_SCANNER_VENDORS: ReadonlyMap<number, string> = new Map([
  [0x0536, 'Honeywell (Hand Held Products)'],
  [0x0c2e, 'Honeywell (Metrologic)'],
  [0x067e, 'Honeywell (Intermec)'],
  [0x05e0, 'Zebra (Symbol)'],
  [0x05f9, 'Datalogic (PSC)'],
  [0x080c, 'Datalogic'],
  [0x065a, 'Opticon'],
  [0x1eab, 'Newland'],
])

/**
 * The scanner maker for a USB vendor id, or null. Takes the hex text serialport reports (`"0c2e"`, `"0C2E"`,
 * `"0x0c2e"`) or a number.
 */
export function knownScannerVendor(vendorId: string | number | null | undefined): string | null {
  if (vendorId === null || vendorId === undefined) return null
  const id = typeof vendorId === 'number' ? vendorId : parseVendorId(vendorId)
  return id === null ? null : (KNOWN_SCANNER_VENDORS.get(id) ?? null)
}

function parseVendorId(text: string): number | null {
  const hex = text.trim().replace(/^0x/i, '')
  return /^[0-9a-f]{1,4}$/i.test(hex) ? Number.parseInt(hex, 16) : null
}
