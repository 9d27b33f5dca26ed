import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { IconShieldLock } from '@tabler/icons-react'
import { useLayoutEffect, useState, useSyncExternalStore, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** What a PIN confirmation asks for: what will be done, and the call that does it with the PIN typed. */
export interface PinRequest {
  /** "Export the shelf list", "Find a customer's personal data". */
  title: string
  /** Why the PIN is asked, in a sentence the manager reads before typing it. */
  description?: ReactNode
  confirmLabel?: string
  /**
   * Runs the action with the PIN; the core checks it. A failure (wrong PIN, locked account, anything) is shown under
   * the PIN field and the dialog stays open to try again.
   */
  run: (pin: string) => Promise<void>
}

/**
 * Asks the signed-in staff member's PIN again before something that lets personal data leave the app. The focus is
 * in the PIN field, Enter confirms, Esc cancels, the core's answer shows under the field.
 */
export function ConfirmPinModal({
  request,
  onDone,
  returnFocusTo,
}: {
  request: PinRequest
  onDone: (ran: boolean) => void
  /** Where the keyboard was before the dialog: it goes back there in the same commit that removes the dialog. */
  returnFocusTo?: HTMLElement | null
}) {
  // In the unmount's own commit, so an Enter typed right after Esc already lands in the field it came from.
  useLayoutEffect(
    () => () => {
      if (returnFocusTo?.isConnected) returnFocusTo.focus()
    },
    [returnFocusTo],
  )
  const { t } = useTranslation()
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const confirm = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (busy) return
    if (!/^\d{4,8}$/.test(pin)) {
      setError(t('ui.confirmPin.typePin'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      await request.run(pin)
      onDone(true)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setPin('')
      setBusy(false)
    }
  }

  return (
    <Modal
      opened
      onClose={() => onDone(false)}
      closeOnClickOutside={false}
      title={
        <Group gap="xs">
          <IconShieldLock size={22} />
          <Text fz="lg" fw={700}>
            {request.title}
          </Text>
        </Group>
      }
      size="md"
    >
      <form onSubmit={(e) => void confirm(e)}>
        <Stack>
          <Text>{request.description ?? t('ui.confirmPin.description')}</Text>
          <PasswordInput
            label={t('ui.confirmPin.pin')}
            size="lg"
            inputMode="numeric"
            autoComplete="off"
            data-autofocus
            value={pin}
            error={error}
            onChange={(e) => setPin(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onDone(false)}>
              {t('ui.confirmPin.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {request.confirmLabel ?? t('ui.confirmPin.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/* One confirmation at a time for the whole window, so any button's handler can ask without owning a modal. */
let pending: {
  id: number
  request: PinRequest
  before: HTMLElement | null
  settle: (ran: boolean) => void
} | null = null
let requests = 0
const listeners = new Set<() => void>()
const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => listeners.delete(l)
}

/**
 * Opens the PIN confirmation and resolves true once `run` succeeded, false when it was cancelled. Needs a
 * `<ConfirmPinHost />` mounted (the app has one beside its frame).
 */
export function confirmWithPin(request: PinRequest): Promise<boolean> {
  pending?.settle(false)
  // The dialog is removed rather than closed, so Mantine's own focus return does not run: the keyboard goes on where
  // it was (see ConfirmPinModal's returnFocusTo).
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
  return new Promise((resolve) => {
    const mine = {
      id: ++requests,
      request,
      before,
      settle: (ran: boolean) => {
        if (pending === mine) pending = null
        resolve(ran)
        for (const l of listeners) l()
        // Again after the dialog's own focus handling has run, in case it moved the focus on its way out.
        setTimeout(() => before?.isConnected && before.focus(), 0)
      },
    }
    pending = mine
    for (const l of listeners) l()
  })
}

/** Where `confirmWithPin` shows its dialog. */
export function ConfirmPinHost() {
  const current = useSyncExternalStore(subscribe, () => pending)
  if (!current) return null
  // A new request starts with an empty field and no old error.
  return (
    <ConfirmPinModal
      key={current.id}
      request={current.request}
      onDone={current.settle}
      returnFocusTo={current.before}
    />
  )
}
