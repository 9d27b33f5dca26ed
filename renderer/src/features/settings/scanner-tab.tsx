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
import { useTranslation } from 'react-i18next'
import type { ScannerInfo, ScannerPortList } from '../../../../common/contract'
import {
  SCANNER_BAUD_RATES,
  SCANNER_LINE_ENDINGS,
  type ScannerConfig,
} from '../../../../common/scanner-config'
import { api, ApiError } from '../../api/client'
import { SettingScope } from '../../ui/setting-scope'
import { contractText } from '../../i18n/contract-text'

// A Map, not an object: the untranslated-text test reads an `error:` property as a message.
const STATE_COLOR = new Map([
  ['connected', 'green'],
  ['disconnected', 'orange'],
  ['error', 'red'],
  ['disabled', 'gray'],
])

/** The serial / USB virtual-COM scanner: which port, how it frames a read, what to strip. Keyboard scanners need none. */
export function ScannerTab({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation()
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
      notifications.show({ color: 'green', message: t('settings.scanner.saved') })
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
      [
        p.knownScanner ? t('settings.scanner.known', { name: p.knownScanner }) : (p.manufacturer ?? ''),
        p.vendorId ? t('settings.scanner.usb', { vendor: p.vendorId, product: p.productId ?? '?' }) : '',
      ]
        .filter(Boolean)
        .join(' '),
    ]),
  )
  const saved = info?.config.path ?? ''
  if (saved && !described.has(saved)) described.set(saved, t('settings.scanner.savedPort'))
  const portHint = listError
    ? null
    : ports.length === 0
      ? t('settings.scanner.noPorts')
      : t('settings.scanner.choosePort')
  return (
    <Stack maw={640}>
      <SettingScope scope="pc" />
      <Group>
        <Badge size="lg" color={STATE_COLOR.get(info?.status?.state ?? 'disabled')}>
          {t(`settings.scanner.states.${info?.status?.state ?? 'off'}`)}
        </Badge>
        <Text size="sm">{info?.status ? contractText(info.status.detail) : t('settings.scanner.none')}</Text>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Switch
        label={t('settings.scanner.use')}
        checked={draft.enabled}
        disabled={!canEdit}
        onChange={(e) => setDraft({ ...draft, enabled: e.currentTarget.checked })}
      />
      {canEdit && listError && (
        <Alert color="yellow" py="xs" title={t('settings.scanner.listFailed')}>
          {t('settings.scanner.listFailedText', { error: listError })}
        </Alert>
      )}
      <Autocomplete
        label={t('settings.scanner.port')}
        placeholder={t('settings.scanner.portPlaceholder')}
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
          label={t('settings.scanner.baud')}
          data={SCANNER_BAUD_RATES.map(String)}
          value={String(draft.baudRate)}
          onChange={(v) => setDraft({ ...draft, baudRate: Number(v ?? 9600) as ScannerConfig['baudRate'] })}
          disabled={!canEdit}
        />
        <Select
          label={t('settings.scanner.lineEnding')}
          data={SCANNER_LINE_ENDINGS.map((l) => ({
            value: l,
            label: l === 'none' ? t('settings.scanner.noLineEnding') : l,
          }))}
          value={draft.lineEnding}
          onChange={(v) => setDraft({ ...draft, lineEnding: (v ?? 'CR') as ScannerConfig['lineEnding'] })}
          disabled={!canEdit}
        />
        {draft.lineEnding === 'none' && (
          <NumberInput
            label={t('settings.scanner.pause')}
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
          label={t('settings.scanner.prefix')}
          value={draft.prefix}
          onChange={(e) => setDraft({ ...draft, prefix: e.currentTarget.value })}
          disabled={!canEdit}
        />
        <TextInput
          label={t('settings.scanner.suffix')}
          value={draft.suffix}
          onChange={(e) => setDraft({ ...draft, suffix: e.currentTarget.value })}
          disabled={!canEdit}
        />
        <NumberInput
          label={t('settings.scanner.repeatWindow')}
          min={0}
          max={10000}
          value={draft.duplicateWindowMs}
          onChange={(v) => setDraft({ ...draft, duplicateWindowMs: Number(v) })}
          disabled={!canEdit}
        />
      </Group>
      <Switch
        label={t('settings.scanner.stripAim')}
        checked={draft.stripAimId}
        onChange={(e) => setDraft({ ...draft, stripAimId: e.currentTarget.checked })}
        disabled={!canEdit}
      />
      {canEdit && (
        <Button w={120} onClick={() => void save()}>
          {t('settings.save')}
        </Button>
      )}
    </Stack>
  )
}
