import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import type { AboutInfo } from '../../../../common/contract'
import { api } from '../../api/client'

/** Every string of this tab, in one place for the translation to come. */
const TEXT = {
  heading: 'About this app',
  rows: {
    app: 'App version',
    electron: 'Electron',
    chromium: 'Chromium',
    node: 'Node',
    sqlite: 'SQLite',
    sqlcipher: 'Encryption',
    schema: 'Database schema version',
    dataDir: 'Data folder',
    centre: 'Centre',
    slot: 'Workstation slot',
    platform: 'Operating system',
  },
  notElectron: 'not running in Electron',
  thisBrowser: (version: string) => `not running in Electron; this browser: Chromium ${version}`,
  notSetUp: 'not set up yet',
  loadFailed: (why: string) => `The versions could not be read: ${why}`,
  diagnosticsHeading: 'Diagnostics for IT',
  diagnosticsText:
    'One file with the recent logs of this PC, these versions, the settings, the printer, scanner and sync ' +
    'state and the number of events waiting to be sent. Customers’ names, phone numbers and ID numbers are ' +
    'removed, and it holds no PINs, keys or tokens. Saving it is recorded in the audit log.',
  diagnosticsButton: 'Export diagnostics',
  diagnosticsSaved: (name: string) => `Diagnostics saved to ${name}.`,
  adminOnly: 'An administrator can save a diagnostics file for IT here.',
} as const

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
  useEffect(() => {
    api
      .call('about.get', {})
      .then(setAbout, (err: unknown) =>
        setError(TEXT.loadFailed(err instanceof Error ? err.message : String(err))),
      )
  }, [])

  const exportDiagnostics = async (): Promise<void> => {
    setError(null)
    setBusy(true)
    try {
      const f = await api.call('diagnostics.export', {})
      const a = document.createElement('a')
      a.href = URL.createObjectURL(new Blob([f.content], { type: 'application/json' }))
      a.download = f.fileName
      a.click()
      notifications.show({ color: 'green', message: TEXT.diagnosticsSaved(f.fileName) })
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
        [TEXT.rows.app, about.app],
        [TEXT.rows.electron, about.electron ?? TEXT.notElectron],
        [TEXT.rows.chromium, about.chromium ?? (browser ? TEXT.thisBrowser(browser) : TEXT.notElectron)],
        [TEXT.rows.node, about.node],
        [TEXT.rows.sqlite, about.sqlite],
        [TEXT.rows.sqlcipher, about.sqlcipher],
        [TEXT.rows.schema, String(about.schemaVersion)],
        [TEXT.rows.dataDir, about.dataDir, true],
        [TEXT.rows.centre, about.centre ? `${about.centre.name} (${about.centre.number})` : TEXT.notSetUp],
        [TEXT.rows.slot, about.centre?.workstationSlot ?? TEXT.notSetUp],
        [TEXT.rows.platform, about.platform],
      ]
    : []

  return (
    <Stack maw={820}>
      <Title order={4}>{TEXT.heading}</Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {about && (
        <Table variant="vertical" layout="fixed" fz="md" withTableBorder aria-label={TEXT.heading}>
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
        {TEXT.diagnosticsHeading}
      </Title>
      {canExport ? (
        <>
          <Text>{TEXT.diagnosticsText}</Text>
          <div>
            <Button onClick={() => void exportDiagnostics()} loading={busy}>
              {TEXT.diagnosticsButton}
            </Button>
          </div>
        </>
      ) : (
        <Text c="dimmed">{TEXT.adminOnly}</Text>
      )}
    </Stack>
  )
}
