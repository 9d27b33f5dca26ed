import { Button, Group, MultiSelect, NumberInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CampaignCriteria } from '../../../../common/contract'
import { useServiceLabel } from '../../ui/service-names'
import { useCatalogue } from '../counter/use-catalogue'

/** Who a reminder campaign is for: documents this long on the shelf, of these services, not reminded lately. */
export function CampaignCriteriaForm({
  value,
  onChange,
  onPreview,
  busy,
}: {
  value: CampaignCriteria
  onChange: (next: CampaignCriteria) => void
  onPreview: () => void
  busy: boolean
}) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const services = useCatalogue()
  const days = (v: string | number): number => (typeof v === 'number' ? v : Number.parseInt(v, 10) || 0)
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        onPreview()
      }}
    >
      <Group align="flex-end" wrap="wrap">
        <NumberInput
          label={t('campaigns.criteria.minDays')}
          min={0}
          max={3650}
          allowDecimal={false}
          value={value.minDaysOnShelf}
          onChange={(v) => onChange({ ...value, minDaysOnShelf: days(v) })}
          w={220}
          data-autofocus
        />
        <NumberInput
          label={t('campaigns.criteria.lastReminder')}
          min={0}
          max={365}
          allowDecimal={false}
          value={value.lastReminderOlderThanDays}
          onChange={(v) => onChange({ ...value, lastReminderOlderThanDays: days(v) })}
          w={260}
        />
        <MultiSelect
          label={t('campaigns.criteria.services')}
          placeholder={value.serviceCodes.length === 0 ? t('backlog.overdue.csv.allServices') : undefined}
          data={services.map((s) => ({ value: s.code, label: serviceLabel(s.code, s.nameEn) }))}
          value={value.serviceCodes}
          onChange={(codes) => onChange({ ...value, serviceCodes: codes })}
          searchable
          clearable
          size="md"
          w={380}
        />
        <Button type="submit" loading={busy}>
          {t('campaigns.criteria.preview')}
        </Button>
      </Group>
    </form>
  )
}
