import type { PrintJobInfo } from '../../common/contract'
import type { Core } from '../../main/core/create-core'
import { toPrintJobInfo } from '../../main/services/print-service'

/**
 * The outcome of a print job as the screens learn it: the `print.job` push. Listens first and then reads the row,
 * so an outcome pushed before the call is not missed.
 */
export function printOutcome(core: Core, jobId: number): Promise<PrintJobInfo> {
  return new Promise((resolve) => {
    const off = core.hub.subscribe(`print-outcome-${jobId}`, (event, data) => {
      if (event !== 'print.job') return
      const { job } = data as { job: PrintJobInfo }
      if (job.id !== jobId) return
      off()
      resolve(job)
    })
    const row = core.store.printJobs.byId(jobId)
    if (row && row.status !== 'queued') {
      off()
      resolve(toPrintJobInfo(row))
    }
  })
}

/** Every `print.job` push from now on, in order (for asserting what happened before what). */
export function recordPrintOutcomes(core: Core): { jobs: PrintJobInfo[]; stop: () => void } {
  const jobs: PrintJobInfo[] = []
  const stop = core.hub.subscribe('print-outcomes', (event, data) => {
    if (event === 'print.job') jobs.push((data as { job: PrintJobInfo }).job)
  })
  return { jobs, stop }
}
