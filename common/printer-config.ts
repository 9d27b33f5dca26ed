import { z } from 'zod'

/**
 * Printer settings, as saved and as typed on the settings screen. `connection.kind: 'none'` (the default) is a
 * preview-only install: receipts show on screen and can be saved, so a new install works.
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const HOST_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i

/** Why a printer host is not usable, or null when it is a valid IPv4 address or host name. */
export function hostProblem(host: string): string | null {
  if (host === '') return "Enter the printer's IP address, e.g. 192.168.1.50"
  if (/^[a-z]+:\/\//i.test(host) || host.includes('/'))
    return 'Enter only the IP address or name of the printer, without http:// or a path, e.g. 192.168.1.50'
  if (host.includes(':')) return 'Enter the port in the Port field, not after the address (e.g. 192.168.1.50)'
  if (/^[\d.]+$/.test(host))
    return IPV4.test(host)
      ? null
      : `"${host}" is not a valid IP address: four numbers from 0 to 255 separated by dots, e.g. 192.168.1.50`
  if (host.length > 253) return 'The printer name is too long (at most 253 characters)'
  const name = host.endsWith('.') ? host.slice(0, -1) : host
  if (!name.split('.').every((label) => HOST_LABEL.test(label)))
    return `"${host}" is not a valid printer name: use letters, digits, hyphens and dots, e.g. receipt-printer-1`
  return null
}

export const printerHost = z
  .string({ error: "Enter the printer's IP address, e.g. 192.168.1.50" })
  .trim()
  .superRefine((host, ctx) => {
    const problem = hostProblem(host)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

export const printerPort = z
  .number({ error: 'The printer port is a number, usually 9100' })
  .int('The printer port is a whole number, usually 9100')
  .min(1, 'The printer port is from 1 to 65535, usually 9100')
  .max(65535, 'The printer port is from 1 to 65535, usually 9100')
  .default(9100)

/**
 * Why a port typed on the settings screen cannot be saved, or null. Out-of-range ports are refused, never clamped:
 * 99999 is a typo, and quietly saving 65535 instead would send receipts nowhere.
 */
export function printerPortProblem(value: number | string): string | null {
  if (typeof value === 'string' && value.trim() === '') return 'Enter the printer port, usually 9100'
  const r = printerPort.safeParse(typeof value === 'string' ? Number(value) : value)
  return r.success
    ? null
    : (r.error.issues[0]?.message ?? 'The printer port is from 1 to 65535, usually 9100')
}

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const

const devicePath = (what: string, example: string) =>
  z
    .string({ error: `Enter the ${what}, e.g. ${example}` })
    .trim()
    .min(1, `Enter the ${what}, e.g. ${example}`)
    .max(1024, `The ${what} is too long`)
    .refine((p) => !p.includes('\0'), `The ${what} contains an invalid character`)

export const printerConnectionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({ kind: z.literal('tcp'), host: printerHost, port: printerPort }),
    z.strictObject({
      kind: z.literal('serial'),
      path: devicePath('serial port', 'COM3 or /dev/ttyUSB0'),
      baudRate: z
        .number({ error: 'Choose the baud rate set on the printer, usually 9600 or 38400' })
        .refine((n) => (BAUD_RATES as readonly number[]).includes(n), {
          message: `The baud rate is one of ${BAUD_RATES.join(', ')} (as set on the printer)`,
        })
        .default(9600),
    }),
    z.strictObject({
      kind: z.literal('file'),
      path: devicePath('printer device or share', '/dev/usb/lp0 or \\\\server\\receipts'),
    }),
  ],
  { error: 'Choose how the printer is connected: none, network (TCP), serial or device file' },
)

const millis = (what: string, min: number, max: number, fallback: number) =>
  z
    .number({ error: `The ${what} is a number of milliseconds` })
    .int(`The ${what} is a whole number of milliseconds`)
    .min(min, `The ${what} is at least ${min} ms`)
    .max(max, `The ${what} is at most ${max} ms`)
    .default(fallback)

export const printerConfigSchema = z.strictObject({
  connection: printerConnectionSchema.default({ kind: 'none' }),
  paperColumns: z
    .union([z.literal(48), z.literal(32)], {
      error: 'Paper width is 48 columns (80 mm paper) or 32 columns (58 mm paper)',
    })
    .default(48),
  commandSet: z
    .enum(['escpos', 'star'], { error: 'The printer language is ESC/POS (Epson and most others) or Star' })
    .default('escpos'),
  connectTimeoutMs: millis('connection timeout', 100, 60_000, 5_000),
  writeTimeoutMs: millis('print timeout', 100, 300_000, 15_000),
  /** How long each DLE EOT status answer may take. */
  statusTimeoutMs: millis('status timeout', 100, 10_000, 1_000),
  /** Ask the printer for cover / paper status before each job (ESC/POS only) and on status checks. */
  queryStatus: z.boolean({ error: 'Status checks are on or off' }).default(true),
})

export type PrinterConnection = z.infer<typeof printerConnectionSchema>
export type PrinterConfig = z.infer<typeof printerConfigSchema>
/** What a settings form or file may hand in: defaults filled by `parsePrinterConfig`. */
export type PrinterConfigInput = z.input<typeof printerConfigSchema>

export type PrinterConfigResult = { ok: true; config: PrinterConfig } | { ok: false; problems: string[] }

/** Validates settings; on failure every problem as a sentence a person can act on. */
export function parsePrinterConfig(input: unknown): PrinterConfigResult {
  const r = printerConfigSchema.safeParse(input)
  if (r.success) return { ok: true, config: r.data }
  return { ok: false, problems: r.error.issues.map((i) => i.message) }
}
