import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const COLOR = { centre: 'blue', pc: 'gray' } as const

/** Says whether the settings below are the centre's (replicated through the central API) or this PC's own. */
export function SettingScope({ scope }: { scope: keyof typeof COLOR }) {
  const { t } = useTranslation()
  return (
    <Group gap="xs" wrap="nowrap" data-scope={scope}>
      {/* The badge keeps its whole label; the sentence beside it wraps instead. */}
      <Badge color={COLOR[scope]} variant="light" radius="sm" style={{ flexShrink: 0 }}>
        {t(`ui.scope.${scope}.label`)}
      </Badge>
      <Text size="sm" c="dimmed">
        {t(`ui.scope.${scope}.text`)}
      </Text>
    </Group>
  )
}
