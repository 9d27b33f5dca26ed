import {
  Alert,
  Button,
  Checkbox,
  Group,
  Kbd,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { getHotkeyHandler } from '@mantine/hooks'
import { useMemo, useState } from 'react'
import { matchesAgencyRef, type Service } from '../../../../common/catalogue'
import { contract, type RegisterResult } from '../../../../common/contract'
import { ApiError, api } from '../../api/client'
import { focusFirstError, validateChangedOnBlur } from '../../api/form-keyboard'
import { applyApiError } from '../../api/use-form-errors'
import { zodValidate } from '../../api/zod-validate'
import { useOpenWork } from '../../api/use-open-work'
import { readyIn } from '../../ui/format'

interface Values {
  serviceCode: string
  customerName: string
  phone: string
  idNumber: string
  agencyRef: string
  language: 'en' | 'sw'
  smsConsent: boolean
  notes: string
}

const EMPTY: Omit<Values, 'serviceCode' | 'language'> = {
  customerName: '',
  phone: '',
  idNumber: '',
  agencyRef: '',
  smsConsent: true,
  notes: '',
}

const TYPED_FIELDS = ['customerName', 'phone', 'idNumber', 'agencyRef', 'notes'] as const

/**
 * The clerk's form: every field checked as it is typed against the same schema the core uses, plus the chosen
 * service's own rules (ID number required, agency reference format). Ctrl+Enter registers from any field, or puts
 * the cursor in the first field that is not right.
 */
export function RegisterForm({
  services,
  onRegistered,
}: {
  services: Service[]
  onRegistered: (r: RegisterResult) => void
}) {
  const [error, setError] = useState<string | null>(null)
  const [duplicate, setDuplicate] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const active = useMemo(() => services.filter((s) => s.active), [services])
  const [formEl, setFormEl] = useState<HTMLFormElement | null>(null)

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { serviceCode: '', language: 'en', ...EMPTY },
    // Not the service picker: it has focus first, and leaving it for the search box is not a mistake.
    enhanceGetInputProps: validateChangedOnBlur<Values>([
      'customerName',
      'phone',
      'idNumber',
      'agencyRef',
      'notes',
    ]),
    validate: zodValidate<Values>(contract['application.register'].input, (v) => {
      const service = services.find((s) => s.code === v.serviceCode)
      if (!service) return {}
      return {
        idNumber:
          service.idRequired && v.idNumber.trim() === ''
            ? `${service.nameEn} needs the customer’s ID number`
            : undefined,
        agencyRef:
          v.agencyRef.trim() !== '' && !matchesAgencyRef(service, v.agencyRef.trim().toUpperCase())
            ? `Should be ${service.agencyRefHint ?? 'in the agency’s format'}${service.agencyRefExample ? `, e.g. ${service.agencyRefExample}` : ''}`
            : undefined,
      }
    }),
  })
  const service = services.find((s) => s.code === form.values.serviceCode)
  // Something typed for a customer: an update waits until it is registered or cleared.
  useOpenWork(
    'registration',
    TYPED_FIELDS.some((k) => form.values[k].trim() !== ''),
  )

  const submit = async (values: Values, confirmDuplicate = false): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      const result = await api.call('application.register', { ...values, confirmDuplicate })
      onRegistered(result)
      form.setValues({ ...EMPTY, serviceCode: values.serviceCode, language: 'en' })
      form.resetTouched()
      form.clearErrors()
      form.getInputNode('customerName')?.focus()
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT' && err.field === 'idNumber')
        setDuplicate(err.message)
      else setError(applyApiError(form, err))
    } finally {
      setBusy(false)
    }
  }
  const onSubmit = form.onSubmit(
    (v) => void submit(v),
    (errors) => focusFirstError(formEl, errors),
  )

  return (
    <Paper withBorder p="lg" radius="md" shadow="xs">
      <form
        ref={setFormEl}
        onSubmit={onSubmit}
        noValidate
        onKeyDown={getHotkeyHandler([['mod+Enter', () => onSubmit()]])}
      >
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h3">
              New application
            </Title>
            <Text size="sm" c="dimmed">
              <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> registers
            </Text>
          </Group>
          {error && (
            <Alert color="red" title="Not registered" role="alert">
              {error}
            </Alert>
          )}
          <Select
            label="Service"
            placeholder="Type to find a service"
            data={active.map((s) => ({ value: s.code, label: s.nameEn }))}
            searchable
            required
            autoFocus
            allowDeselect={false}
            // Typing "birth" highlights the first match, and Enter or Tab takes it: the picker never ends up
            // emptied by Tab while the clerk can see the service they meant.
            selectFirstOptionOnChange
            autoSelectOnBlur
            nothingFoundMessage="No such service"
            description={service ? `${service.agency} · ${readyIn(service.turnaroundDays)}` : undefined}
            {...form.getInputProps('serviceCode')}
          />
          <TextInput
            label="Customer name"
            required
            autoComplete="off"
            {...form.getInputProps('customerName')}
          />
          <SimpleGrid cols={2}>
            <TextInput
              label="Phone (for SMS)"
              placeholder="0712 345 678"
              required
              inputMode="tel"
              autoComplete="off"
              {...form.getInputProps('phone')}
            />
            <TextInput
              label="ID number"
              placeholder="12345678"
              inputMode="numeric"
              required={service?.idRequired ?? false}
              autoComplete="off"
              {...form.getInputProps('idNumber')}
            />
          </SimpleGrid>
          <TextInput
            label={`Agency reference${service?.agencyRefHint ? ` (${service.agencyRefHint})` : ''}`}
            placeholder={service?.agencyRefExample ?? 'Optional'}
            autoComplete="off"
            {...form.getInputProps('agencyRef')}
          />
          <Group align="flex-end" grow>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                SMS language
              </Text>
              <SegmentedControl
                data={[
                  { value: 'en', label: 'English' },
                  { value: 'sw', label: 'Kiswahili' },
                ]}
                {...form.getInputProps('language')}
              />
            </Stack>
            <Checkbox
              label="Customer agrees to SMS updates"
              mb={8}
              {...form.getInputProps('smsConsent', { type: 'checkbox' })}
            />
          </Group>
          <Textarea
            label="Notes"
            placeholder="Optional"
            autosize
            minRows={1}
            maxRows={2}
            {...form.getInputProps('notes')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.setValues({ ...EMPTY })}>
              Clear
            </Button>
            <Button type="submit" size="lg" loading={busy}>
              Register and print
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={duplicate !== null}
        onClose={() => setDuplicate(null)}
        title="Open application already exists"
        size="lg"
      >
        <Stack>
          <Text>{duplicate}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDuplicate(null)} data-autofocus>
              Cancel
            </Button>
            <Button
              color="orange"
              onClick={() => {
                setDuplicate(null)
                void submit(form.values, true)
              }}
            >
              Register another
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
