/**
 * The one receipt description (receiptline markup) that the printer bytes, the on-screen preview and the plain text
 * are all rendered from. Pure: no I/O, no clock.
 */
import { createI18n } from '../../common/i18n'
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
  // Every label prints in both languages (common/i18n/{en,sw}/receipt.ts), the customer's first: `first` is the
  // customer's language, `second` the other, so an English customer's receipt is byte for byte what it always was.
  const i18n = createI18n()
  const kiswahiliFirst = data.language === 'sw'
  const first = i18n.getFixedT(kiswahiliFirst ? 'sw' : 'en')
  const second = i18n.getFixedT(kiswahiliFirst ? 'en' : 'sw')
  const valueWidth = cols - layout.label - 1
  const out: string[] = []

  const centred = (text: string, decoration = ''): void => {
    for (const l of wrapped(text, cols)) out.push(`${decoration}${l}`)
  }
  /**
   * A two-column block: the label on the left (both languages on one line on 80 mm paper, on two lines on 58 mm),
   * the word-wrapped value on the right.
   */
  const field = (labelFirst: string, labelSecond: string | null, value: string): void => {
    const oneLine = labelSecond === null ? labelFirst : `${labelFirst} / ${labelSecond}`
    const labelLines =
      oneLine.length <= layout.label
        ? [oneLine]
        : labelSecond === null
          ? [labelFirst]
          : [labelFirst, labelSecond]
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
  const centreNoFirst = first('receipt.centreNo')
  const centreNoSecond = second('receipt.centreNo')
  centred(
    cols === 48
      ? `${centreNoFirst} / ${centreNoSecond} ${data.centreNumber}`
      : `${centreNoFirst} ${data.centreNumber}`,
  )
  if (cols === 32) centred(`${centreNoSecond} ${data.centreNumber}`)
  rule()
  out.push(`"^^${escapeText(first('receipt.title'))}`)
  out.push(escapeText(second('receipt.title')))

  if (data.reprint) {
    rule()
    out.push(`\`"^^~${escapeText(`${first('receipt.reprint')} / ${second('receipt.reprint')}`)}~`)
    startFields()
    field(first('receipt.reason'), second('receipt.reason'), data.reprint.reason)
    field(first('receipt.reprinted'), second('receipt.reprinted'), formatDateTimeNairobi(data.reprint.at))
    endFields()
  } else if (data.copy) {
    rule()
    out.push(`\`"^^~${escapeText(`${first('receipt.copy')} / ${second('receipt.copy')}`)}~`)
  }
  rule()

  // The tracking number: large, then as a Code 128 barcode of exactly the 12 digits.
  const trackingFirst = escapeText(first('receipt.trackingNumber'))
  const trackingSecond = escapeText(second('receipt.trackingNumber'))
  out.push(cols === 48 ? `${trackingFirst} / ${trackingSecond}` : trackingFirst)
  if (cols === 32) out.push(trackingSecond)
  out.push(`"^^^${groupTrackingNumber(data.trackingNumber)}`)
  out.push(
    `{code:${data.trackingNumber}; option:code128,${layout.barcodeModule},${layout.barcodeHeight},nohri}`,
  )
  out.push('')
  rule()

  startFields()
  const [firstService, secondService] = kiswahiliFirst
    ? [data.serviceNameSw, data.serviceNameEn]
    : [data.serviceNameEn, data.serviceNameSw]
  field(first('receipt.service'), null, firstService)
  field(second('receipt.service'), null, secondService)
  field(first('receipt.phone'), second('receipt.phone'), maskPhone(data.phoneE164))
  // Noun phrases and concords that say what the English says: 'Tarehe' alone is only 'date', and 'Tayari' alone
  // reads as 'ready (now)' or 'already'. See docs/KISWAHILI.md.
  field(first('receipt.registered'), second('receipt.registered'), formatDateTimeNairobi(data.registeredAt))
  field(first('receipt.readyFrom'), second('receipt.readyFrom'), formatCalendarDate(data.expectedReady))
  endFields()
  rule()

  // How to check: configurable text, then the QR code of the status URL and the URL itself for those without a camera.
  out.push(`"${escapeText(`${first('receipt.checkStatus')} / ${second('receipt.checkStatus')}`)}`)
  for (const l of wrapped(data.howToCheck, cols)) out.push(`|${l} |`)
  out.push('')
  out.push(`{code:${escapeValue(statusUrl)}; option:qrcode,${layout.qrCell},m}`)
  out.push('')
  centred(statusUrl)
  rule()

  startFields()
  field(first('receipt.clerk'), second('receipt.clerk'), `${data.clerkName} (${data.clerkStaffNumber})`)
  field(first('receipt.counter'), second('receipt.counter'), data.workstationSlot)
  endFields()
  rule()
  centred(first('receipt.keep'))
  centred(second('receipt.keep'))
  out.push('=')
  // No trailing newline: an empty last line would feed blank paper after the cut.
  return out.join('\n')
}
