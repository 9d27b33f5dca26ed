import { SegmentedControl, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PERIODS, nairobiToday, periodOf } from './period'

export interface PeriodChoice {
  /** One of PERIODS' values, or 'custom'. */
  preset: string
  from: string
  to: string
}

/** A PeriodChoice for a preset (the custom one starts from the period shown before). */
export const periodChoice = (preset: string): PeriodChoice => ({ preset, ...periodOf(preset) })

/**
 * The period the manager's figures cover: the presets (30 days to 5 years) or two dates. Shared by the Analytics
 * and Agencies tabs so both offer the same periods and read them the same way.
 */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodChoice
  onChange: (next: PeriodChoice) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <SegmentedControl
        size="md"
        value={value.preset}
        onChange={(preset) =>
          onChange(preset === 'custom' ? { ...value, preset } : { preset, ...periodOf(preset) })
        }
        data={[
          ...PERIODS.map((p) => ({ value: p.value, label: t(p.labelKey) })),
          { value: 'custom', label: t('backlog.period.custom') },
        ]}
        aria-label={t('backlog.period.label')}
      />
      {value.preset === 'custom' && (
        <>
          <TextInput
            type="date"
            label={t('backlog.period.from')}
            size="md"
            value={value.from}
            max={value.to}
            onChange={(e) => e.currentTarget.value && onChange({ ...value, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('backlog.period.to')}
            size="md"
            value={value.to}
            max={nairobiToday()}
            onChange={(e) => e.currentTarget.value && onChange({ ...value, to: e.currentTarget.value })}
          />
        </>
      )}
    </>
  )
}
