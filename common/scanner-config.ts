import { z } from 'zod'
import { BAUD_RATES } from './printer-config'

/**
 * Barcode scanner settings: a serial or USB virtual-COM scanner on a configurable port, baud
 * and line ending. Off by default: keyboard-mode (USB HID) scanners need no settings, they type into the scan
 * field. Every message is a sentence a person at the settings screen can act on.
 */

/** The longest code we accept from a scanner, after the prefix, suffix and AIM identifier are stripped. */
export const SCANNER_MAX_LENGTH = 64

/** What the scanner sends after each code. `none`: nothing; a pause in the bytes ends the scan. */
export const SCANNER_LINE_ENDINGS = ['CR', 'LF', 'CRLF', 'none'] as const

export const SCANNER_BAUD_RATES = BAUD_RATES

/** Printable ASCII only (0x20–0x7E): what a prefix or suffix may contain. */
const PRINTABLE = /^[\x20-\x7e]*$/

const millis = (what: string, min: number, max: number, fallback: number) =>
  z
    .number({ error: `The ${what} is a number of milliseconds` })
    .int(`The ${what} is a whole number of milliseconds`)
    .min(min, `The ${what} is at least ${min} ms`)
    .max(max, `The ${what} is at most ${max} ms`)
    .default(fallback)

const affix = (what: 'prefix' | 'suffix') =>
  z
    .string({ error: `The scanner ${what} is text, e.g. "#" (leave it empty if the scanner adds none)` })
    .max(8, `The scanner ${what} is at most 8 characters (leave it empty if the scanner adds none)`)
    .refine((s) => PRINTABLE.test(s), {
      message: `The scanner ${what} may only contain letters, digits, spaces and symbols (no control characters)`,
    })
    .default('')

const PATH_EXAMPLE = 'e.g. COM4 or /dev/ttyACM0'

export const scannerConfigSchema = z
  .strictObject(
    {
      enabled: z.boolean({ error: 'The serial scanner is on or off' }).default(false),
      /** Port path: `COM4` on Windows, `/dev/ttyACM0`, `/dev/ttyUSB0` or a `/dev/serial/by-id/…` link on Linux. */
      path: z
        .string({ error: `Enter the scanner's port, ${PATH_EXAMPLE}` })
        .trim()
        .max(1024, 'The scanner port name is too long')
        .refine((p) => !p.includes('\0'), 'The scanner port name contains an invalid character')
        .default(''),
      baudRate: z
        .number({ error: 'Choose the baud rate set on the scanner, usually 9600' })
        .refine((n) => (SCANNER_BAUD_RATES as readonly number[]).includes(n), {
          message: `The baud rate is one of ${SCANNER_BAUD_RATES.join(', ')} (as set on the scanner, usually 9600)`,
        })
        .default(9600),
      lineEnding: z
        .enum(SCANNER_LINE_ENDINGS, {
          error: 'The line ending is what the scanner sends after each code: CR, LF, CR+LF or none',
        })
        .default('CR'),
      /** With `lineEnding: 'none'`: this much silence after the last byte ends the scan. */
      interByteTimeoutMs: millis('pause that ends a scan', 20, 2000, 50),
      /** Text the scanner is programmed to send before each code; stripped. */
      prefix: affix('prefix'),
      /** Text the scanner is programmed to send after each code (before the line ending); stripped. */
      suffix: affix('suffix'),
      /** Strip AIM symbology identifiers (`]C0` Code 128, `]Q1` QR, `]E0` EAN-13, …) at the start of a scan. */
      stripAimId: z.boolean({ error: 'Removing the symbology identifier is on or off' }).default(true),
      /** The same code read again within this time is one scan (0: every read counts). */
      duplicateWindowMs: millis('repeat-scan window', 0, 10_000, 1500),
      maxLength: z
        .literal(SCANNER_MAX_LENGTH, {
          error: `The longest scan is fixed at ${SCANNER_MAX_LENGTH} characters`,
        })
        .default(SCANNER_MAX_LENGTH),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? // Two whole sentences, not a plural 's': each language says its own (common/i18n/en/validation.ts).
            iss.keys.length > 1
            ? `Unknown scanner settings: ${iss.keys.join(', ')}`
            : `Unknown scanner setting: ${iss.keys.join(', ')}`
          : 'The scanner settings are missing or not in the expected form',
    },
  )
  .superRefine((c, ctx) => {
    if (c.enabled && c.path === '')
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: `Enter the scanner's port, ${PATH_EXAMPLE}, or turn the serial scanner off`,
      })
  })

export type ScannerLineEnding = (typeof SCANNER_LINE_ENDINGS)[number]
export type ScannerConfig = z.infer<typeof scannerConfigSchema>
/** What a settings form or file may hand in: defaults filled by `parseScannerConfig`. */
export type ScannerConfigInput = z.input<typeof scannerConfigSchema>

export type ScannerConfigResult = { ok: true; config: ScannerConfig } | { ok: false; problems: string[] }

/** Validates settings; on failure every problem as a sentence a person can act on. */
export function parseScannerConfig(input: unknown): ScannerConfigResult {
  const r = scannerConfigSchema.safeParse(input)
  if (r.success) return { ok: true, config: r.data }
  return { ok: false, problems: r.error.issues.map((i) => i.message) }
}
