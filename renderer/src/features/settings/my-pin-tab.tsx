import { Alert, Button, PasswordInput, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type SessionInfo } from '../../../../common/contract'
import { newPinHint, pinTooShortFor } from '../../../../common/contract/fields'
import type { Role } from '../../../../common/roles'
import { api } from '../../api/client'
import { applyApiError } from '../../api/use-form-errors'
import { zodValidate } from '../../api/zod-validate'
import { contractText } from '../../i18n/contract-text'

interface Values {
  currentPin: string
  newPin: string
  pinConfirm: string
}

/** Everyone changes their own PIN here; the new one must fit the holder's role. */
export function MyPinTab({ role, onChanged }: { role: Role; onChanged?: (session: SessionInfo) => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { currentPin: '', newPin: '', pinConfirm: '' },
    validateInputOnBlur: true,
    validate: zodValidate<Values>(contract['auth.changePin'].input, (v) => ({
      newPin: pinTooShortFor(role, v.newPin) ?? undefined,
      ...(v.newPin !== v.pinConfirm ? { pinConfirm: t('settings.staffForm.pinsDiffer') } : {}),
    })),
  })
  const submit = form.onSubmit(async ({ pinConfirm: _c, ...input }) => {
    setError(null)
    try {
      const session = await api.call('auth.changePin', input)
      notifications.show({ color: 'green', message: t('settings.myPin.changed') })
      form.reset()
      onChanged?.(session)
    } catch (err) {
      setError(applyApiError(form, err))
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={360}>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <PasswordInput
          label={t('settings.myPin.current')}
          inputMode="numeric"
          {...form.getInputProps('currentPin')}
        />
        <PasswordInput
          label={t('settings.myPin.new')}
          description={contractText(newPinHint(role))}
          inputMode="numeric"
          {...form.getInputProps('newPin')}
        />
        <PasswordInput
          label={t('settings.myPin.repeat')}
          inputMode="numeric"
          {...form.getInputProps('pinConfirm')}
        />
        <Button type="submit" loading={form.submitting}>
          {t('settings.myPin.submit')}
        </Button>
      </Stack>
    </form>
  )
}
