import {
  Alert,
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
import type { ScannerInfo, ScannerPort } from '../../../../common/contract'
import {
  SCANNER_BAUD_RATES,
  SCANNER_LINE_ENDINGS,
  type ScannerConfig,
} from '../../../../common/scanner-config'
import { api } from '../../api/client'

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
  const [ports, setPorts] = useState<ScannerPort[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.call('scanner.get', {}).then(
      (i) => {
        setInfo(i)
        setDraft(i.config)
      },
      (e: Error) => setError(e.message),
    )
    if (canEdit) api.call('scanner.ports', {}).then(setPorts, () => setPorts([]))
  }, [canEdit])
  if (!draft) return error ? <Alert color="red">{error}</Alert> : null

  const save = async (): Promise<void> => {
    setError(null)
    try {
      const i = await api.call('scanner.configure', draft)
      setInfo(i)
      setDraft(i.config)
      notifications.show({ color: 'green', message: 'Scanner settings saved.' })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const portOptions = [
    ...ports.map((p) => ({
      value: p.path,
      label: `${p.path}${p.knownScanner ? ` — ${p.knownScanner} scanner` : p.manufacturer ? ` — ${p.manufacturer}` : ''}${p.vendorId ? ` (USB ${p.vendorId}:${p.productId ?? '?'})` : ''}`,
    })),
    ...(draft.path && !ports.some((p) => p.path === draft.path)
      ? [{ value: draft.path, label: `${draft.path} (not connected now)` }]
      : []),
  ]
  return (
    <Stack maw={640}>
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
      <Select
        label="Port"
        placeholder="Choose the scanner's port"
        data={portOptions}
        value={draft.path || null}
        onChange={(v) => setDraft({ ...draft, path: v ?? '' })}
        searchable
        disabled={!canEdit}
        nothingFoundMessage="No serial ports found"
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
