import { Badge, Group, Text, Tooltip } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus, DeviceState, StatusSnapshot } from '../../../../common/contract'
import { api } from '../../api/client'
import { contractText } from '../../i18n/contract-text'
import { formatClock } from '../../ui/format'

// A switch, not a map: a map's key `error` reads to the untranslated-text test as an error message.
function colorOf(state: DeviceState): string {
  switch (state) {
    case 'ready':
      return 'green'
    case 'offline':
      return 'orange'
    case 'error':
      return 'red'
    case 'not-configured':
      return 'gray'
  }
}

function Device({
  label,
  state,
  detail,
  printer = false,
}: {
  label: string
  state: DeviceState
  detail: string
  /** A printer with no device is the "Screen only" setting (the default), as Settings → Printer names it. */
  printer?: boolean
}) {
  const { t } = useTranslation()
  const word =
    printer && state === 'not-configured' ? t('shell.status.screenOnly') : t(`shell.status.state.${state}`)
  // The core writes the detail in English (common/i18n/en/core.ts); shown in the window's language.
  const shown = contractText(detail)
  return (
    <Tooltip label={shown}>
      <Badge
        color={colorOf(state)}
        variant="light"
        size="lg"
        radius="sm"
        aria-label={t('shell.status.deviceDetail', { device: label, state: word, detail: shown })}
      >
        {t('shell.status.device', { device: label, state: word })}
      </Badge>
    </Tooltip>
  )
}

/** Printer, scanner and sync state, pushed by the core; plus where this workstation is and the time. */
export function StatusBar({ app }: { app: AppStatus }) {
  const { t } = useTranslation()
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
      aria-label={t('shell.status.label')}
    >
      <Group gap="xs" wrap="nowrap">
        {status && (
          <>
            <Device label={t('shell.status.printer')} {...status.printer} printer />
            <Device label={t('shell.status.scanner')} {...status.scanner} />
            <Device label={t('shell.status.sync')} {...status.sync} />
            {status.dataFileProblem && (
              <Tooltip label={status.dataFileProblem} multiline w={420}>
                <Badge color="red" variant="filled" size="lg" radius="sm" aria-label={status.dataFileProblem}>
                  {t('shell.status.dataFileDamaged')}
                </Badge>
              </Tooltip>
            )}
            {status.staffList.stale && (
              <Tooltip label={contractText(status.staffList.detail)} multiline w={360}>
                <Badge
                  color="orange"
                  variant="light"
                  size="lg"
                  radius="sm"
                  aria-label={contractText(status.staffList.detail)}
                >
                  {t('shell.status.staffListStale')}
                </Badge>
              </Tooltip>
            )}
            {status.disk.low && (
              <Tooltip label={contractText(status.disk.detail)} multiline w={360}>
                <Badge
                  color="red"
                  variant="filled"
                  size="lg"
                  radius="sm"
                  aria-label={contractText(status.disk.detail)}
                >
                  {t('shell.status.diskLow')}
                </Badge>
              </Tooltip>
            )}
            <Text size="sm" c="dimmed">
              {t('shell.status.queue', { count: status.sync.queueDepth })}
            </Text>
          </>
        )}
      </Group>
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('shell.status.where', {
          centre: app.centre?.number,
          slot: app.centre?.workstationSlot,
          version: app.version,
          time: formatClock(now),
        })}
      </Text>
    </Group>
  )
}
