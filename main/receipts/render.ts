/**
 * Renders one receiptline document three ways: printer bytes, an SVG preview and plain text. All three go through
 * receiptline's own parser and layout with the same columns and encoding, so what the clerk sees is what prints.
 */
import { commands, transform } from 'receiptline'
import type { BaseCommand, Printer } from 'receiptline'
import type { ReceiptData } from './receipt-data'
import { buildReceiptDocument } from './receipt-document'
import type { ReceiptPaper } from './receipt-document'

/** Printer families we drive. */
export type PrinterCommandSet = 'escpos' | 'star' | 'generic'

export interface RenderOptions extends ReceiptPaper {
  /** Defaults to `escpos`. */
  printer?: PrinterCommandSet
}

/**
 * receiptline command sets: `escpos` for Epson TM and compatibles, `starsbcs` (StarPRNT, single-byte code pages —
 * `starmbcs` is the Japanese variant) for Star, `generic` for ESC/POS clones that lack Epson's newer commands.
 */
export const RECEIPTLINE_COMMAND_SET = {
  escpos: 'escpos',
  star: 'starsbcs',
  generic: 'generic',
} as const satisfies Record<PrinterCommandSet, keyof typeof commands>

/**
 * `multilingual` switches code page per character (cp437 / cp1252 / …) with ESC t, so `•` and Latin-1 letters print.
 * It is also what the preview and text use for measuring, so widths agree everywhere.
 */
const ENCODING = 'multilingual'

function base(columns: ReceiptPaper['columns']): Printer {
  // cutting: false — the document ends with its own `=` cut line (drawn in the preview too); receiptline would
  // otherwise add a second cut on close.
  return { cpl: columns, encoding: ENCODING, spacing: true, cutting: false, gradient: false }
}

/** Printer bytes for the given printer family (cp1252/cp437 text, Code 128 via GS k, QR as a raster image). */
export function renderEscPos(doc: string, opts: RenderOptions): Buffer {
  const command = RECEIPTLINE_COMMAND_SET[opts.printer ?? 'escpos']
  return Buffer.from(transform(doc, { ...base(opts.columns), command }), 'latin1')
}

/**
 * The on-screen preview: a self-contained `<svg>` element, 12 px per column (576 px wide for 48 columns), transparent
 * background. receiptline adds a CSS `@import` of Google Fonts (Courier Prime); we strip it so showing a receipt never
 * touches the network — the font stack falls back to Courier New / the system monospace.
 */
export function renderSvg(doc: string, opts: ReceiptPaper): string {
  return transform(doc, { ...base(opts.columns), command: 'svg' }).replace(
    /<style type="text\/css"><!\[CDATA\[@import url\([^)]*\);\]\]><\/style>/g,
    '',
  )
}

interface TextState {
  left: number
  width: number
  alignment: number
  position: number
  scale: number
  buffer: { data: string; index: number; length: number }[]
}

/**
 * receiptline's `text` command set, adjusted for reading rather than for mimicking paper:
 * - enlarged text is written at normal size, centred in the space it takes on paper (receiptline spaces it out:
 *   `0 4 2 1`), so the line is the same width as on paper and still says `0421 0738 5192`;
 * - barcodes and QR codes, which receiptline's text output drops, become a one-line placeholder (`[Code 128:
 *   042107385192]`, `[QR code]`) aligned as on paper, truncated to the print area;
 * - a paper cut becomes a line of `=`.
 */
function textCommands(columns: number): BaseCommand {
  const t = commands.text
  const placeholder = function (this: TextState, label: string): string {
    const s = label.length > this.width ? label.slice(0, this.width) : label
    const pad = Math.floor(((this.width - s.length) * this.alignment) / 2)
    return `${' '.repeat(this.left + pad)}${s}\n`
  }
  return {
    ...t,
    width: columns,
    alignment: 1,
    area(this: TextState, left: number, width: number, _right: number): string {
      this.left = left
      this.width = width
      return ''
    },
    align(this: TextState, align: number): string {
      this.alignment = align
      return ''
    },
    text(this: TextState & BaseCommand, text: string, encoding: Printer['encoding']): string {
      const chars = this.arrayFrom(text, encoding ?? ENCODING)
      const natural = this.measureText(text, encoding ?? ENCODING)
      const length = natural * this.scale
      const before = Math.floor((length - natural) / 2)
      const data = ' '.repeat(before) + chars.join('') + ' '.repeat(length - natural - before)
      this.buffer.push({ data, index: this.position, length })
      this.position += length
      return ''
    },
    barcode(this: TextState, symbol: { data: string; type: string }): string {
      const name = symbol.type === 'code128' ? 'Code 128' : symbol.type.toUpperCase()
      return placeholder.call(this, `[${name}: ${symbol.data}]`)
    },
    qrcode(this: TextState): string {
      return placeholder.call(this, '[QR code]')
    },
    cut(): string {
      return `${'='.repeat(columns)}\n`
    },
  } as BaseCommand
}

/** Plain text, one line per printed line (trailing spaces trimmed), no line longer than the column count. */
export function renderText(doc: string, opts: ReceiptPaper): string {
  return transform(doc, { ...base(opts.columns), command: textCommands(opts.columns) })
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
}

export interface RenderedReceipt {
  escpos: Buffer
  svg: string
  text: string
}

/** Builds the receipt document once and renders it for the printer, the screen and as text. */
export function renderReceipt(data: ReceiptData, opts: RenderOptions): RenderedReceipt {
  const doc = buildReceiptDocument(data, { columns: opts.columns })
  return {
    escpos: renderEscPos(doc, opts),
    svg: renderSvg(doc, opts),
    text: renderText(doc, opts),
  }
}
