import { Alert, Button, Group, Modal, Table, Text, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApplicationSummary } from '../../../../common/contract'
import { api } from '../../api/client'
import { formatDateTime } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { StatusBadge } from '../../ui/status-badge'
import { TrackingNumber } from '../../ui/tracking-number'
import { useDeskHotkeys } from '../../ui/use-desk-hotkeys'
import { ApplicationDrawer } from './application-drawer'

/**
 * "Is mine ready?": find by tracking number, phone, ID number, agency reference or name. F2 jumps here from any
 * field.
 */
export function SearchBar() {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<ApplicationSummary[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  // Selecting the last query lets the next one replace it as it is typed.
  const focusFind = (): void => {
    input.current?.focus()
    input.current?.select()
  }
  useDeskHotkeys([['F2', focusFind]])

  const search = async (): Promise<void> => {
    setError(null)
    try {
      const found = await api.call('application.search', { query })
      if (found.length === 1 && found[0]) setOpen(found[0].trackingNumber)
      else setResults(found)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }

  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void search()
        }}
      >
        <Group gap="xs" align="flex-start">
          <TextInput
            ref={input}
            flex={1}
            leftSection={<IconSearch size={18} />}
            placeholder={t('counter.search.placeholder')}
            aria-label={t('counter.search.label')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            error={error}
          />
          <Button type="submit" variant="light">
            {t('counter.search.submit')}
          </Button>
        </Group>
      </form>
      <Modal
        opened={results !== null}
        onClose={() => setResults(null)}
        title={t('counter.search.resultsFor', { query })}
        size="xl"
      >
        {results?.length === 0 ? (
          <Alert color="gray">{t('counter.search.nothing')}</Alert>
        ) : (
          <Table highlightOnHover verticalSpacing="sm" fz="md" aria-label={t('counter.search.results')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('counter.search.trackingNumber')}</Table.Th>
                <Table.Th>{t('counter.search.customer')}</Table.Th>
                <Table.Th>{t('counter.search.service')}</Table.Th>
                <Table.Th>{t('counter.search.registered')}</Table.Th>
                <Table.Th>{t('counter.search.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results?.map((r) => (
                <Table.Tr
                  key={r.trackingNumber}
                  style={{ cursor: 'pointer' }}
                  tabIndex={0}
                  onClick={() => setOpen(r.trackingNumber)}
                  onKeyDown={(e) => e.key === 'Enter' && setOpen(r.trackingNumber)}
                >
                  <Table.Td>
                    <TrackingNumber value={r.trackingNumber} />
                  </Table.Td>
                  <Table.Td>{r.customerName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{serviceLabel(r.serviceCode, r.serviceName)}</Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.registeredAt)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Modal>
      {open && <ApplicationDrawer trackingNumber={open} onClose={() => setOpen(null)} />}
    </>
  )
}
