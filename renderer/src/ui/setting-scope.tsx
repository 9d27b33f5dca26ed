import { Badge, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const SCOPE = {
  centre: { badge: 'settings.scope.centre', color: 'blue', text: 'settings.scope.centreText' },
  pc: { badge: 'settings.scope.pc', color: 'gray', text: 'settings.scope.pcText' },
} as const

/** Says whether the settings below are the centre's (replicated through the central API) or this PC's own. */
export function SettingScope({ scope }: { scope: keyof typeof SCOPE }) {
  const { t } = useTranslation()
  const s = SCOPE[scope]
  return (
    <Group gap="xs" wrap="nowrap" data-scope={scope}>
      {/* The badge keeps its whole label; the sentence beside it wraps instead. */}
      <Badge color={s.color} variant="light" radius="sm" style={{ flexShrink: 0 }}>
        {t(s.badge)}
      </Badge>
      <Text size="sm" c="dimmed">
        {t(s.text)}
      </Text>
    </Group>
  )
}
