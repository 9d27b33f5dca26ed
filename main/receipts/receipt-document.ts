/**
 * The one receipt description (receiptline markup) that the printer bytes, the on-screen preview and the plain text
 * are all rendered from. Pure: no I/O, no clock.
 */
import { escapeText, escapeValue, toPrintable, wrapWords } from './escape'
import { formatCalendarDate, formatDateTimeNairobi, groupTrackingNumber, maskPhone } from './mask'
import type { ReceiptColumns, ReceiptData } from './receipt-data'

export interface ReceiptPaper {
  columns: ReceiptColumns
}

/** Layout per paper width. Module/cell sizes are printer dots (203 dpi: 576 dots on 80 mm, 384 on 58 mm). */
const LAYOUT = {
  48: { label: 19, barcodeModule: 3, barcodeHeight: 80, qrCell: 6 },
  32: { label: 11, barcodeModule: 3, barcodeHeight: 72, qrCell: 5 },
} as const satisfies Record<
  ReceiptColumns,
  { label: number; barcodeModule: number; barcodeHeight: number; qrCell: number }
>

const TRACKING = /^\d{12}$/

/** One user string → escaped markup lines wrapped to `width`. */
function wrapped(text: string, width: number): string[] {
  return wrapWords(toPrintable(text), width).map(escapeText)
}

/**
 * Builds the receiptline document for an application receipt. Every user-supplied string is normalised to the
 * printable repertoire, word-wrapped to the paper and escaped, so names containing `| { } ~ _ " ^ \` … print
 * literally and never change the layout.
 * @throws RangeError when the tracking number is not 12 digits, a date is invalid or the status URL is empty.
 */
export function buildReceiptDocument(data: ReceiptData, paper: ReceiptPaper): string {
  const cols = paper.columns
  if (cols !== 48 && cols !== 32) throw new RangeError(`unsupported paper: ${String(cols)} columns`)
  if (!TRACKING.test(data.trackingNumber)) throw new RangeError('tracking number must be exactly 12 digits')
  const statusUrl = data.statusUrl.trim()
  if (statusUrl.length === 0) throw new RangeError('status URL is empty')
  const layout = LAYOUT[cols]
  const valueWidth = cols - layout.label - 1
  const out: string[] = []

  const centred = (text: string, decoration = ''): void => {
    for (const l of wrapped(text, cols)) out.push(`${decoration}${l}`)
  }
  /**
   * A two-column block: the label on the left (English and Kiswahili on one line on 80 mm paper, on two lines on
   * 58 mm), the word-wrapped value on the right.
   */
  const field = (labelEn: string, labelSw: string | null, value: string): void => {
    const oneLine = labelSw === null ? labelEn : `${labelEn} / ${labelSw}`
    const labelLines =
      oneLine.length <= layout.label ? [oneLine] : labelSw === null ? [labelEn] : [labelEn, labelSw]
    const labels = labelLines.flatMap((l) => wrapWords(l, layout.label)).map(escapeText)
    const values = wrapped(value, valueWidth)
    const rows = Math.max(labels.length, values.length)
    for (let i = 0; i < rows; i++) out.push(`|${labels[i] ?? ''} |${values[i] ?? ''} |`)
  }
  const startFields = (): void => {
    out.push(`{width:${layout.label} *}`)
  }
  const endFields = (): void => {
    out.push('{width:auto}')
  }
  const rule = (): void => {
    out.push('-')
  }

  // Header: who issued it.
  out.push('{align:center; width:auto; border:space; text:wrap}')
  centred('Huduma Kenya')
  for (const l of wrapped(data.centreName, cols)) out.push(`"^^${l}`)
  centred(
    cols === 48 ? `Centre No. / Nambari ya kituo ${data.centreNumber}` : `Centre No. ${data.centreNumber}`,
  )
  if (cols === 32) centred(`Nambari ya kituo ${data.centreNumber}`)
  rule()
  out.push('"^^Application receipt')
  out.push('Stakabadhi ya maombi')

  if (data.reprint) {
    rule()
    out.push('`"^^~REPRINT / NAKALA~')
    startFields()
    field('Reason', 'Sababu', data.reprint.reason)
    field('Reprinted', 'Tarehe ya nakala', formatDateTimeNairobi(data.reprint.at))
    endFields()
  } else if (data.copy) {
    rule()
    out.push('`"^^~COPY / NAKALA~')
  }
  rule()

  // The tracking number: large, then as a Code 128 barcode of exactly the 12 digits.
  out.push(cols === 48 ? 'Tracking number / Nambari ya ufuatiliaji' : 'Tracking number')
  if (cols === 32) out.push('Nambari ya ufuatiliaji')
  out.push(`"^^^${groupTrackingNumber(data.trackingNumber)}`)
  out.push(
    `{code:${data.trackingNumber}; option:code128,${layout.barcodeModule},${layout.barcodeHeight},nohri}`,
  )
  out.push('')
  rule()

  startFields()
  field('Service', null, data.serviceNameEn)
  field('Huduma', null, data.serviceNameSw)
  field('Phone', 'Simu', maskPhone(data.phoneE164))
  // Noun phrases and concords that say what the English says: 'Tarehe' alone is only 'date', and 'Tayari' alone
  // reads as 'ready (now)' or 'already'. See docs/KISWAHILI.md.
  field('Registered', 'Tarehe ya usajili', formatDateTimeNairobi(data.registeredAt))
  field('Ready from', 'Itakuwa tayari kuanzia', formatCalendarDate(data.expectedReady))
  endFields()
  rule()

  // How to check: configurable text, then the QR code of the status URL and the URL itself for those without a camera.
  out.push('"Check status / Fuatilia ombi')
  for (const l of wrapped(data.howToCheck, cols)) out.push(`|${l} |`)
  out.push('')
  out.push(`{code:${escapeValue(statusUrl)}; option:qrcode,${layout.qrCell},m}`)
  out.push('')
  centred(statusUrl)
  rule()

  startFields()
  field('Clerk', 'Karani', `${data.clerkName} (${data.clerkStaffNumber})`)
  field('Counter', 'Dirisha', data.workstationSlot)
  endFields()
  rule()
  centred('Keep this receipt until you collect your document.')
  centred('Hifadhi stakabadhi hii hadi upokee hati yako.')
  out.push('=')
  // No trailing newline: an empty last line would feed blank paper after the cut.
  return out.join('\n')
}
