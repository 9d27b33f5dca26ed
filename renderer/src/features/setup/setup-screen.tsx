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
import { useTranslation } from 'react-i18next'
import { contract, type MethodInput, type SessionInfo } from '../../../../common/contract'
import { newPinHint } from '../../../../common/contract/fields'
import { api } from '../../api/client'
import { i18n as windowI18n, setUiLanguage, uiLanguage } from '../../i18n/instance'
import { LanguageSwitch } from '../../ui/language-switch'
import { applyApiError } from '../../api/use-form-errors'
import { zodValidate } from '../../api/zod-validate'
import { CentreSlotFields } from './centre-slot-fields'
import { JoinCentreForm } from './join-centre-form'
import { contractText } from '../../i18n/contract-text'

type Values = MethodInput<'setup.createCentre'> & { pinConfirm: string }

type Way = 'new' | 'join'

/** What a staff number and a name look like; examples, the same in every language. */
const EXAMPLE = { staffNumber: 'HC0001', name: 'Wanjiku Kamau' } as const

/**
 * First run. The first PC of a centre creates it (centre, this workstation's slot, the first administrator); every
 * other PC joins it with a one-time enrolment code, and its staff, settings and applications come down from the
 * central API.
 */
export function SetupScreen({ onDone }: { onDone: (session: SessionInfo | null) => void }) {
  const [way, setWay] = useState<Way>('new')
  const { t, i18n } = useTranslation()
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
                  {t('setup.title')}
                </Title>
                <Text c="dimmed">{t('setup.subtitle')}</Text>
              </div>
            </Group>
            {/* Beside the title, not in a row of its own: the form must still fit 768 pixels with every error. */}
            <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
              {/* Only the window: there is nobody to keep it for yet (the new administrator keeps it, see below). */}
              <LanguageSwitch
                value={i18n.language === 'sw' ? 'sw' : 'en'}
                onChange={setUiLanguage}
                size="xs"
              />
              <SegmentedControl
                size="md"
                aria-label={t('setup.way')}
                value={way}
                onChange={(v) => setWay(v as Way)}
                data={[
                  { value: 'new', label: t('setup.newCentre') },
                  { value: 'join', label: t('setup.joinCentre') },
                ]}
              />
            </Stack>
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
  const { t } = useTranslation()
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
      v.pinConfirm !== v.admin.pin ? { pinConfirm: windowI18n.t('setup.create.pinMismatch') } : {},
    ),
  })

  const submit = form.onSubmit(async ({ pinConfirm: _confirm, ...input }) => {
    setBusy(true)
    setError(null)
    try {
      const session = await api.call('setup.createCentre', input)
      // A new administrator starts in English; one who set the centre up in Kiswahili keeps Kiswahili.
      onDone(
        uiLanguage() === 'sw' && session.language !== 'sw'
          ? await api.call('auth.setLanguage', { language: 'sw' }).catch(() => session)
          : session,
      )
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
          <Alert color="red" title={t('setup.create.failedTitle')} role="alert">
            {error}
          </Alert>
        )}
        <Divider label={t('setup.create.centre')} labelPosition="left" />
        <TextInput
          label={t('setup.create.centreName')}
          placeholder={t('setup.create.centreNamePlaceholder')}
          required
          data-autofocus
          autoFocus
          {...form.getInputProps('centreName')}
        />
        <CentreSlotFields
          form={form}
          hints={{
            centreNumber: t('setup.create.centreHint'),
            workstationSlot: t('setup.create.slotHint'),
            slotPlaceholder: '01',
          }}
        />
        <Divider label={t('setup.create.admin')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('setup.create.staffNumber')}
            placeholder={EXAMPLE.staffNumber}
            required
            {...form.getInputProps('admin.staffNumber')}
          />
          <TextInput
            label={t('setup.create.fullName')}
            placeholder={EXAMPLE.name}
            required
            {...form.getInputProps('admin.name')}
          />
          <PasswordInput
            label={t('setup.create.pin')}
            description={contractText(newPinHint('admin'))}
            inputMode="numeric"
            required
            {...form.getInputProps('admin.pin')}
          />
          <PasswordInput
            label={t('setup.create.repeatPin')}
            inputMode="numeric"
            required
            {...form.getInputProps('pinConfirm')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" size="lg" loading={busy}>
            {t('setup.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
