import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AboutInfo } from '../../../../common/contract'
import { api } from '../../api/client'

/** The Chromium version of the browser showing the page (the browser host), from its user agent. */
function browserChromium(): string | null {
  const m = /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)
  return m ? m[1]! : null
}

/**
 * Settings → About: every version a centre's IT officer may be asked for, where this PC keeps its data, and (for
 * administrators) the diagnostics file to send them.
 */
export function AboutTab({ canExport }: { canExport: boolean }) {
  const [about, setAbout] = useState<AboutInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { t } = useTranslation()
  useEffect(() => {
    api
      .call('about.get', {})
      .then(setAbout, (err: unknown) =>
        setError(t('settings.about.loadFailed', { why: err instanceof Error ? err.message : String(err) })),
      )
  }, [t])

  const exportDiagnostics = async (): Promise<void> => {
    setError(null)
    setBusy(true)
    try {
      const f = await api.call('diagnostics.export', {})
      const a = document.createElement('a')
      a.href = URL.createObjectURL(new Blob([f.content], { type: 'application/json' }))
      a.download = f.fileName
      a.click()
      notifications.show({
        color: 'green',
        message: t('settings.about.diagnosticsSaved', { name: f.fileName }),
      })
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setBusy(false)
    }
  }

  // In the browser host the page's own browser is the Chromium that matters, and it is named as such.
  const browser = about && !about.chromium ? browserChromium() : null
  const rows: [string, string, boolean?][] = about
    ? [
        [t('settings.about.rows.app'), about.app],
        [t('settings.about.rows.electron'), about.electron ?? t('settings.about.notElectron')],
        [
          t('settings.about.rows.chromium'),
          about.chromium ??
            (browser
              ? t('settings.about.thisBrowser', { version: browser })
              : t('settings.about.notElectron')),
        ],
        [t('settings.about.rows.node'), about.node],
        [t('settings.about.rows.sqlite'), about.sqlite],
        [t('settings.about.rows.sqlcipher'), about.sqlcipher],
        [t('settings.about.rows.schema'), String(about.schemaVersion)],
        [t('settings.about.rows.dataDir'), about.dataDir, true],
        [
          t('settings.about.rows.centre'),
          about.centre ? `${about.centre.name} (${about.centre.number})` : t('settings.about.notSetUp'),
        ],
        [t('settings.about.rows.slot'), about.centre?.workstationSlot ?? t('settings.about.notSetUp')],
        [t('settings.about.rows.platform'), about.platform],
      ]
    : []

  return (
    <Stack maw={820}>
      <Title order={4}>{t('settings.about.heading')}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {about && (
        <Table
          variant="vertical"
          layout="fixed"
          fz="md"
          withTableBorder
          aria-label={t('settings.about.heading')}
        >
          <Table.Tbody>
            {rows.map(([label, value, mono]) => (
              <Table.Tr key={label}>
                <Table.Th w={240} scope="row">
                  {label}
                </Table.Th>
                <Table.Td ff={mono ? 'monospace' : undefined} fz={mono ? 'sm' : undefined}>
                  {value}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4} mt="md">
        {t('settings.about.diagnosticsHeading')}
      </Title>
      {canExport ? (
        <>
          <Text>{t('settings.about.diagnosticsText')}</Text>
          <div>
            <Button onClick={() => void exportDiagnostics()} loading={busy}>
              {t('settings.about.diagnosticsButton')}
            </Button>
          </div>
        </>
      ) : (
        <Text c="dimmed">{t('settings.about.adminOnly')}</Text>
      )}
    </Stack>
  )
}
