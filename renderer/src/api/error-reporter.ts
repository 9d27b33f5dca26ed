import type { Api } from './client'

/** Reports sent from one page load at most: a render loop that throws must not flood the core (which caps too). */
const MAX_REPORTS = 50

const text = (value: unknown, max: number): string => String(value ?? '').slice(0, max)

/**
 * Sends the window's uncaught errors and rejected promises to the core's log (`diagnostics.reportError`), so the
 * diagnostics file shows what went wrong on screen too. The core masks them like every log line. A report that
 * cannot be sent is dropped: reporting must never raise an error of its own. Returns the function that stops it.
 */
export function reportWindowErrors(api: Api, target: Window = window): () => void {
  let sent = 0
  const send = (message: string, stack: string | undefined): void => {
    if (sent >= MAX_REPORTS || message.trim() === '') return
    sent++
    const where = text(target.location.pathname + target.location.hash, 300)
    api
      .call('diagnostics.reportError', {
        message: text(message, 2000),
        ...(stack ? { stack: text(stack, 8000) } : {}),
        where,
      })
      .catch(() => undefined)
  }
  const onError = (e: ErrorEvent): void => {
    const err = e.error as unknown
    send(e.message || String(err), err instanceof Error ? err.stack : undefined)
  }
  const onRejection = (e: PromiseRejectionEvent): void => {
    const reason = e.reason as unknown
    send(
      reason instanceof Error
        ? `${reason.name}: ${reason.message}`
        : `unhandled rejection: ${String(reason)}`,
      reason instanceof Error ? reason.stack : undefined,
    )
  }
  target.addEventListener('error', onError)
  target.addEventListener('unhandledrejection', onRejection)
  return () => {
    target.removeEventListener('error', onError)
    target.removeEventListener('unhandledrejection', onRejection)
  }
}
