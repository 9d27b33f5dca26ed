import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BatchDiscrepancies } from '../../../../common/contract'
import { formatNumber as n } from '../../ui/format'

/** What the manifests of the closed arrival batches missed, and what came without being on them. */
export function AgencyBatchesTable({ rows, label }: { rows: BatchDiscrepancies[]; label: string }) {
  const { t } = useTranslation()
  if (rows.length === 0) return <Text fz="lg">{t('agencies.batches.none')}</Text>
  return (
    <Table fz="md" verticalSpacing={4} striped aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('backlog.columns.agency')}</Table.Th>
          <Table.Th ta="right">{t('agencies.batches.batches')}</Table.Th>
          <Table.Th ta="right">{t('agencies.batches.onManifests')}</Table.Th>
          <Table.Th ta="right">{t('agencies.batches.received')}</Table.Th>
          <Table.Th ta="right">{t('agencies.batches.missing')}</Table.Th>
          <Table.Th ta="right">{t('agencies.batches.unannounced')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((b) => (
          <Table.Tr key={b.agency}>
            <Table.Td>{b.agency}</Table.Td>
            <Table.Td ta="right">{n(b.batches)}</Table.Td>
            <Table.Td ta="right">{n(b.expected)}</Table.Td>
            <Table.Td ta="right">{n(b.received)}</Table.Td>
            <Table.Td ta="right" fw={b.missing > 0 ? 700 : undefined}>
              {n(b.missing)}
            </Table.Td>
            <Table.Td ta="right" fw={b.unannounced > 0 ? 700 : undefined}>
              {n(b.unannounced)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
