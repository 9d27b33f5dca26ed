import { useEffect } from 'react'
import { api } from '../../api/client'

const HEARTBEAT_MS = 30_000
const CHECK_MS = 5_000

/**
 * Locks the window after `idleLockMs` without keyboard or pointer input, and tells the core the person is still
 * there (at most every 30 s), so the core's own idle check agrees with what the person did.
 */
export function useIdleLock(idleLockMs: number, active: boolean): void {
  useEffect(() => {
    if (!active) return
    let last = Date.now()
    let lastBeat = 0
    const onInput = (): void => {
      last = Date.now()
      if (last - lastBeat > HEARTBEAT_MS) {
        lastBeat = last
        api.call('auth.activity', {}).catch(() => undefined)
      }
    }
    const events = ['keydown', 'pointerdown', 'wheel', 'pointermove'] as const
    for (const e of events) window.addEventListener(e, onInput, { passive: true })
    const timer = window.setInterval(() => {
      if (Date.now() - last >= idleLockMs) api.call('auth.lock', {}).catch(() => undefined)
    }, CHECK_MS)
    return () => {
      for (const e of events) window.removeEventListener(e, onInput)
      window.clearInterval(timer)
    }
  }, [idleLockMs, active])
}
