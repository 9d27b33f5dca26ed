import { toCsv, type CsvRow } from '../../../../common/csv'

export { toCsv, type CsvRow }

/**
 * Saves a CSV through the browser's download (the Electron window handles it the same way). Every export of the app
 * goes through here, so each one gets the byte-order mark and the same quoting.
 */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly CsvRow[]): void {
  // A byte-order mark so Excel opens UTF-8 names (Njoroge, Wanjirũ) correctly.
  const blob = new Blob(['\ufeff', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' })
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
}
