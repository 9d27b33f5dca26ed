import type {
  CallListExport,
  ManifestExport,
  OverdueExport,
  Page,
  ShelfExport,
} from '../../../common/contract'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { Session } from '../../infra/session-store'
import { yieldToLoop } from '../../infra/slices'
import type { ManagerService } from '../manager'
import type { ShelfListInput } from '../manager/backlog-service'
import type { ReturnService } from '../returns/return-service'

/** The most rows one export carries (what the CSV buttons read before the PIN was asked). */
export const EXPORT_MAX_ROWS = 50_000
const EXPORT_PAGE = 500

interface Deps {
  store: Store
  clock: Clock
  manager: ManagerService
  returns: ReturnService
}

/**
 * The exports that take customers' names and phones out of the app: the shelf list, the call list, the overdue list
 * and a return manifest. The caller has confirmed the PIN first (`auth.confirmPin`); each export then reads through
 * the same audited list the screen shows and writes one row saying who exported what and how many rows — never the
 * rows themselves.
 */
export function createPersonalExports({ store, clock, manager, returns }: Deps) {
  /** Every page of a list, giving the loop back between pages so the desks keep answering. */
  async function allPages<T>(
    read: (cursor: string | undefined, limit: number) => Page<T>,
  ): Promise<{ rows: T[]; truncated: boolean }> {
    const rows: T[] = []
    let cursor: string | undefined
    for (;;) {
      const p = read(cursor, Math.min(EXPORT_PAGE, EXPORT_MAX_ROWS - rows.length))
      rows.push(...p.rows)
      cursor = p.nextCursor ?? undefined
      if (!cursor) return { rows, truncated: false }
      if (rows.length >= EXPORT_MAX_ROWS) return { rows, truncated: true }
      await yieldToLoop()
    }
  }

  const audit = (staff: Session, action: string, detail: Record<string, unknown>): void => {
    store.tx(() => store.audit.write({ at: clock.now(), staffNumber: staff.staffNumber, action, detail }))
  }

  return {
    async shelf(filter: Omit<ShelfListInput, 'cursor' | 'limit'>, staff: Session): Promise<ShelfExport> {
      const r = await allPages((cursor, limit) =>
        manager.backlog.list({ ...filter, limit, ...(cursor ? { cursor } : {}) }, staff),
      )
      audit(staff, 'backlog.export', { kind: 'shelf', filter, rows: r.rows.length, truncated: r.truncated })
      return r
    },

    async callList(filter: { notCalled: boolean }, staff: Session): Promise<CallListExport> {
      const r = await allPages((cursor, limit) =>
        manager.backlog.callList({ ...filter, limit, ...(cursor ? { cursor } : {}) }, staff),
      )
      audit(staff, 'backlog.exportCallList', {
        kind: 'call list',
        filter,
        rows: r.rows.length,
        truncated: r.truncated,
      })
      return r
    },

    async overdue(
      filter: { serviceCode?: string | undefined; agency?: string | undefined },
      staff: Session,
    ): Promise<OverdueExport> {
      const r = await allPages((cursor, limit) =>
        manager.overdue.list({ ...filter, limit, ...(cursor ? { cursor } : {}) }, staff),
      )
      audit(staff, 'overdue.export', { kind: 'overdue', filter, rows: r.rows.length, truncated: r.truncated })
      return r
    },

    manifest(manifestId: number, format: 'print' | 'csv', staff: Session): ManifestExport {
      const m = returns.manifest(manifestId, staff)
      audit(staff, 'returns.exportManifest', {
        kind: 'return manifest',
        format,
        manifestId,
        rows: m.items.length,
      })
      return m
    },
  }
}
export type PersonalExports = ReturnType<typeof createPersonalExports>
