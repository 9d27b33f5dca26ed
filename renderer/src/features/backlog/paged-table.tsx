import { Alert, Table, Text, type TableTdProps } from '@mantine/core'
import type { ReactNode } from 'react'
import { ListPager } from './cursor-pager'
import type { PagedList } from './use-paged-list'

/** One column of a list on screen: heading, what a row shows in it, and that cell's look where it depends on the row. */
export interface Column<T> {
  header: string
  /** Figures are right-aligned, heading and cells alike. */
  align?: 'right'
  cell: (row: T) => ReactNode
  td?: (row: T) => TableTdProps
  /** The row's action: kept at the table's right edge while a table too wide for the window scrolls under it. */
  sticky?: boolean
}

/** A sticky action cell, opaque so the columns scrolling under it do not show through. */
export const STICKY_RIGHT = {
  position: 'sticky',
  right: 0,
  backgroundColor: 'var(--mantine-color-body)',
} as const

/**
 * A cursor-paged list as a table: the error if a page failed, the rows of the page shown, an optional line when the
 * list is empty, and Previous / Next under it. Rows are keyed by tracking number: every backlog list is one of
 * documents.
 */
export function PagedTable<T extends { trackingNumber: string }>(props: {
  label: string
  columns: readonly Column<T>[]
  list: PagedList<T>
  pageSize: number
  highlightOnHover?: boolean
  /** Shown across the table when the list has no rows; without it an empty list is just the headings. */
  empty?: string
}) {
  const { list, columns } = props
  return (
    <>
      {list.error && <Alert color="red">{list.error}</Alert>}
      {/* The table scrolls inside its own box, never the page, when it is wider than the window (#layout-768). */}
      <Table.ScrollContainer minWidth={0} type="native">
        <Table
          striped
          highlightOnHover={props.highlightOnHover}
          fz="md"
          verticalSpacing={6}
          aria-label={props.label}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i} ta={c.align} style={c.sticky ? STICKY_RIGHT : undefined}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.page?.rows.map((r) => (
              <Table.Tr key={r.trackingNumber}>
                {columns.map((c, i) => (
                  <Table.Td key={i} ta={c.align} style={c.sticky ? STICKY_RIGHT : undefined} {...c.td?.(r)}>
                    {c.cell(r)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {props.empty && list.page && list.page.rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text fz="lg" c="dimmed" py="md" ta="center">
                    {props.empty}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ListPager list={list} pageSize={props.pageSize} />
    </>
  )
}
