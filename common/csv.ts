/** A cell as CSV: quoted when it must be, and never read by a spreadsheet as a formula (=, +, -, @ at the start). */
function cell(value: CsvCell): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export type CsvCell = string | number | null | undefined
export type CsvRow = readonly CsvCell[]

/**
 * The app's one CSV writer: the renderer's downloads and the core's data-subject files quote alike. Callers add
 * the byte-order mark where the file is saved.
 */
export function toCsv(header: readonly string[], rows: readonly CsvRow[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
