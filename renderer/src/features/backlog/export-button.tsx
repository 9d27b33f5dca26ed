import { Button } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import type { Page } from '../../../../common/contract'
import { downloadCsv, type CsvCell } from './csv-export'
import { allRows } from './use-paged-list'

/** One column of a list's CSV file: its heading and the cell each row gives it. */
export interface CsvColumn<T> {
  header: string
  value: (row: T) => CsvCell
}

/** How many rows one request of an export asks for: the whole list is fetched, not just the page on screen. */
const EXPORT_PAGE_SIZE = 500

/** The download button every backlog export shows (the list's rows, or the figures above it). */
export function CsvButton(props: { label: string; loading?: boolean; onClick: () => void }) {
  return (
    <Button
      variant="light"
      size="md"
      leftSection={<IconDownload size={18} />}
      loading={props.loading}
      onClick={props.onClick}
    >
      {props.label}
    </Button>
  )
}

/**
 * "Export CSV" under a list of customers' documents: every row of the filtered list, page by page. This is the one
 * place a backlog list of names and phone numbers leaves the app as a file, so whatever must happen first (asking
 * for the PIN again) goes at the top of `exportAll`.
 */
export function ListExportButton<T>(props: {
  /** Called when the export starts, so a name carrying today's date is today's. */
  fileName: () => string
  columns: readonly CsvColumn<T>[]
  fetchPage: (cursor: string | undefined, limit: number) => Promise<Page<T>>
}) {
  const [exporting, setExporting] = useState(false)
  const exportAll = async () => {
    setExporting(true)
    try {
      const rows = await allRows((cursor) => props.fetchPage(cursor, EXPORT_PAGE_SIZE))
      downloadCsv(
        props.fileName(),
        props.columns.map((c) => c.header),
        rows.map((r) => props.columns.map((c) => c.value(r))),
      )
    } finally {
      setExporting(false)
    }
  }
  return <CsvButton label="Export CSV" loading={exporting} onClick={() => void exportAll()} />
}
