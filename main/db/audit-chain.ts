import { createHash } from 'node:crypto'
import type { AuditCheck } from '../../common/contract'

/**
 * The audit log's hash chain (migration 0180). Each row's `hash` is SHA-256 over the previous row's hash and the
 * row's own id, time, staff number, action and detail (the stored JSON text), encoded as one JSON array so no
 * field's end can be moved into the next. `audit_head` holds the newest row's id and hash and the number of rows:
 * a chain alone cannot show that its newest rows were cut off, the head can.
 *
 * The chain shows accidental damage and a change made with an SQLite tool; someone who can rewrite the whole
 * chain and the head (they hold the database key, i.e. the PC) can hide a change, as with any unkeyed log.
 */

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64)
/** Names the encoding; a later format would start a new chain from the head of this one. */
const FORMAT = 'tms-audit-1'

export interface AuditChainRow {
  id: number
  at: number
  staff_number: string | null
  action: string
  detail: string
  hash: string | null
}

export interface AuditHead {
  last_id: number
  count: number
  hash: string
}

export function chainHash(prevHash: string, row: Omit<AuditChainRow, 'hash'>): string {
  const encoded = JSON.stringify([FORMAT, prevHash, row.id, row.at, row.staff_number, row.action, row.detail])
  return createHash('sha256').update(encoded, 'utf8').digest('hex')
}

const missingBetween = (prevId: number, id: number): string =>
  id - prevId === 2
    ? `missing: the log goes from #${prevId} to #${id}`
    : `missing, with the rows up to #${id - 1}: the log goes from #${prevId} to #${id}`

/**
 * Checks rows fed in id order, page by page, against the chain and at the end against the head. Pure: it reads
 * nothing and remembers only the last row, so a million rows cost no memory. Reports the first broken row.
 *
 * Row ids are the head's last id + 1, so a gap where the chain also breaks is a deleted row (reported by its id);
 * a row whose hash does not follow from the one before and its own content was edited, or moved from elsewhere.
 */
export function auditChainChecker() {
  let prevId = 0
  let prevHash = GENESIS_HASH
  let rows = 0
  let broken: AuditCheck | null = null
  const fail = (brokenAt: number | null, problem: string): AuditCheck =>
    (broken = { ok: false, rows, brokenAt, problem })

  return {
    /** Feeds the next rows (ids ascending); returns the break once one is found, and ignores rows after it. */
    add(page: readonly AuditChainRow[]): AuditCheck | null {
      for (const r of page) {
        if (broken) return broken
        if (r.id <= prevId) return fail(r.id, `out of order: it comes after #${prevId}`)
        if (r.hash === null) return fail(r.id, 'it has no hash (written outside the app)')
        if (chainHash(prevHash, r) !== r.hash) {
          if (r.id > prevId + 1) return fail(prevId + 1, missingBetween(prevId, r.id))
          return fail(
            r.id,
            'changed since it was written (its time, staff, action, detail or hash), or moved from another place',
          )
        }
        prevId = r.id
        prevHash = r.hash
        rows++
      }
      return broken
    },
    /** After the last row: the head must name that row and count every row. */
    end(head: AuditHead | null): AuditCheck {
      if (broken) return broken
      if (head === null) return fail(null, 'its head record (the newest id, hash and count) is missing')
      if (head.last_id > prevId)
        return fail(
          prevId + 1,
          `missing: the log ends at #${prevId} but its head record says it ends at #${head.last_id} (${head.count} rows)`,
        )
      if (head.last_id < prevId)
        return fail(
          head.last_id + 1,
          `not in the head record, which ends at #${head.last_id}: added outside the app`,
        )
      if (head.hash !== prevHash) return fail(prevId, 'its hash is not the one the head record holds')
      if (head.count !== rows)
        return fail(null, `the head record counts ${head.count} rows but the chain has ${rows}`)
      return { ok: true, rows }
    },
  }
}
