import type { AuditCheck } from '../../../common/contract'
import { auditChainChecker } from '../../db/audit-chain'
import type { AuditQueries } from '../../db/queries/audit'
import type { Store } from '../../db/store'
import type { Clock } from '../../infra/clock'
import type { Logger } from '../../infra/logger'
import type { Session } from '../../infra/session-store'
import { runInSlices, type SliceOptions } from '../../infra/slices'

/**
 * Reads the whole audit log in id order, a page per slice (a million rows never hold the core), through the chain
 * check. The last page and the head record are read in one step, so rows written meanwhile are either checked or
 * after the head that was read.
 */
export async function checkAuditChain(
  audit: Pick<AuditQueries, 'chainPage' | 'head'>,
  opts: SliceOptions = {},
): Promise<AuditCheck> {
  const checker = auditChainChecker()
  let after = 0
  let result: AuditCheck | null = null
  await runInSlices((size) => {
    const page = audit.chainPage(after, size)
    result = checker.add(page)
    if (result) return false
    after = page.at(-1)?.id ?? after
    if (page.length === size) return true
    result = checker.end(audit.head())
    return false
  }, opts)
  if (!result) throw new Error('unreachable: the audit check ended without a result')
  return result
}

interface Deps {
  store: Store
  clock: Clock
  logger: Logger
}

/** Settings → Audit's check of the log (`audit.verify`), itself recorded in the log. */
export function createAuditService({ store, clock, logger }: Deps) {
  return {
    async verify(staff: Session): Promise<AuditCheck> {
      const result = await checkAuditChain(store.audit)
      const detail = result.ok
        ? { ok: true, rows: result.rows }
        : { ok: false, rows: result.rows, brokenAt: result.brokenAt, problem: result.problem }
      const record = () =>
        store.audit.write({
          at: clock.now(),
          staffNumber: staff.staffNumber,
          action: 'audit.checked',
          detail,
        })
      if (result.ok) record()
      else {
        try {
          record()
        } catch (err) {
          // A log without its head record cannot take the row; the finding is what was asked for.
          logger.error('the audit check could not be recorded', {
            error: err instanceof Error ? err.message : String(err),
          })
        }
      }
      return result
    },
  }
}
export type AuditService = ReturnType<typeof createAuditService>
