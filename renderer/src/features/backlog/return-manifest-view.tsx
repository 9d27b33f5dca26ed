import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReturnManifest } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { i18n } from '../../i18n/instance'
import { formatDateTime, formatDay, formatNumber } from '../../ui/format'
import { api } from '../../api/client'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { useServiceLabel } from '../../ui/service-names'
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
    title: i18n.t('backlog.manifest.printTitle'),
    run: async (pin) => {
      await api.call('returns.exportManifest', { manifestId, format: 'print', pin })
    },
  })
  if (confirmed) setTimeout(() => window.print(), 100)
}

/** The CSV is made from the manifest the core returned with the PIN, as it stands now. */
function manifestCsv(manifestId: number): Promise<boolean> {
  return confirmWithPin({
    title: i18n.t('backlog.manifest.csvTitle'),
    run: async (pin) => {
      downloadManifestCsv(await api.call('returns.exportManifest', { manifestId, format: 'csv', pin }))
    },
  })
}

const STATUS_COLOR = { open: 'blue', confirmed: 'green', cancelled: 'gray' } as const

function SignatureBlock({ who }: { who: string }) {
  const { t } = useTranslation()
  const lines = [
    t('backlog.manifest.sign.name'),
    t('backlog.manifest.sign.id'),
    t('backlog.manifest.sign.signature'),
    t('backlog.manifest.sign.date'),
  ]
  return (
    <div>
      <Text fw={700}>{who}</Text>
      {lines.map((l) => (
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
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const m = manifest
  const [confirming, setConfirming] = useState(false)
  const returned = m.items.filter((i) => i.outcome === 'returned').length
  return (
    <div className="return-manifest-print">
      <style>{PRINT_CSS}</style>
      <Group justify="space-between" className="no-print" mb="md">
        <Button variant="default" onClick={onBack}>
          {t('backlog.manifest.back')}
        </Button>
        <Group>
          <Button variant="default" onClick={() => void printManifest(m.id)}>
            {t('backlog.print')}
          </Button>
          <Button variant="default" onClick={() => void manifestCsv(m.id)}>
            {t('backlog.manifest.downloadCsv')}
          </Button>
          {m.status === 'open' && (
            <>
              <Button variant="subtle" color="red" onClick={onCancelManifest} disabled={busy}>
                {t('backlog.manifest.cancel')}
              </Button>
              <Button onClick={() => setConfirming(true)} disabled={busy}>
                {t('backlog.manifest.markReturned')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2}>{t('backlog.manifest.title', { id: m.id })}</Title>
            <Text size="lg">
              {t('backlog.manifest.from', { centre: m.centreName, number: m.centreNumber })} →{' '}
              <b>{m.agency}</b>
            </Text>
          </div>
          <Badge size="xl" color={STATUS_COLOR[m.status]} variant="light" className="no-print">
            {t(`backlog.manifest.status.${m.status}`)}
          </Badge>
        </Group>
        <Text>
          {t('backlog.manifest.prepared', { at: formatDateTime(m.createdAt), by: m.createdBy })}
          {m.confirmedAt !== null &&
            ` · ${t('backlog.manifest.confirmed', { at: formatDateTime(m.confirmedAt), by: m.confirmedBy ?? '' })}`}
          {' · '}
          {t('backlog.documents', { count: m.items.length, n: formatNumber(m.items.length) })}
          {m.status === 'confirmed' &&
            returned !== m.items.length &&
            ` ${t('backlog.manifest.returnedCount', { n: formatNumber(returned) })}`}
        </Text>
      </Stack>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        fz="md"
        mt="md"
        aria-label={t('backlog.manifest.table')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>{t('backlog.columns.number')}</Table.Th>
            <Table.Th w={170}>{t('backlog.columns.trackingNumber')}</Table.Th>
            <Table.Th w={130}>{t('backlog.manifest.agencyRef')}</Table.Th>
            <Table.Th>{t('backlog.columns.service')}</Table.Th>
            <Table.Th>{t('backlog.columns.customer')}</Table.Th>
            <Table.Th w={100}>{t('backlog.columns.slot')}</Table.Th>
            <Table.Th w={150}>{t('backlog.columns.collectBy')}</Table.Th>
            {m.status !== 'open' && <Table.Th w={170}>{t('backlog.manifest.outcome')}</Table.Th>}
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
              <Table.Td>{serviceLabel(i.serviceCode, i.serviceName)}</Table.Td>
              <Table.Td>{i.customerName}</Table.Td>
              <Table.Td ff="monospace">{i.shelfSlot ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(i.collectBy)}</Table.Td>
              {m.status !== 'open' && (
                <Table.Td>
                  {i.outcome === 'skipped'
                    ? t('backlog.manifest.notReturned', { reason: i.skipReason ?? '' })
                    : i.outcome
                      ? t(`backlog.manifest.itemOutcome.${i.outcome}`)
                      : '—'}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <div className="return-manifest-sign">
        <SignatureBlock who={t('backlog.manifest.releasedBy', { centre: m.centreName })} />
        <SignatureBlock who={t('backlog.manifest.receivedFor', { agency: m.agency })} />
      </div>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('backlog.manifest.confirmTitle')}
        centered
      >
        <Stack>
          <Text size="lg">
            {t('backlog.manifest.confirmSigned')}{' '}
            <b>{t('backlog.documents', { count: m.items.length, n: formatNumber(m.items.length) })}</b>.{' '}
            {t('backlog.manifest.confirmQuestion', { count: m.items.length, agency: m.agency })}
          </Text>
          <Group justify="flex-end">
            {/* Focus starts on "Not yet": marking returned cannot be undone. */}
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('backlog.manifest.notYet')}
            </Button>
            <Button
              onClick={() => {
                setConfirming(false)
                onConfirm()
              }}
            >
              {t('backlog.manifest.confirmButton', { n: formatNumber(m.items.length) })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  )
}
