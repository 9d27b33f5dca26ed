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
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { matchesAgencyRef, type Service } from '../../../../common/catalogue'
import { contract, type RegisterResult } from '../../../../common/contract'
import { ApiError, api } from '../../api/client'
import { focusFirstError, validateChangedOnBlur } from '../../api/form-keyboard'
import { applyApiError } from '../../api/use-form-errors'
import { zodValidate } from '../../api/zod-validate'
import { useOpenWork } from '../../api/use-open-work'
import { i18n, uiLanguage } from '../../i18n/instance'
import { readyIn } from '../../ui/format'
import { useServiceLabel } from '../../ui/service-names'

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

/** A service as the window's language names it. */
const serviceName = (s: Service): string => (i18n.language === 'sw' ? s.nameSw : s.nameEn)

/** What a wrong agency reference should look like: the service's hint (and example) when it has one. */
function agencyRefMessage(s: Service): string {
  const hint = s.agencyRefHint ?? i18n.t('counter.register.agencyFormat')
  return s.agencyRefExample
    ? i18n.t('counter.register.agencyRefShouldExample', { hint, example: s.agencyRefExample })
    : i18n.t('counter.register.agencyRefShould', { hint })
}

/**
 * Two fields side by side, on one grid: their labels end on one line, their boxes line up and their errors start on
 * one line, whichever label wraps (a service's agency-reference hint) or error shows. Each field's own label, box
 * and error take the pair's three rows (subgrid), so `PAIRED` goes on both fields.
 */
function FieldPair({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: '1fr 1fr',
        gridTemplateRows: 'auto auto auto',
        columnGap: 'var(--mantine-spacing-md)',
      }}
    >
      {children}
    </div>
  )
}

const PAIRED = {
  root: { display: 'grid', gridRow: 'span 3', gridTemplateRows: 'subgrid', minWidth: 0 },
  label: { alignSelf: 'end' },
} as const

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
  const { t } = useTranslation()
  // The core's messages name a service in English (the duplicate warning, a missing ID number): the catalogue's
  // names, loaded here too, let them name it in the window's language (i18n/contract-text.ts).
  useServiceLabel()
  const [error, setError] = useState<string | null>(null)
  const [duplicate, setDuplicate] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const active = useMemo(() => services.filter((s) => s.active), [services])
  const [formEl, setFormEl] = useState<HTMLFormElement | null>(null)
  // Tab takes the highlighted service only while the list is open: a closed list's first option is highlighted
  // too, and leaving the picker without opening it must not choose a service.
  const [listOpen, setListOpen] = useState(false)
  // Mantine names the open list in the picker's aria-controls from what it knew when the picker last rendered, and
  // the list takes its final id a moment after it mounts; opened by the arrow keys, nothing renders the picker
  // again, and the list (which scrolls) was not the picker's to screen readers and axe. Render it once that is done.
  const [, renderAgain] = useState(0)
  useEffect(() => {
    if (!listOpen) return
    const frame = requestAnimationFrame(() => renderAgain((n) => n + 1))
    return () => cancelAnimationFrame(frame)
  }, [listOpen])

  const form = useForm<Values>({
    mode: 'controlled',
    // The customer's language starts as the window's: a clerk working in Kiswahili mostly serves customers who
    // asked in Kiswahili, and the receipt and SMS follow this choice.
    initialValues: { serviceCode: '', language: uiLanguage(), ...EMPTY },
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
        // i18n.t, not the render's t: the form keeps this function from its first render.
        idNumber:
          service.idRequired && v.idNumber.trim() === ''
            ? i18n.t('counter.register.idRequired', { service: serviceName(service) })
            : undefined,
        agencyRef:
          v.agencyRef.trim() !== '' && !matchesAgencyRef(service, v.agencyRef.trim().toUpperCase())
            ? agencyRefMessage(service)
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
      form.setValues({ ...EMPTY, serviceCode: values.serviceCode, language: uiLanguage() })
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
    <Paper withBorder p="md" radius="md" shadow="xs">
      <form
        ref={setFormEl}
        onSubmit={onSubmit}
        noValidate
        onKeyDown={getHotkeyHandler([['mod+Enter', () => onSubmit()]])}
      >
        <Stack gap={8}>
          <Group justify="space-between">
            <Title order={2} size="h3">
              {t('counter.register.title')}
            </Title>
            <Text size="sm" c="dimmed">
              <Trans i18nKey="counter.register.shortcut" components={{ ctrl: <Kbd />, enter: <Kbd /> }} />
            </Text>
          </Group>
          {error && (
            <Alert color="red" title={t('counter.register.failedTitle')} role="alert">
              {error}
            </Alert>
          )}
          <Select
            label={t('counter.register.service')}
            placeholder={t('counter.register.servicePlaceholder')}
            // The service's own Kiswahili name in a Kiswahili window (the catalogue has both).
            data={active.map((s) => ({ value: s.code, label: serviceName(s) }))}
            searchable
            required
            autoFocus
            // The picker has the cursor when the counter opens, with its list closed: an open list covered the form
            // (and ran past the window's bottom edge). Typing or the down arrow opens it.
            openOnFocus={false}
            allowDeselect={false}
            // Typing "birth" highlights the first match, and Enter or Tab takes it: the picker never ends up
            // emptied by Tab while the clerk can see the service they meant.
            selectFirstOptionOnChange
            // Opening chooses the first option at once; left to Mantine's default, a timer a moment later unchose
            // it, and a query typed faster than that ("birth" then Enter) showed its match but Enter did nothing.
            selectFirstOptionOnDropdownOpen
            autoSelectOnBlur={listOpen}
            onDropdownOpen={() => setListOpen(true)}
            onDropdownClose={() => setListOpen(false)}
            nothingFoundMessage={t('counter.register.noService')}
            // The arrow keys move through the options from the field (the listbox pattern): the list is the
            // listbox itself, not a scroll area around it, which axe would count as a region out of reach. It
            // scrolls itself, no taller than the room left below the field, so its last option is never off screen.
            withScrollArea={false}
            floatingHeight="viewport"
            styles={{
              options: { maxHeight: 'var(--combobox-floating-options-max-height)', overflowY: 'auto' },
            }}
            description={service ? `${service.agency} · ${readyIn(service.turnaroundDays)}` : undefined}
            {...form.getInputProps('serviceCode')}
          />
          <FieldPair>
            <TextInput
              label={t('counter.register.customerName')}
              required
              autoComplete="off"
              styles={PAIRED}
              {...form.getInputProps('customerName')}
            />
            <TextInput
              label={t('counter.register.phone')}
              placeholder="0712 345 678"
              required
              inputMode="tel"
              autoComplete="off"
              styles={PAIRED}
              {...form.getInputProps('phone')}
            />
          </FieldPair>
          <FieldPair>
            <TextInput
              label={t('counter.register.idNumber')}
              placeholder="12345678"
              inputMode="numeric"
              required={service?.idRequired ?? false}
              autoComplete="off"
              styles={PAIRED}
              {...form.getInputProps('idNumber')}
            />
            <TextInput
              label={
                service?.agencyRefHint
                  ? t('counter.register.agencyRefWithHint', { hint: service.agencyRefHint })
                  : t('counter.register.agencyRef')
              }
              placeholder={service?.agencyRefExample ?? t('counter.register.optional')}
              autoComplete="off"
              styles={PAIRED}
              {...form.getInputProps('agencyRef')}
            />
          </FieldPair>
          {/* Bottoms aligned: the language buttons and the notes box line up whatever their labels' sizes. */}
          <SimpleGrid cols={2} style={{ alignItems: 'end' }}>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('counter.register.smsLanguage')}
              </Text>
              <SegmentedControl
                data={[
                  { value: 'en', label: t('counter.register.english') },
                  { value: 'sw', label: t('counter.register.kiswahili') },
                ]}
                {...form.getInputProps('language')}
              />
            </Stack>
            <Textarea
              label={t('counter.register.notes')}
              placeholder={t('counter.register.optional')}
              autosize
              minRows={1}
              maxRows={2}
              {...form.getInputProps('notes')}
            />
          </SimpleGrid>
          {/* The consent is the last thing asked before registering: beside the button, on the form's last row. */}
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Checkbox
              label={t('counter.register.smsConsent')}
              miw={0}
              {...form.getInputProps('smsConsent', { type: 'checkbox' })}
            />
            <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
              <Button variant="default" onClick={() => form.setValues({ ...EMPTY, language: uiLanguage() })}>
                {t('counter.register.clear')}
              </Button>
              <Button type="submit" size="lg" loading={busy}>
                {t('counter.register.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={duplicate !== null}
        onClose={() => setDuplicate(null)}
        title={t('counter.register.duplicateTitle')}
        size="lg"
      >
        <Stack>
          <Text>{duplicate}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDuplicate(null)} data-autofocus>
              {t('counter.register.cancel')}
            </Button>
            <Button
              color="orange"
              onClick={() => {
                setDuplicate(null)
                void submit(form.values, true)
              }}
            >
              {t('counter.register.registerAnother')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
