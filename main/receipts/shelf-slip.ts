import { escapeText, toPrintable } from './escape'

export interface ShelfSlipData {
  slot: string
  trackingNumber: string
  customerName: string
}

/**
 * The slip tucked into a document on arrival: the slot large, and only enough to match it to a receipt (last four
 * digits, surname initial). No name, no phone, no ID: slips lie on open shelves.
 */
export function buildShelfSlip(data: ShelfSlipData): string {
  const words = toPrintable(data.customerName).trim().split(/\s+/)
  const initial = (words[words.length - 1] ?? '?').charAt(0).toUpperCase()
  return [
    `^^^${escapeText(data.slot)}`,
    `••••${data.trackingNumber.slice(-4)}  ${escapeText(initial)}.`,
    '=',
  ].join('\n')
}
