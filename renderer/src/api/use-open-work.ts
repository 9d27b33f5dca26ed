import { useEffect } from 'react'
import type { OpenWorkKind } from '../../../common/open-work'
import { api } from './client'

/** Well inside the core's 15-minute lease (main/services/open-work.ts), so an open form never lapses. */
const RENEW_MS = 5 * 60_000

/**
 * Tells the core that this window has `what` open while `open` is true (and closed when it turns false or the page
 * goes), so an update never installs in the middle of it. Best effort: a failed report is not the clerk's problem.
 */
export function useOpenWork(what: OpenWorkKind, open: boolean): void {
  useEffect(() => {
    if (!open) return
    const report = (isOpen: boolean): void => {
      api.call('work.open', { what, open: isOpen }).catch(() => undefined)
    }
    report(true)
    const renew = setInterval(() => report(true), RENEW_MS)
    return () => {
      clearInterval(renew)
      report(false)
    }
  }, [what, open])
}
