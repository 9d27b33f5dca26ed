import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Page } from '../../../../common/contract'

/**
 * A cursor-paged list that starts again from page 1 whenever `key` (the filter, serialised) changes. `cursors[i]`
 * opens page i + 1, so "previous" needs no offsets.
 */
export function usePagedList<T>(key: string, fetchPage: (cursor: string | undefined) => Promise<Page<T>>) {
  // The cursors belong to the filter they were made for; a new filter starts with none.
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key,
    cursors: [undefined],
  })
  const cursors = useMemo(() => (paging.key === key ? paging.cursors : [undefined]), [paging, key])
  const [page, setPage] = useState<Page<T> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reloads, setReloads] = useState(0)

  const cursor = cursors[cursors.length - 1]
  useEffect(() => {
    let live = true
    fetchPage(cursor).then(
      (p) => {
        if (!live) return
        setPage(p)
        setError(null)
      },
      (e: Error) => {
        if (live) setError(e.message)
      },
    )
    return () => {
      live = false
    }
    // fetchPage changes with the filter, which `key` already stands for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, cursor, reloads])

  return {
    page,
    error,
    pageNumber: cursors.length,
    next: useCallback(() => {
      const nextCursor = page?.nextCursor
      if (nextCursor) setPaging({ key, cursors: [...cursors, nextCursor] })
    }, [page, key, cursors]),
    previous: useCallback(() => {
      if (cursors.length > 1) setPaging({ key, cursors: cursors.slice(0, -1) })
    }, [key, cursors]),
    reload: useCallback(() => setReloads((n) => n + 1), []),
  }
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>
