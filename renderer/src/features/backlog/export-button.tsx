import { Button } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { downloadCsv, type CsvCell } from './csv-export'

/**
 * One column of a list's CSV file: its heading and the cell each row gives it. The lists make their columns when
 * the export starts, so the headings are in the language the manager works in at that moment.
 */
export interface CsvColumn<T> {
  header: string
  value: (row: T) => CsvCell
}

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
 * "Export CSV" under a list of customers' documents: every row of the filtered list. This is the one place a backlog
 * list of names and phone numbers leaves the app as a file: the PIN is asked again, and the core checks it and
 * audits the export (`fetchAll` calls the list's export method with it).
 */
export function ListExportButton<T>(props: {
  /** "Export the shelf list": the PIN dialog's title. */
  title: string
  /** Called when the export starts, so a name carrying today's date is today's. */
  fileName: () => string
  columns: () => readonly CsvColumn<T>[]
  fetchAll: (pin: string) => Promise<readonly T[]>
}) {
  const { t } = useTranslation()
  const [exporting, setExporting] = useState(false)
  const exportAll = async () => {
    setExporting(true)
    try {
      await confirmWithPin({
        title: props.title,
        run: async (pin) => {
          const rows = await props.fetchAll(pin)
          const columns = props.columns()
          downloadCsv(
            props.fileName(),
            columns.map((c) => c.header),
            rows.map((r) => columns.map((c) => c.value(r))),
          )
        },
      })
    } finally {
      setExporting(false)
    }
  }
  return <CsvButton label={t('backlog.export.csv')} loading={exporting} onClick={() => void exportAll()} />
}
