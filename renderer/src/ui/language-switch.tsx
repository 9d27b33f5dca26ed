import { SegmentedControl } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_NAMES, UI_LANGUAGES, type UiLanguage } from '../../../common/i18n'

/**
 * English | Kiswahili. Each name is written in its own language, so a person who reads only one still finds it;
 * the group is labelled in the language now showing. A click on the language already showing counts as choosing
 * it too: on the sign-in screen, the next person may want the language the last one left, and choosing it is what
 * makes it theirs.
 */
export function LanguageSwitch({
  value,
  onChange,
  size = 'sm',
}: {
  value: UiLanguage
  onChange: (language: UiLanguage) => void
  size?: 'xs' | 'sm' | 'md'
}) {
  const { t } = useTranslation()
  return (
    <SegmentedControl
      aria-label={t('common.language.label')}
      size={size}
      value={value}
      onChange={(v) => onChange(v as UiLanguage)}
      data={UI_LANGUAGES.map((l) => ({
        value: l,
        label: <span onClick={() => l === value && onChange(l)}>{LANGUAGE_NAMES[l]}</span>,
      }))}
    />
  )
}
