import {
  Alert,
  Button,
  Container,
  Divider,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconBuildingCommunity } from '@tabler/icons-react'
import { useState } from 'react'
import { contract, type MethodInput, type SessionInfo } from '../../../../common/contract'
import { newPinHint } from '../../../../common/contract/fields'
import { api } from '../../api/client'
import { applyApiError } from '../../api/use-form-errors'
import { zodValidate } from '../../api/zod-validate'
import { CentreSlotFields } from './centre-slot-fields'
import { JoinCentreForm } from './join-centre-form'

type Values = MethodInput<'setup.createCentre'> & { pinConfirm: string }

type Way = 'new' | 'join'

/**
 * First run. The first PC of a centre creates it (centre, this workstation's slot, the first administrator); every
 * other PC joins it with a one-time enrolment code, and its staff, settings and applications come down from the
 * central API.
 */
export function SetupScreen({ onDone }: { onDone: (session: SessionInfo | null) => void }) {
  const [way, setWay] = useState<Way>('new')
  return (
    // Fits 1366×768 with every field's error showing: the button must stay on screen when something is wrong.
    <Container size={900} py="md">
      <Paper withBorder shadow="sm" p="lg" radius="lg">
        <Stack gap="sm">
          <Group gap="sm" justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <IconBuildingCommunity size={36} color="var(--mantine-color-huduma-7)" />
              <div>
                <Title order={1} size="h2">
                  Set up this workstation
                </Title>
                <Text c="dimmed">First run: staff and settings can change later.</Text>
              </div>
            </Group>
            <SegmentedControl
              size="md"
              style={{ flexShrink: 0 }}
              aria-label="How to set up"
              value={way}
              onChange={(v) => setWay(v as Way)}
              data={[
                { value: 'new', label: 'A new centre' },
                { value: 'join', label: 'Join its centre' },
              ]}
            />
          </Group>
          {way === 'new' ? (
            <NewCentreForm onDone={onDone} />
          ) : (
            <JoinCentreForm onJoined={() => onDone(null)} />
          )}
        </Stack>
      </Paper>
    </Container>
  )
}

/** The first PC of a centre: the centre, this workstation's slot, and the first administrator. */
function NewCentreForm({ onDone }: { onDone: (session: SessionInfo) => void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      centreNumber: '',
      centreName: '',
      workstationSlot: '01',
      admin: { staffNumber: '', name: '', pin: '' },
      pinConfirm: '',
    },
    validateInputOnBlur: true,
    validate: zodValidate<Values>(contract['setup.createCentre'].input, (v) =>
      v.pinConfirm !== v.admin.pin ? { pinConfirm: 'The two PINs are not the same' } : {},
    ),
  })

  const submit = form.onSubmit(async ({ pinConfirm: _confirm, ...input }) => {
    setBusy(true)
    setError(null)
    try {
      onDone(await api.call('setup.createCentre', input))
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
          <Alert color="red" title="Setup did not complete" role="alert">
            {error}
          </Alert>
        )}
        <Divider label="Centre" labelPosition="left" />
        <TextInput
          label="Centre name"
          placeholder="Huduma Centre GPO"
          required
          data-autofocus
          autoFocus
          {...form.getInputProps('centreName')}
        />
        <CentreSlotFields
          form={form}
          hints={{
            centreNumber: '3 digits, from headquarters',
            workstationSlot: '2 digits, unique in this centre; fixed once set',
            slotPlaceholder: '01',
          }}
        />
        <Divider label="First administrator" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Staff number"
            placeholder="HC0001"
            required
            {...form.getInputProps('admin.staffNumber')}
          />
          <TextInput
            label="Full name"
            placeholder="Wanjiku Kamau"
            required
            {...form.getInputProps('admin.name')}
          />
          <PasswordInput
            label="PIN"
            description={newPinHint('admin')}
            inputMode="numeric"
            required
            {...form.getInputProps('admin.pin')}
          />
          <PasswordInput
            label="Repeat PIN"
            inputMode="numeric"
            required
            {...form.getInputProps('pinConfirm')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" size="lg" loading={busy}>
            Create centre and sign in
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
