import { toCsv, type CsvCell, type CsvRow } from '../../../../common/csv'

export { toCsv, type CsvCell, type CsvRow }

/**
 * Saves a CSV through the browser's download (the Electron window handles it the same way). Every export of the app
 * goes through here, so each one gets the byte-order mark and the same quoting.
 */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly CsvRow[]): void {
  downloadText(fileName, 'text/csv;charset=utf-8', toCsv(header, rows))
}

/** Saves text the app made as a file; a CSV gets a byte-order mark so Excel opens UTF-8 names (Wanjirũ) correctly. */
export function downloadText(fileName: string, mime: string, content: string): void {
  const blob = new Blob(mime.startsWith('text/csv') ? ['\ufeff', content] : [content], { type: mime })
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}
