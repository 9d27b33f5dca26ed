import { notifications } from '@mantine/notifications'
import { useEffect, useRef } from 'react'
import { api } from '../../api/client'
import { i18n } from '../../i18n/instance'
import { playFeedback } from '../../ui/feedback-sound'

export interface SerialScanHandlers {
  /**
   * A read the scanner refused (noise, too long, no line ending): the page shows the reason where the last result
   * was. Without it, a toast says so.
   */
  onRejected?: (message: string) => void
  /** The same code again inside the repeat window: the page says "same code again"; nothing is acted on. */
  onRepeat?: (code: string) => void
}

/**
 * Codes from a serial scanner go to the desk on screen; rejected reads and repeats are shown, never acted on. The
 * page holds the scanner's desk while it is open and claims it again whenever the clerk comes back to its window or
 * tab or moves into it, so with two tabs open a scan lands once, in the one being worked in.
 */
export function useSerialScans(onCode: (code: string) => void, handlers: SerialScanHandlers = {}): void {
  const latest = useRef({ onCode, handlers })
  useEffect(() => {
    latest.current = { onCode, handlers }
  })
  useEffect(() => {
    const offRead = api.on('scan.read', (d) => latest.current.onCode(d.code))
    const offRejected = api.on('scan.rejected', (d) => {
      playFeedback('error')
      const show = latest.current.handlers.onRejected
      if (show) show(d.message)
      else
        notifications.show({ color: 'red', title: i18n.t('arrivals.feedback.rejected'), message: d.message })
    })
    const offRepeated = api.on('scan.repeated', (d) => {
      const show = latest.current.handlers.onRepeat
      if (!show) return
      playFeedback('warn')
      show(d.code)
    })
    let release = api.claimDesk()
    const claimAgain = (): void => {
      const previous = release
      release = api.claimDesk()
      previous()
    }
    window.addEventListener('focus', claimAgain)
    document.addEventListener('focusin', claimAgain)
    return () => {
      window.removeEventListener('focus', claimAgain)
      document.removeEventListener('focusin', claimAgain)
      release()
      offRead()
      offRejected()
      offRepeated()
    }
  }, [])
}
