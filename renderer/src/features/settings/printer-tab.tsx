import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPrinter } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterInfo, ReceiptPreview } from '../../../../common/contract'
import type { PrinterConfigInput } from '../../../../common/printer-config'
import { BAUD_RATES, printerPortProblem } from '../../../../common/printer-config'
import { api } from '../../api/client'
import { ReceiptImage } from '../../ui/receipt-image'
import { SettingScope } from '../../ui/setting-scope'
import { contractText } from '../../i18n/contract-text'

type Kind = 'none' | 'tcp' | 'serial' | 'file'

/** The contract's port rule, in the window's language. */
const portProblem = (port: number | string): string | null => {
  const problem = printerPortProblem(port)
  return problem === null ? null : contractText(problem)
}

const STATE_COLOR: Record<string, string> = { ready: 'green', 'paper-low': 'yellow', unknown: 'gray' }

/** Where receipts go: screen only (default), a network printer, a serial port or a device file; plus a test print. */
export function PrinterTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation()
  const [info, setInfo] = useState<PrinterInfo | null>(null)
  const [kind, setKind] = useState<Kind>('none')
  const [host, setHost] = useState('')
  const [port, setPort] = useState<number | string>(9100)
  const [portError, setPortError] = useState<string | null>(null)
  const [path, setPath] = useState('')
  const [baud, setBaud] = useState('9600')
  const [columns, setColumns] = useState('48')
  const [commandSet, setCommandSet] = useState<'escpos' | 'star'>('escpos')
  const [error, setError] = useState<string | null>(null)
  const [test, setTest] = useState<ReceiptPreview | null>(null)
  const [busy, setBusy] = useState(false)

  const show = (i: PrinterInfo): void => {
    setInfo(i)
    const c = i.config.connection
    setKind(c.kind)
    if (c.kind === 'tcp') {
      setHost(c.host)
      setPort(c.port)
    }
    if (c.kind === 'serial') {
      setPath(c.path)
      setBaud(String(c.baudRate))
    }
    if (c.kind === 'file') setPath(c.path)
    setColumns(String(i.config.paperColumns))
    setCommandSet(i.config.commandSet)
  }
  useEffect(() => {
    api.call('printer.get', {}).then(show, (e: Error) => setError(e.message))
  }, [])

  const connection = (): PrinterConfigInput['connection'] => {
    if (kind === 'tcp') return { kind, host, port: Number(port) }
    if (kind === 'serial') return { kind, path, baudRate: Number(baud) }
    if (kind === 'file') return { kind, path }
    return { kind: 'none' }
  }
  const save = async (): Promise<void> => {
    setError(null)
    const badPort = kind === 'tcp' ? portProblem(port) : null
    setPortError(badPort)
    if (badPort) return
    try {
      show(
        await api.call('printer.configure', {
          connection: connection(),
          paperColumns: Number(columns) as 48 | 32,
          commandSet,
        }),
      )
      notifications.show({ color: 'green', message: t('settings.printer.saved') })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const testPrint = async (): Promise<void> => {
    setBusy(true)
    try {
      const r = await api.call('printer.testPrint', {})
      setTest(r.receipt)
      notifications.show({
        color: r.printJob.status === 'failed' ? 'red' : 'green',
        message:
          r.printJob.status === 'failed'
            ? t('settings.printer.testFailed', { error: contractText(r.printJob.error ?? '') })
            : t('settings.printer.testDone', { status: r.printJob.status }),
      })
      show(await api.call('printer.get', {}))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Group align="flex-start" gap="xl">
      <Stack maw={520} flex={1}>
        <SettingScope scope="pc" />
        {info && (
          <Group>
            <Badge size="lg" color={STATE_COLOR[info.status.state] ?? 'red'}>
              {/* The same words as the status bar: a new install is "screen only", not "unknown". */}
              {t(
                `settings.printer.states.${info.config.connection.kind === 'none' ? 'screen-only' : info.status.state}`,
              )}
            </Badge>
            <Text size="sm">{contractText(info.status.detail)}</Text>
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <SegmentedControl
          disabled={!canEdit}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={[
            { value: 'none', label: t('settings.printer.screenOnly') },
            { value: 'tcp', label: t('settings.printer.network') },
            { value: 'serial', label: t('settings.printer.serial') },
            { value: 'file', label: t('settings.printer.file') },
          ]}
        />
        {kind === 'tcp' && (
          // Top-aligned: a message under the port must not push the address field down.
          <Group grow align="flex-start">
            <TextInput
              label={t('settings.printer.ip')}
              placeholder="192.168.1.50"
              value={host}
              onChange={(e) => setHost(e.currentTarget.value)}
              disabled={!canEdit}
            />
            <NumberInput
              label={t('settings.printer.port')}
              value={port}
              onChange={(v) => {
                setPort(v)
                if (portError) setPortError(portProblem(v))
              }}
              onBlur={() => setPortError(portProblem(port))}
              error={portError}
              min={1}
              max={65535}
              // Never clamp: a mistyped 99999 is shown as wrong, not saved as 65535.
              clampBehavior="none"
              allowDecimal={false}
              allowNegative={false}
              disabled={!canEdit}
            />
          </Group>
        )}
        {(kind === 'serial' || kind === 'file') && (
          <TextInput
            label={kind === 'serial' ? t('settings.printer.serialPort') : t('settings.printer.devicePath')}
            placeholder={
              kind === 'serial'
                ? t('settings.printer.serialPortPlaceholder')
                : t('settings.printer.devicePathPlaceholder')
            }
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            disabled={!canEdit}
          />
        )}
        {kind === 'serial' && (
          <Select
            label={t('settings.printer.baud')}
            data={BAUD_RATES.map(String)}
            value={baud}
            onChange={(v) => setBaud(v ?? '9600')}
            disabled={!canEdit}
          />
        )}
        {/* One per line: side by side, 'ESC/POS (Epson and compatibles)' did not fit its half at 1366×768. */}
        <Stack gap="sm">
          <Select
            label={t('settings.printer.paper')}
            data={[
              { value: '48', label: t('settings.printer.paper80') },
              { value: '32', label: t('settings.printer.paper58') },
            ]}
            value={columns}
            onChange={(v) => setColumns(v ?? '48')}
            disabled={!canEdit}
          />
          <Select
            label={t('settings.printer.type')}
            data={[
              { value: 'escpos', label: t('settings.printer.escpos') },
              { value: 'star', label: t('settings.printer.star') },
            ]}
            value={commandSet}
            onChange={(v) => setCommandSet(v === 'star' ? 'star' : 'escpos')}
            disabled={!canEdit}
          />
        </Stack>
        <Group>
          {canEdit && <Button onClick={() => void save()}>{t('settings.save')}</Button>}
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            onClick={() => void testPrint()}
            loading={busy}
          >
            {t('settings.printer.testPrint')}
          </Button>
        </Group>
      </Stack>
      {test && (
        <Stack w={360} gap="xs">
          <Text fw={600}>{t('settings.printer.testReceipt')}</Text>
          <ReceiptImage receipt={test} label={t('settings.printer.testReceipt')} />
        </Stack>
      )}
    </Group>
  )
}
