import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { contract, type StaffSummary } from '../../../../common/contract'
import { newPinHint, pinTooShortFor, roleChangeNeedsNewPin } from '../../../../common/contract/fields'
import { ROLE_LABELS, ROLES, type Role } from '../../../../common/roles'
import { api } from '../../api/client'
import { applyApiError } from '../../api/use-form-errors'
import { zodValidate } from '../../api/zod-validate'

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

interface NewValues {
  staffNumber: string
  name: string
  role: Role
  pin: string
  pinConfirm: string
}

const pinsMatch = (v: { pin: string; pinConfirm: string }): Record<string, string> =>
  v.pin !== v.pinConfirm ? { pinConfirm: 'The two PINs are not the same' } : {}

/** Adds a staff member. */
export function AddStaffModal({
  opened,
  onClose,
  onSaved,
}: {
  opened: boolean
  onClose: () => void
  onSaved: (s: StaffSummary) => void
}) {
  const [error, setError] = useState<string | null>(null)
  const form = useForm<NewValues>({
    mode: 'controlled',
    initialValues: { staffNumber: '', name: '', role: 'clerk', pin: '', pinConfirm: '' },
    validateInputOnBlur: true,
    validate: zodValidate<NewValues>(contract['staff.create'].input, pinsMatch),
  })
  const submit = form.onSubmit(async ({ pinConfirm: _c, ...input }) => {
    try {
      onSaved(await api.call('staff.create', input))
      form.reset()
      onClose()
    } catch (err) {
      setError(applyApiError(form, err))
    }
  })
  return (
    <Modal opened={opened} onClose={onClose} title="Add staff member" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group grow>
            <TextInput label="Staff number" data-autofocus required {...form.getInputProps('staffNumber')} />
            <Select
              label="Role"
              data={roleOptions}
              allowDeselect={false}
              required
              {...form.getInputProps('role')}
            />
          </Group>
          <TextInput label="Full name" required {...form.getInputProps('name')} />
          <Group grow>
            <PasswordInput
              label="PIN"
              description={newPinHint(form.values.role)}
              inputMode="numeric"
              required
              {...form.getInputProps('pin')}
            />
            <PasswordInput
              label="Repeat PIN"
              inputMode="numeric"
              required
              {...form.getInputProps('pinConfirm')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Add staff member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

interface EditValues {
  staffNumber: string
  name: string
  role: Role
  active: boolean
  pin: string
  pinConfirm: string
}

/**
 * Changes name, role or active flag of one staff member. A promotion to a role with a longer PIN (clerk to manager)
 * sets the new PIN in the same change, so nobody holds a manager's rights with a clerk's PIN.
 */
export function EditStaffModal({
  staff,
  onClose,
  onSaved,
}: {
  staff: StaffSummary
  onClose: () => void
  onSaved: (s: StaffSummary) => void
}) {
  const [error, setError] = useState<string | null>(null)
  const needsPin = (role: Role): boolean => roleChangeNeedsNewPin(staff.role, role)
  const form = useForm<EditValues>({
    mode: 'controlled',
    initialValues: {
      staffNumber: staff.staffNumber,
      name: staff.name,
      role: staff.role,
      active: staff.active,
      pin: '',
      pinConfirm: '',
    },
    // The PIN fields count only while they show.
    validate: (v) =>
      needsPin(v.role)
        ? zodValidate<EditValues>(contract['staff.update'].input, pinsMatch)(v)
        : zodValidate<Omit<EditValues, 'pin'> & { pin: undefined }>(contract['staff.update'].input)({
            ...v,
            pin: undefined,
          }),
  })
  const submit = form.onSubmit(async ({ pin, pinConfirm: _c, ...rest }) => {
    try {
      onSaved(await api.call('staff.update', needsPin(rest.role) ? { ...rest, pin } : rest))
      onClose()
    } catch (err) {
      setError(applyApiError(form, err))
    }
  })
  return (
    <Modal opened onClose={onClose} title={`Edit ${staff.staffNumber}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput label="Full name" data-autofocus {...form.getInputProps('name')} />
          <Select label="Role" data={roleOptions} allowDeselect={false} {...form.getInputProps('role')} />
          {needsPin(form.values.role) && (
            <Group grow align="flex-start">
              <PasswordInput
                label="New PIN"
                description={newPinHint(form.values.role)}
                inputMode="numeric"
                required
                {...form.getInputProps('pin')}
              />
              <PasswordInput
                label="Repeat PIN"
                inputMode="numeric"
                required
                {...form.getInputProps('pinConfirm')}
              />
            </Group>
          )}
          <Switch label="Active (may sign in)" {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

interface PinValues {
  staffNumber: string
  pin: string
  pinConfirm: string
}

/** Sets a new PIN for someone who forgot theirs or is locked out; clears the lockout. */
export function ResetPinModal({
  staff,
  onClose,
  onSaved,
}: {
  staff: StaffSummary
  onClose: () => void
  onSaved: (s: StaffSummary) => void
}) {
  const [error, setError] = useState<string | null>(null)
  const form = useForm<PinValues>({
    mode: 'controlled',
    initialValues: { staffNumber: staff.staffNumber, pin: '', pinConfirm: '' },
    validateInputOnBlur: true,
    validate: zodValidate<PinValues>(contract['staff.resetPin'].input, (v) => ({
      pin: pinTooShortFor(staff.role, v.pin) ?? undefined,
      ...pinsMatch(v),
    })),
  })
  const submit = form.onSubmit(async ({ pinConfirm: _c, ...input }) => {
    try {
      onSaved(await api.call('staff.resetPin', input))
      onClose()
    } catch (err) {
      setError(applyApiError(form, err))
    }
  })
  return (
    <Modal opened onClose={onClose} title={`New PIN for ${staff.name}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <PasswordInput
            label="New PIN"
            description={newPinHint(staff.role)}
            inputMode="numeric"
            data-autofocus
            {...form.getInputProps('pin')}
          />
          <PasswordInput label="Repeat PIN" inputMode="numeric" {...form.getInputProps('pinConfirm')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Set PIN
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
