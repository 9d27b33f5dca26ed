import { Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../ui/format'
import type { PagedList } from './use-paged-list'

/**
 * Previous / next over cursor pages: the cursors of the pages seen so far are kept, so "previous" goes back
 * without the server having to count offsets.
 */
export function CursorPager(props: {
  page: number
  pageSize: number
  shown: number
  total: number
  hasNext: boolean
  onPrevious: () => void
  onNext: () => void
}) {
  const { t } = useTranslation()
  const first = props.total === 0 ? 0 : (props.page - 1) * props.pageSize + 1
  const last = (props.page - 1) * props.pageSize + props.shown
  return (
    <Group justify="space-between" mt="sm">
      <Text fz="lg" aria-live="polite">
        {t('backlog.pager.range', {
          first: formatNumber(first),
          last: formatNumber(last),
          total: formatNumber(props.total),
        })}
      </Text>
      <Group>
        <Button variant="default" size="md" disabled={props.page <= 1} onClick={props.onPrevious}>
          {t('backlog.pager.previous')}
        </Button>
        <Button variant="default" size="md" disabled={!props.hasNext} onClick={props.onNext}>
          {t('backlog.pager.next')}
        </Button>
      </Group>
    </Group>
  )
}

/** Cursor paging state: `cursors[i]` opens page i + 1 (undefined for the first page). */
export interface CursorState {
  cursors: (string | undefined)[]
}

/** The pager under a list from `usePagedList`; nothing until the first page has loaded. */
export function ListPager<T>({ list, pageSize }: { list: PagedList<T>; pageSize: number }) {
  if (!list.page) return null
  return (
    <CursorPager
      page={list.pageNumber}
      pageSize={pageSize}
      shown={list.page.rows.length}
      total={list.page.total}
      hasNext={list.page.nextCursor !== null}
      onPrevious={list.previous}
      onNext={list.next}
    />
  )
}
