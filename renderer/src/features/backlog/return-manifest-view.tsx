import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { ReturnManifest } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { formatDateTime, formatDay, plural } from '../../ui/format'
import { api } from '../../api/client'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { downloadManifestCsv } from './return-manifest-csv'

/** Only the manifest goes to paper: everything else on the page is hidden while printing. */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .return-manifest-print, .return-manifest-print * { visibility: visible !important; }
  .return-manifest-print { position: absolute; left: 0; top: 0; width: 100%; padding: 0 8mm; }
  .return-manifest-print .no-print { display: none !important; }
  .return-manifest-print table { font-size: 11pt; }
  @page { size: A4; margin: 12mm; }
}
.return-manifest-sign { display: grid; grid-template-columns: 1fr 1fr; gap: 32px; margin-top: 28px; }
.return-manifest-line { border-bottom: 1px solid #222; height: 34px; }
`

/** Printing takes the customers' names out of the app: the PIN first, then the print once the dialog has gone. */
async function printManifest(manifestId: number): Promise<void> {
  const confirmed = await confirmWithPin({
    title: 'Print the return manifest',
    run: async (pin) => {
      await api.call('returns.exportManifest', { manifestId, format: 'print', pin })
    },
  })
  if (confirmed) setTimeout(() => window.print(), 100)
}

/** The CSV is made from the manifest the core returned with the PIN, as it stands now. */
function manifestCsv(manifestId: number): Promise<boolean> {
  return confirmWithPin({
    title: 'Save the return manifest as CSV',
    run: async (pin) => {
      downloadManifestCsv(await api.call('returns.exportManifest', { manifestId, format: 'csv', pin }))
    },
  })
}

const STATUS = {
  open: { color: 'blue', label: 'Open: waiting for the courier’s signature' },
  confirmed: { color: 'green', label: 'Returned' },
  cancelled: { color: 'gray', label: 'Cancelled' },
} as const

function SignatureBlock({ who }: { who: string }) {
  return (
    <div>
      <Text fw={700}>{who}</Text>
      {['Name', 'ID / staff number', 'Signature', 'Date'].map((l) => (
        <div key={l}>
          <div className="return-manifest-line" />
          <Text size="sm" c="dimmed">
            {l}
          </Text>
        </div>
      ))}
    </div>
  )
}

/**
 * The printable return manifest: centre, agency, every document with its slot, and signature lines for the
 * centre and the agency's courier. Print, CSV, and — once signed — "Mark returned".
 */
export function ReturnManifestView({
  manifest,
  onConfirm,
  onCancelManifest,
  onBack,
  busy,
}: {
  manifest: ReturnManifest
  onConfirm: () => void
  onCancelManifest: () => void
  onBack: () => void
  busy: boolean
}) {
  const m = manifest
  const [confirming, setConfirming] = useState(false)
  const returned = m.items.filter((i) => i.outcome === 'returned').length
  return (
    <div className="return-manifest-print">
      <style>{PRINT_CSS}</style>
      <Group justify="space-between" className="no-print" mb="md">
        <Button variant="default" onClick={onBack}>
          ← Back to the return list
        </Button>
        <Group>
          <Button variant="default" onClick={() => void printManifest(m.id)}>
            Print
          </Button>
          <Button variant="default" onClick={() => void manifestCsv(m.id)}>
            Download CSV
          </Button>
          {m.status === 'open' && (
            <>
              <Button variant="subtle" color="red" onClick={onCancelManifest} disabled={busy}>
                Cancel manifest
              </Button>
              <Button onClick={() => setConfirming(true)} disabled={busy}>
                Mark returned…
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2}>Return manifest No. {m.id}</Title>
            <Text size="lg">
              {m.centreName} (centre {m.centreNumber}) → <b>{m.agency}</b>
            </Text>
          </div>
          <Badge size="xl" color={STATUS[m.status].color} variant="light" className="no-print">
            {STATUS[m.status].label}
          </Badge>
        </Group>
        <Text>
          Prepared {formatDateTime(m.createdAt)} by {m.createdBy}
          {m.confirmedAt !== null &&
            ` · returned ${formatDateTime(m.confirmedAt)}, confirmed by ${m.confirmedBy ?? ''}`}
          {' · '}
          {plural(m.items.length, 'document')}
          {m.status === 'confirmed' && returned !== m.items.length && ` (${returned} returned)`}
        </Text>
      </Stack>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        fz="md"
        mt="md"
        aria-label="Manifest documents"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>No.</Table.Th>
            <Table.Th w={170}>Tracking number</Table.Th>
            <Table.Th w={130}>Agency ref.</Table.Th>
            <Table.Th>Service</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th w={100}>Slot</Table.Th>
            <Table.Th w={150}>Collect by</Table.Th>
            {m.status !== 'open' && <Table.Th w={170}>Outcome</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {m.items.map((i, n) => (
            <Table.Tr key={i.trackingNumber}>
              <Table.Td>{n + 1}</Table.Td>
              <Table.Td ff="monospace" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {formatTrackingNumber(i.trackingNumber)}
              </Table.Td>
              <Table.Td ff="monospace">{i.agencyRef ?? '—'}</Table.Td>
              <Table.Td>{i.serviceName}</Table.Td>
              <Table.Td>{i.customerName}</Table.Td>
              <Table.Td ff="monospace">{i.shelfSlot ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(i.collectBy)}</Table.Td>
              {m.status !== 'open' && (
                <Table.Td>
                  {i.outcome === 'skipped' ? `Not returned: ${i.skipReason ?? ''}` : (i.outcome ?? '—')}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div className="return-manifest-sign">
        <SignatureBlock who={`Released by ${m.centreName}`} />
        <SignatureBlock who={`Received for ${m.agency}`} />
      </div>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Mark returned" centered>
        <Stack>
          <Text size="lg">
            The courier has signed for <b>{plural(m.items.length, 'document')}</b>. Mark{' '}
            {m.items.length === 1 ? 'it' : 'them'} returned to {m.agency} and clear{' '}
            {m.items.length === 1 ? 'its shelf slot' : 'their shelf slots'}?
          </Text>
          <Group justify="flex-end">
            {/* Focus starts on "Not yet": marking returned cannot be undone. */}
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              Not yet
            </Button>
            <Button
              onClick={() => {
                setConfirming(false)
                onConfirm()
              }}
            >
              Mark {m.items.length} returned
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  )
}
