import { Alert, Button, Group, Select, Table, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditCheck, AuditEntry } from '../../../../common/contract'
import { parseTrackingNumber } from '../../../../common/tracking-number'
import { api } from '../../api/client'
import { contractText } from '../../i18n/contract-text'
import { formatDateTime, formatNumber } from '../../ui/format'
import { AUDIT_ACTIONS, auditActionLabel, auditDetailText, type AuditAction } from './audit-labels'

/**
 * "Check the audit log": the core reads every row through the hash chain and the head record (a large log takes a
 * while, in slices) and names the first broken row; the check itself goes in the log.
 */
function AuditCheckButton() {
  const { t } = useTranslation()
  const [checking, setChecking] = useState(false)
  const [result, setResult] = useState<AuditCheck | null>(null)
  const [error, setError] = useState<string | null>(null)
  const check = () => {
    setChecking(true)
    setError(null)
    setResult(null)
    api
      .call('audit.verify', {})
      .then(setResult, (e: Error) => setError(e.message))
      .finally(() => setChecking(false))
  }
  return (
    <>
      <Group mb="sm">
        <Button variant="light" onClick={check} loading={checking}>
          {t('settings.audit.check')}
        </Button>
      </Group>
      {result && (
        <Alert color={result.ok ? 'green' : 'red'} role={result.ok ? 'status' : 'alert'} mb="sm">
          {result.ok
            ? t('settings.audit.intact', { rows: formatNumber(result.rows) })
            : result.brokenAt === null
              ? t('settings.audit.broken', { problem: result.problem })
              : t('settings.audit.brokenAt', { row: result.brokenAt, problem: result.problem })}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
    </>
  )
}

/**
 * The newest audit entries, filtered by staff number, action, Nairobi date range and tracking number (as printed,
 * spaces allowed). Filters apply as they are typed; a half-typed tracking number waits until it is complete.
 */
export function AuditTab() {
  const { t } = useTranslation()
  const [entries, setEntries] = useState<AuditEntry[]>([])
  const [staffNumber, setStaffNumber] = useState('')
  const [action, setAction] = useState<string | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [tracking, setTracking] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [staffFilter] = useDebouncedValue(staffNumber.trim(), 300)
  const [trackingText] = useDebouncedValue(tracking.trim(), 300)
  const parsed = trackingText === '' ? null : parseTrackingNumber(trackingText)
  const trackingFilter = parsed?.ok ? parsed.value : null
  const trackingProblem = parsed && !parsed.ok ? contractText(parsed.message) : null

  useEffect(() => {
    if (trackingProblem) return
    api
      .call('audit.list', {
        limit: 200,
        ...(staffFilter.length >= 3 ? { staffNumber: staffFilter } : {}),
        ...(action ? { action } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(trackingFilter ? { trackingNumber: trackingFilter } : {}),
      })
      .then(
        (list) => {
          setEntries(list)
          setError(null)
        },
        (e: Error) => {
          setEntries([])
          setError(e.message)
        },
      )
  }, [staffFilter, action, from, to, trackingFilter, trackingProblem])
  return (
    <>
      <AuditCheckButton />
      <Group mb="sm" align="flex-start">
        <TextInput
          label={t('settings.audit.staffNumber')}
          value={staffNumber}
          onChange={(e) => setStaffNumber(e.currentTarget.value)}
          w={160}
        />
        <Select
          label={t('settings.audit.action')}
          data={(Object.keys(AUDIT_ACTIONS) as AuditAction[]).map((a) => ({
            value: a,
            label: auditActionLabel(a),
          }))}
          value={action}
          onChange={setAction}
          clearable
          searchable
          w={250}
        />
        <TextInput
          label={t('settings.audit.from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
        />
        <TextInput
          label={t('settings.audit.to')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={170}
        />
        <TextInput
          label={t('settings.audit.trackingNumber')}
          value={tracking}
          onChange={(e) => setTracking(e.currentTarget.value)}
          error={trackingProblem}
          styles={{ input: { fontFamily: 'monospace' } }}
          w={210}
        />
      </Group>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      <Table striped verticalSpacing="xs" fz="sm" aria-label={t('settings.audit.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>{t('settings.audit.when')}</Table.Th>
            <Table.Th w={130}>{t('settings.audit.staff')}</Table.Th>
            <Table.Th w={200}>{t('settings.audit.action')}</Table.Th>
            <Table.Th>{t('settings.audit.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDateTime(e.at)}</Table.Td>
              <Table.Td ff="monospace">{e.staffNumber ?? '—'}</Table.Td>
              <Table.Td>{auditActionLabel(e.action)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{auditDetailText(e.detail)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
