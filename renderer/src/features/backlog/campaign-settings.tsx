import { Alert, Badge, Button, Card, Group, NumberInput, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '../../../../common/contract'
import { api } from '../../api/client'
import { formatNumber } from '../../ui/format'

type CampaignSettings = Pick<
  Settings,
  | 'smsPriceKes'
  | 'reminderQuietStart'
  | 'reminderQuietEnd'
  | 'reminderRatePerMinute'
  | 'reminderExclusionDays'
>

/** Price per SMS, quiet hours, send rate and exclusion window: shown to managers, changed by administrators. */
export function CampaignSettings({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation()
  const [values, setValues] = useState<CampaignSettings | null>(null)
  const [canEdit, setCanEdit] = useState(false)
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.call('settings.get', {}).then(setValues, () => undefined)
    api.call('auth.session', {}).then(
      (s) => setCanEdit(s?.staff.role === 'admin'),
      () => undefined,
    )
  }, [])
  if (!values) return null
  const save = async () => {
    setError(null)
    try {
      const s = await api.call('settings.update', values)
      setValues(s)
      setEditing(false)
      notifications.show({ color: 'green', message: t('campaigns.settings.saved') })
      onSaved()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const num = (v: string | number) => (typeof v === 'number' ? v : Number(v))
  if (!editing)
    return (
      <Group gap="md">
        <Badge color="blue" variant="light" radius="sm" title={t('campaigns.settings.sharedTitle')}>
          {t('campaigns.settings.wholeCentre')}
        </Badge>
        <Text c="dimmed">
          {t('campaigns.settings.summary', {
            price: values.smsPriceKes.toFixed(2),
            start: values.reminderQuietStart,
            end: values.reminderQuietEnd,
            rate: formatNumber(values.reminderRatePerMinute),
            within: t('backlog.days', {
              count: values.reminderExclusionDays,
              n: formatNumber(values.reminderExclusionDays),
            }),
          })}
        </Text>
        {canEdit && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('campaigns.settings.change')}
          </Button>
        )}
      </Group>
    )
  return (
    <Card withBorder padding="sm">
      <Group align="flex-end" wrap="wrap">
        <NumberInput
          label={t('campaigns.settings.price')}
          min={0}
          max={100}
          decimalScale={2}
          value={values.smsPriceKes}
          onChange={(v) => setValues({ ...values, smsPriceKes: num(v) })}
          w={170}
        />
        <TextInput
          label={t('campaigns.settings.quietFrom')}
          type="time"
          value={values.reminderQuietStart}
          onChange={(e) => setValues({ ...values, reminderQuietStart: e.currentTarget.value })}
          w={130}
        />
        <TextInput
          label={t('campaigns.settings.quietUntil')}
          type="time"
          value={values.reminderQuietEnd}
          onChange={(e) => setValues({ ...values, reminderQuietEnd: e.currentTarget.value })}
          w={130}
        />
        <NumberInput
          label={t('campaigns.settings.rate')}
          min={1}
          max={10000}
          allowDecimal={false}
          value={values.reminderRatePerMinute}
          onChange={(v) => setValues({ ...values, reminderRatePerMinute: num(v) })}
          w={180}
        />
        <NumberInput
          label={t('campaigns.settings.exclusion')}
          min={0}
          max={90}
          allowDecimal={false}
          value={values.reminderExclusionDays}
          onChange={(v) => setValues({ ...values, reminderExclusionDays: num(v) })}
          w={250}
        />
        <Button onClick={() => void save()}>{t('campaigns.settings.save')}</Button>
        <Button variant="default" onClick={() => setEditing(false)}>
          {t('backlog.cancel')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert" mt="sm">
          {error}
        </Alert>
      )}
    </Card>
  )
}
