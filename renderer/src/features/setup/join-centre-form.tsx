import { Alert, Button, Divider, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { contract, type MethodInput } from '../../../../common/contract'
import { api } from '../../api/client'
import { applyApiError } from '../../api/use-form-errors'
import { zodValidate } from '../../api/zod-validate'
import { CentreSlotFields } from './centre-slot-fields'

type Values = MethodInput<'setup.joinCentre'>

/**
 * A PC joining a centre whose other PCs are set up (a new counter, a replacement): the central API's address, the
 * one-time code from headquarters, the centre number and a workstation slot no other PC uses. Nothing is written
 * unless the central API enrols the slot; then the staff, settings and applications come down by themselves and
 * the sign-in screen shows how far.
 */
export function JoinCentreForm({ onJoined }: { onJoined: () => void }) {
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
          <Alert color="red" title="This PC did not join the centre" role="alert">
            {error}
          </Alert>
        )}
        <Text>
          For a PC of a centre whose other PCs are already working. Staff sign in with the staff numbers and
          PINs they use on the other PCs, once the staff list has come down.
        </Text>
        <Divider label="Central tracking service" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Central API address"
            placeholder="https://track.huduma.go.ke"
            required
            data-autofocus
            autoFocus
            {...form.getInputProps('apiUrl')}
          />
          <TextInput
            label="Enrolment code"
            description="One-time code from headquarters"
            placeholder="ABCD-1234"
            autoComplete="off"
            required
            {...form.getInputProps('enrolmentCode')}
          />
        </SimpleGrid>
        <Divider label="This workstation" labelPosition="left" />
        <CentreSlotFields
          form={form}
          hints={{
            centreNumber: '3 digits, as on the other PCs',
            workstationSlot: '2 digits no other PC of the centre uses; fixed once set',
            slotPlaceholder: '04',
          }}
        />
        <Group justify="flex-end">
          <Button type="submit" size="lg" loading={busy}>
            Join the centre
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
