import { Badge, Group, Text, Tooltip } from '@mantine/core'
import { useEffect, useState } from 'react'
import type { AppStatus, DeviceState, StatusSnapshot } from '../../../../common/contract'
import { api } from '../../api/client'

const COLOR: Record<DeviceState, string> = {
  ready: 'green',
  'not-configured': 'gray',
  offline: 'orange',
  error: 'red',
}
const WORD: Record<DeviceState, string> = {
  ready: 'ready',
  'not-configured': 'not set up',
  offline: 'offline',
  error: 'error',
}

/** A printer with no device is the "Screen only" setting (the default), as Settings → Printer names it. */
const PRINTER_WORD: Record<DeviceState, string> = { ...WORD, 'not-configured': 'screen only' }

function Device({
  label,
  state,
  detail,
  words = WORD,
}: {
  label: string
  state: DeviceState
  detail: string
  words?: Record<DeviceState, string>
}) {
  return (
    <Tooltip label={detail}>
      <Badge
        color={COLOR[state]}
        variant="light"
        size="lg"
        radius="sm"
        aria-label={`${label}: ${words[state]}. ${detail}`}
      >
        {label}: {words[state]}
      </Badge>
    </Tooltip>
  )
}

/** Printer, scanner and sync state, pushed by the core; plus where this workstation is and the time. */
export function StatusBar({ app }: { app: AppStatus }) {
  const [status, setStatus] = useState<StatusSnapshot | null>(null)
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    api.call('status.get', {}).then(setStatus, () => undefined)
    const off = api.on('status.changed', (d) => setStatus(d.status))
    const clock = window.setInterval(() => setNow(new Date()), 15_000)
    return () => {
      off()
      window.clearInterval(clock)
    }
  }, [])
  return (
    <Group
      h="100%"
      px="md"
      justify="space-between"
      wrap="nowrap"
      role="status"
      aria-label="Device and sync status"
    >
      <Group gap="xs" wrap="nowrap">
        {status && (
          <>
            <Device label="Printer" {...status.printer} words={PRINTER_WORD} />
            <Device label="Scanner" {...status.scanner} />
            <Device label="Sync" {...status.sync} />
            {status.dataFileProblem && (
              <Tooltip label={status.dataFileProblem} multiline w={420}>
                <Badge color="red" variant="filled" size="lg" radius="sm" aria-label={status.dataFileProblem}>
                  Data file damaged: restart
                </Badge>
              </Tooltip>
            )}
            {status.staffList.stale && (
              <Tooltip label={status.staffList.detail} multiline w={360}>
                <Badge
                  color="orange"
                  variant="light"
                  size="lg"
                  radius="sm"
                  aria-label={status.staffList.detail}
                >
                  Staff list may be out of date
                </Badge>
              </Tooltip>
            )}
            {status.disk.low && (
              <Tooltip label={status.disk.detail} multiline w={360}>
                <Badge color="red" variant="filled" size="lg" radius="sm" aria-label={status.disk.detail}>
                  Disk space low
                </Badge>
              </Tooltip>
            )}
            <Text size="sm" c="dimmed">
              {status.sync.queueDepth} event{status.sync.queueDepth === 1 ? '' : 's'} waiting to send
            </Text>
          </>
        )}
      </Group>
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        Centre {app.centre?.number} · WS {app.centre?.workstationSlot} · v{app.version} ·{' '}
        {now.toLocaleString('en-GB', {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: 'Africa/Nairobi',
        })}
      </Text>
    </Group>
  )
}
