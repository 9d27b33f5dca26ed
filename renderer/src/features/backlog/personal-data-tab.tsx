import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconSearch, IconTrash } from '@tabler/icons-react'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SubjectRecord } from '../../../../common/contract'
import { formatKenyanMobile, normalizeKenyanMobile } from '../../../../common/phone'
import { subjectFactHeader, subjectFacts } from '../../../../common/subject-report'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { confirmWithPin } from '../../ui/confirm-pin-modal'
import { i18n, uiLanguage } from '../../i18n/instance'
import { formatDateTime, formatNumber } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'
import { StatusBadge } from '../../ui/status-badge'
import { downloadText } from './csv-export'
import { contractText } from '../../i18n/contract-text'

type By = 'idNumber' | 'phone'

/** The key as the core wants it, or what is wrong with what was typed (checked before the PIN is asked). */
function subjectKey(
  by: By,
  typed: string,
): { key: { idNumber: string } | { phone: string } } | { error: string } {
  const text = typed.trim()
  if (by === 'idNumber')
    return /^\d{6,8}$/.test(text)
      ? { key: { idNumber: text } }
      : { error: i18n.t('backlog.personal.idNumberInvalid') }
  const phone = normalizeKenyanMobile(text)
  return phone.ok ? { key: { phone: phone.e164 } } : { error: contractText(phone.message) }
}

/**
 * A customer's request under the Data Protection Act 2019 (s. 26): find everything this PC holds about their ID
 * number or phone, show it, and hand it over as a printable page and a CSV. Each step asks for the manager's PIN
 * and is audited (the audit row keeps the ID number or phone masked).
 */
export function PersonalDataTab() {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const [by, setBy] = useState<By>('idNumber')
  const [typed, setTyped] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [record, setRecord] = useState<SubjectRecord | null>(null)

  const find = (e: FormEvent) => {
    e.preventDefault()
    const k = subjectKey(by, typed)
    if ('error' in k) {
      setFieldError(k.error)
      return
    }
    setFieldError(null)
    void confirmWithPin({
      title: t('backlog.personal.findTitle'),
      description: t('backlog.personal.findDescription'),
      run: async (pin) => setRecord(await api.call('subject.find', { ...k.key, pin })),
    })
  }

  const exportFiles = (r: SubjectRecord) =>
    void confirmWithPin({
      title: t('backlog.personal.exportTitle'),
      description: t('backlog.personal.exportDescription'),
      run: async (pin) => {
        const key = r.by === 'idNumber' ? { idNumber: r.value } : { phone: r.value }
        const out = await api.call('subject.export', { ...key, pin })
        for (const f of out.files) downloadText(f.name, f.mime, f.content)
        setRecord(out.record)
        notifications.show({
          color: 'green',
          message: t('backlog.personal.saved', {
            files: out.files.map((f) => f.name).join(t('backlog.and')),
          }),
        })
      },
    })

  const erase = (r: SubjectRecord) =>
    void confirmWithPin({
      title: t('backlog.personal.eraseTitle'),
      description: t('backlog.personal.eraseDescription'),
      confirmLabel: t('backlog.personal.eraseConfirm'),
      run: async (pin) => {
        const key = r.by === 'idNumber' ? { idNumber: r.value } : { phone: r.value }
        const out = await api.call('subject.erase', { ...key, pin })
        notifications.show({
          color: out.refused.length > 0 ? 'orange' : 'green',
          message:
            t('backlog.personal.erased', {
              count: out.erased.length,
              n: formatNumber(out.erased.length),
            }) +
            (out.alreadyErased.length > 0
              ? t('backlog.personal.alreadyErased', { n: formatNumber(out.alreadyErased.length) })
              : '') +
            (out.refused.length > 0
              ? t('backlog.personal.kept', {
                  list: out.refused
                    .map((x) => `${formatTrackingNumber(x.trackingNumber)} (${x.reason})`)
                    .join(', '),
                })
              : '.'),
        })
        // What is held now: the erased applications no longer carry the ID number or phone they were found by.
        setRecord(await api.call('subject.find', { ...key, pin }))
      },
    })

  // In the window's language: the same lines the saved file holds, which is in the manager's language too.
  const facts = record ? subjectFacts(record, uiLanguage()) : []
  const shown = record
    ? record.by === 'phone'
      ? formatKenyanMobile(record.value)
      : t('backlog.personal.idShown', { id: record.value })
    : ''
  return (
    <Stack gap="md">
      <div>
        <Title order={2} fz={26}>
          {t('backlog.personal.title')}
        </Title>
        <Text c="dimmed">{t('backlog.personal.intro')}</Text>
      </div>
      <form onSubmit={find}>
        <Group align="flex-end" gap="sm">
          <SegmentedControl
            size="md"
            value={by}
            onChange={(v) => {
              setBy(v as By)
              setFieldError(null)
            }}
            data={[
              { value: 'idNumber', label: t('backlog.personal.idNumber') },
              { value: 'phone', label: t('backlog.personal.phoneNumber') },
            ]}
            aria-label={t('backlog.personal.findBy')}
          />
          <TextInput
            size="md"
            w={260}
            label={by === 'idNumber' ? t('backlog.personal.customerId') : t('backlog.personal.customerPhone')}
            placeholder={by === 'idNumber' ? '12345678' : '0712 345 678'}
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            error={fieldError}
            onChange={(e) => setTyped(e.currentTarget.value)}
          />
          <Button type="submit" size="md" leftSection={<IconSearch size={18} />}>
            {t('backlog.personal.find')}
          </Button>
        </Group>
      </form>
      {record && (
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Text fz={20} fw={700}>
              {t('backlog.personal.heldSummary', {
                shown,
                applications: t('backlog.personal.applications', {
                  count: record.applications.length,
                  n: formatNumber(record.applications.length),
                }),
                reminders: t('backlog.personal.reminders', {
                  count: record.reminders.length,
                  n: formatNumber(record.reminders.length),
                }),
              })}
            </Text>
            <Group gap="sm">
              <Button
                size="md"
                leftSection={<IconDownload size={18} />}
                onClick={() => exportFiles(record)}
                disabled={record.applications.length === 0 && record.reminders.length === 0}
              >
                {t('backlog.personal.export')}
              </Button>
              <Button
                size="md"
                color="red"
                variant="light"
                leftSection={<IconTrash size={18} />}
                onClick={() => erase(record)}
                disabled={record.applications.length === 0}
              >
                {t('backlog.personal.erase')}
              </Button>
            </Group>
          </Group>
          {record.truncated && (
            <Alert color="orange" mb="sm">
              {t('backlog.personal.truncated')}
            </Alert>
          )}
          {record.applications.length === 0 && record.reminders.length === 0 ? (
            <Text fz="lg">
              {record.by === 'phone' ? t('backlog.personal.nothingPhone') : t('backlog.personal.nothingId')}
            </Text>
          ) : (
            <>
              <Table fz="md" verticalSpacing={4} aria-label={t('backlog.personal.applicationsTable')} mb="md">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('backlog.columns.trackingNumber')}</Table.Th>
                    <Table.Th>{t('backlog.columns.service')}</Table.Th>
                    <Table.Th>{t('backlog.columns.name')}</Table.Th>
                    <Table.Th>{t('backlog.columns.phone')}</Table.Th>
                    <Table.Th>{t('backlog.personal.idNumber')}</Table.Th>
                    <Table.Th>{t('backlog.columns.registered')}</Table.Th>
                    <Table.Th>{t('backlog.manifests.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {record.applications.map((a) => (
                    <Table.Tr key={a.trackingNumber}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatTrackingNumber(a.trackingNumber)}
                      </Table.Td>
                      <Table.Td>{serviceLabel(a.serviceCode, a.serviceName)}</Table.Td>
                      <Table.Td>{a.customerName}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatKenyanMobile(a.phone)}</Table.Td>
                      <Table.Td>{a.idNumber ?? '—'}</Table.Td>
                      <Table.Td>{formatDateTime(a.registeredAt)}</Table.Td>
                      {/* A badge clips its label rather than widen its cell: the cell keeps room for it. */}
                      <Table.Td miw={190}>
                        <StatusBadge status={a.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text fz="lg" fw={700} mb={4}>
                {t('backlog.personal.everything', { count: facts.length, n: formatNumber(facts.length) })}
              </Text>
              <Table fz="sm" verticalSpacing={3} striped aria-label={t('backlog.personal.everythingTable')}>
                <Table.Thead>
                  <Table.Tr>
                    {subjectFactHeader(uiLanguage()).map((h) => (
                      <Table.Th key={h}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {facts.map((row, i) => (
                    <Table.Tr key={i}>
                      {row.map((c, j) => (
                        <Table.Td key={j} style={j < 3 ? { whiteSpace: 'nowrap' } : undefined}>
                          {c}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Paper>
      )}
    </Stack>
  )
}
