import { Alert, Button, Divider, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type MethodInput } from '../../../../common/contract'
import { api } from '../../api/client'
import { applyApiError } from '../../api/use-form-errors'
import { zodValidate } from '../../api/zod-validate'
import { CentreSlotFields } from './centre-slot-fields'

type Values = MethodInput<'setup.joinCentre'>

/** What an address and a code look like; examples, the same in every language. */
const EXAMPLE = { apiUrl: 'https://track.huduma.go.ke', enrolmentCode: 'ABCD-1234' } as const

/**
 * A PC joining a centre whose other PCs are set up (a new counter, a replacement): the central API's address, the
 * one-time code from headquarters, the centre number and a workstation slot no other PC uses. Nothing is written
 * unless the central API enrols the slot; then the staff, settings and applications come down by themselves and
 * the sign-in screen shows how far.
 */
export function JoinCentreForm({ onJoined }: { onJoined: () => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { apiUrl: '', enrolmentCode: '', centreNumber: '', workstationSlot: '' },
    validateInputOnBlur: true,
    validate: zodValidate<Values>(contract['setup.joinCentre'].input),
  })

  const submit = form.onSubmit(async (input) => {
    setBusy(true)
    setError(null)
    try {
      await api.call('setup.joinCentre', input)
      onJoined()
    } catch (err) {
      setError(applyApiError(form, err))
    } finally {
      setBusy(false)
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {error && (
          <Alert color="red" title={t('setup.join.failedTitle')} role="alert">
            {error}
          </Alert>
        )}
        <Text>{t('setup.join.intro')}</Text>
        <Divider label={t('setup.join.central')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('setup.join.apiUrl')}
            placeholder={EXAMPLE.apiUrl}
            required
            data-autofocus
            autoFocus
            {...form.getInputProps('apiUrl')}
          />
          <TextInput
            label={t('setup.join.code')}
            description={t('setup.join.codeHint')}
            placeholder={EXAMPLE.enrolmentCode}
            autoComplete="off"
            required
            {...form.getInputProps('enrolmentCode')}
          />
        </SimpleGrid>
        <Divider label={t('setup.join.workstation')} labelPosition="left" />
        <CentreSlotFields
          form={form}
          hints={{
            centreNumber: t('setup.join.centreHint'),
            workstationSlot: t('setup.join.slotHint'),
            slotPlaceholder: '04',
          }}
        />
        <Group justify="flex-end">
          <Button type="submit" size="lg" loading={busy}>
            {t('setup.join.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
