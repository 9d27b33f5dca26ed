import { notifications } from '@mantine/notifications'
import { useEffect, useRef } from 'react'
import { api } from '../../api/client'
import { playFeedback } from '../../ui/feedback-sound'

/** Codes from a serial scanner go to the desk on screen; rejected reads are shown, never acted on. */
export function useSerialScans(onCode: (code: string) => void): void {
  const latest = useRef(onCode)
  useEffect(() => {
    latest.current = onCode
  })
  useEffect(() => {
    const offRead = api.on('scan.read', (d) => latest.current(d.code))
    const offRejected = api.on('scan.rejected', (d) => {
      playFeedback('error')
      notifications.show({ color: 'red', title: 'Scan not accepted', message: d.message })
    })
    return () => {
      offRead()
      offRejected()
    }
  }, [])
}
