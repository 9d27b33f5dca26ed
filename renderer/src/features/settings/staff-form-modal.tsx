import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type StaffSummary } from '../../../../common/contract'
import { newPinHint, pinTooShortFor, roleChangeNeedsNewPin } from '../../../../common/contract/fields'
import { ROLES, type Role } from '../../../../common/roles'
import { api } from '../../api/client'
import { applyApiError } from '../../api/use-form-errors'
import { zodValidate } from '../../api/zod-validate'
import { contractText } from '../../i18n/contract-text'
import { i18n } from '../../i18n/instance'

const roleOptions = (t: typeof i18n.t) => ROLES.map((r) => ({ value: r, label: t(`common.role.${r}`) }))

interface NewValues {
  staffNumber: string
  name: string
  role: Role
  pin: string
  pinConfirm: string
}

const pinsMatch = (v: { pin: string; pinConfirm: string }): Record<string, string> =>
  v.pin !== v.pinConfirm ? { pinConfirm: i18n.t('settings.staffForm.pinsDiffer') } : {}

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
  const { t } = useTranslation()
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
    <Modal opened={opened} onClose={onClose} title={t('settings.staffForm.addTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group grow>
            <TextInput
              label={t('settings.staffForm.staffNumber')}
              data-autofocus
              required
              {...form.getInputProps('staffNumber')}
            />
            <Select
              label={t('settings.staffForm.role')}
              data={roleOptions(t)}
              allowDeselect={false}
              required
              {...form.getInputProps('role')}
            />
          </Group>
          <TextInput label={t('settings.staffForm.fullName')} required {...form.getInputProps('name')} />
          <Group grow>
            <PasswordInput
              label={t('settings.staffForm.pin')}
              description={contractText(newPinHint(form.values.role))}
              inputMode="numeric"
              required
              {...form.getInputProps('pin')}
            />
            <PasswordInput
              label={t('settings.staffForm.repeatPin')}
              inputMode="numeric"
              required
              {...form.getInputProps('pinConfirm')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('settings.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('settings.staffForm.addTitle')}
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
  const { t } = useTranslation()
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
    <Modal
      opened
      onClose={onClose}
      title={t('settings.staffForm.editTitle', { staffNumber: staff.staffNumber })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('settings.staffForm.fullName')}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Select
            label={t('settings.staffForm.role')}
            data={roleOptions(t)}
            allowDeselect={false}
            {...form.getInputProps('role')}
          />
          {needsPin(form.values.role) && (
            <Group grow align="flex-start">
              <PasswordInput
                label={t('settings.staffForm.newPin')}
                description={contractText(newPinHint(form.values.role))}
                inputMode="numeric"
                required
                {...form.getInputProps('pin')}
              />
              <PasswordInput
                label={t('settings.staffForm.repeatPin')}
                inputMode="numeric"
                required
                {...form.getInputProps('pinConfirm')}
              />
            </Group>
          )}
          <Switch
            label={t('settings.staffForm.active')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('settings.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('settings.save')}
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
  const { t } = useTranslation()
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
    <Modal opened onClose={onClose} title={t('settings.staff.newPinFor', { name: staff.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <PasswordInput
            label={t('settings.staffForm.newPin')}
            description={contractText(newPinHint(staff.role))}
            inputMode="numeric"
            data-autofocus
            {...form.getInputProps('pin')}
          />
          <PasswordInput
            label={t('settings.staffForm.repeatPin')}
            inputMode="numeric"
            {...form.getInputProps('pinConfirm')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('settings.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('settings.staffForm.setPin')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
