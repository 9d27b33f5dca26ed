import { Badge, Button, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReturnManifestSummary } from '../../../../common/contract'
import { formatDateTime } from '../../ui/format'

const COLOR = { open: 'blue', confirmed: 'green', cancelled: 'gray' } as const

/** Recent return manifests; an open one is reopened to print again or confirm. */
export function ReturnManifestList({
  manifests,
  onOpen,
}: {
  manifests: ReturnManifestSummary[]
  onOpen: (id: number) => void
}) {
  const { t } = useTranslation()
  if (manifests.length === 0) return <Text c="dimmed">{t('backlog.manifests.none')}</Text>
  return (
    <Table striped verticalSpacing={4} fz="md" aria-label={t('backlog.returns.manifests')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>{t('backlog.columns.number')}</Table.Th>
          <Table.Th>{t('backlog.columns.agency')}</Table.Th>
          <Table.Th w={110}>{t('backlog.breakdown.documents')}</Table.Th>
          <Table.Th w={190}>{t('backlog.manifests.prepared')}</Table.Th>
          <Table.Th w={130}>{t('backlog.manifests.status')}</Table.Th>
          <Table.Th w={100} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {manifests.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{m.id}</Table.Td>
            <Table.Td>{m.agency}</Table.Td>
            <Table.Td>{m.documents}</Table.Td>
            <Table.Td>
              {formatDateTime(m.createdAt)} · {m.createdBy}
            </Table.Td>
            <Table.Td>
              <Badge color={COLOR[m.status]} variant="light" size="lg">
                {t(`backlog.manifests.statusShort.${m.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Button size="xs" variant="default" onClick={() => onOpen(m.id)}>
                {t('backlog.manifests.open')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
