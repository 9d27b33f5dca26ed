import type { PrintJobInfo } from './contract'

/**
 * `PrintJobInfo.printer` of a job made with no printer set up: a fixed English token (stored, audited and sent as
 * it always was), which the window shows in its own language.
 */
export const PREVIEW_PRINTER = 'screen preview'

/**
 * Whether printing a failed receipt again must say COPY on the paper: the failed attempt may have left paper (bytes
 * had started to go out), or was itself a copy. A job refused before any byte was sent left nothing, so printing
 * again gives the customer their one original. Reprints already say REPRINT. The core decides with this and the
 * counter's button is worded with it ("Print a copy" / "Print again"), so the button and the paper agree.
 */
export function retryPrintsCopy(job: Pick<PrintJobInfo, 'kind' | 'copy' | 'mayHavePrinted'>): boolean {
  return job.kind === 'receipt' && (job.copy || job.mayHavePrinted)
}
