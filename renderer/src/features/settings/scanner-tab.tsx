import {
  Alert,
  Autocomplete,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import type { ScannerInfo, ScannerPortList } from '../../../../common/contract'
import {
  SCANNER_BAUD_RATES,
  SCANNER_LINE_ENDINGS,
  type ScannerConfig,
} from '../../../../common/scanner-config'
import { api, ApiError } from '../../api/client'
import { SettingScope } from '../../ui/setting-scope'

const STATE_COLOR: Record<string, string> = {
  connected: 'green',
  disconnected: 'orange',
  error: 'red',
  disabled: 'gray',
}

/** The serial / USB virtual-COM scanner: which port, how it frames a read, what to strip. Keyboard scanners need none. */
export function ScannerTab({ canEdit }: { canEdit: boolean }) {
  const [info, setInfo] = useState<ScannerInfo | null>(null)
  const [draft, setDraft] = useState<ScannerConfig | null>(null)
  const [listing, setListing] = useState<ScannerPortList>({ ports: [], listError: null })
  const [error, setError] = useState<string | null>(null)
  const [pathError, setPathError] = useState<string | null>(null)
  useEffect(() => {
    api.call('scanner.get', {}).then(
      (i) => {
        setInfo(i)
        setDraft(i.config)
      },
      (e: Error) => setError(e.message),
    )
    if (canEdit)
      api
        .call('scanner.ports', {})
        .then(setListing, (e: Error) => setListing({ ports: [], listError: e.message }))
  }, [canEdit])
  // The badge follows the scanner (connecting after a save, unplugged, back), not only what was loaded.
  useEffect(
    () =>
      api.on('status.changed', () => {
        api.call('scanner.get', {}).then(setInfo, () => undefined)
      }),
    [],
  )
  if (!draft) return error ? <Alert color="red">{error}</Alert> : null

  const save = async (): Promise<void> => {
    setError(null)
    setPathError(null)
    try {
      const i = await api.call('scanner.configure', draft)
      setInfo(i)
      setDraft(i.config)
      notifications.show({ color: 'green', message: 'Scanner settings saved.' })
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      if (err instanceof ApiError && err.field === 'path') setPathError(message)
      else setError(message)
    }
  }
  const { ports, listError } = listing
  // Autocomplete options are plain values: what each port is shows in its option, looked up by path.
  const described = new Map(
    ports.map((p) => [
      p.path,
      `${p.knownScanner ? `${p.knownScanner} scanner` : (p.manufacturer ?? '')}${p.vendorId ? ` (USB ${p.vendorId}:${p.productId ?? '?'})` : ''}`,
    ]),
  )
  const saved = info?.config.path ?? ''
  if (saved && !described.has(saved)) described.set(saved, 'saved port, not connected now')
  const portHint = listError
    ? null
    : ports.length === 0
      ? 'No serial ports found: plug the scanner in, or type its port.'
      : 'Choose from the list, or type the port.'
  return (
    <Stack maw={640}>
      <SettingScope scope="pc" />
      <Group>
        <Badge size="lg" color={STATE_COLOR[info?.status?.state ?? 'disabled']}>
          {info?.status?.state ?? 'off'}
        </Badge>
        <Text size="sm">
          {info?.status?.detail ?? 'No serial scanner: keyboard-mode scanners type into the scan fields.'}
        </Text>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Switch
        label="Use a serial / USB virtual-COM scanner"
        checked={draft.enabled}
        disabled={!canEdit}
        onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
      />
      {canEdit && listError && (
        <Alert color="yellow" py="xs" title="This computer's list of serial ports could not be read">
          {`(${listError}.) The ports offered are the serial devices found in /dev; if the scanner's is not among
          them, type its port.`}
        </Alert>
      )}
      <Autocomplete
        label="Port"
        placeholder="e.g. COM4, /dev/ttyACM0 or /dev/serial/by-id/…"
        description={portHint}
        data={[...described.keys()]}
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text size="sm">{option.value}</Text>
            {described.get(option.value) && (
              <Text size="xs" c="dimmed">
                {described.get(option.value)}
              </Text>
            )}
          </Stack>
        )}
        // Every port stays in the list while one is chosen: the field is a choice as much as a search.
        filter={({ options, search }) =>
          options.some((o) => 'value' in o && o.value === search)
            ? options
            : options.filter((o) => 'value' in o && o.value.toLowerCase().includes(search.toLowerCase()))
        }
        value={draft.path}
        onChange={(v) => {
          setPathError(null)
          setDraft({ ...draft, path: v })
        }}
        error={pathError}
        disabled={!canEdit}
        spellCheck={false}
        autoComplete="off"
      />
      <Group grow>
        <Select
          label="Baud rate"
          data={SCANNER_BAUD_RATES.map(String)}
          value={String(draft.baudRate)}
          onChange={(v) => setDraft({ ...draft, baudRate: Number(v ?? 9600) as ScannerConfig['baudRate'] })}
          disabled={!canEdit}
        />
        <Select
          label="End of a read"
          data={SCANNER_LINE_ENDINGS.map((l) => ({ value: l, label: l === 'none' ? 'None (pause)' : l }))}
          value={draft.lineEnding}
          onChange={(v) => setDraft({ ...draft, lineEnding: (v ?? 'CR') as ScannerConfig['lineEnding'] })}
          disabled={!canEdit}
        />
        {draft.lineEnding === 'none' && (
          <NumberInput
            label="Pause (ms)"
            min={20}
            max={2000}
            value={draft.interByteTimeoutMs}
            onChange={(v) => setDraft({ ...draft, interByteTimeoutMs: Number(v) })}
            disabled={!canEdit}
          />
        )}
      </Group>
      <Group grow>
        <TextInput
          label="Prefix to strip"
          value={draft.prefix}
          onChange={(e) => setDraft({ ...draft, prefix: e.currentTarget.value })}
          disabled={!canEdit}
        />
        <TextInput
          label="Suffix to strip"
          value={draft.suffix}
          onChange={(e) => setDraft({ ...draft, suffix: e.currentTarget.value })}
          disabled={!canEdit}
        />
        <NumberInput
          label="Same code again counts after (ms)"
          min={0}
          max={10000}
          value={draft.duplicateWindowMs}
          onChange={(v) => setDraft({ ...draft, duplicateWindowMs: Number(v) })}
          disabled={!canEdit}
        />
      </Group>
      <Switch
        label="Strip AIM symbology identifiers (]C0, ]Q1 …)"
        checked={draft.stripAimId}
        onChange={(e) => setDraft({ ...draft, stripAimId: e.currentTarget.checked })}
        disabled={!canEdit}
      />
      {canEdit && (
        <Button w={120} onClick={() => void save()}>
          Save
        </Button>
      )}
    </Stack>
  )
}
