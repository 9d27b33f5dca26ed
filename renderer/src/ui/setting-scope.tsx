import { Badge, Group, Text } from '@mantine/core'

const SCOPE = {
  centre: {
    label: 'Whole centre',
    color: 'blue',
    text: 'Shared by every PC of this centre: a change here reaches the others when they next sync.',
  },
  pc: {
    label: 'This PC only',
    color: 'gray',
    text: 'Belongs to this PC: other PCs of the centre keep their own.',
  },
} as const

/** Says whether the settings below are the centre's (replicated through the central API) or this PC's own. */
export function SettingScope({ scope }: { scope: keyof typeof SCOPE }) {
  const s = SCOPE[scope]
  return (
    <Group gap="xs" wrap="nowrap" data-scope={scope}>
      {/* The badge keeps its whole label; the sentence beside it wraps instead. */}
      <Badge color={s.color} variant="light" radius="sm" style={{ flexShrink: 0 }}>
        {s.label}
      </Badge>
      <Text size="sm" c="dimmed">
        {s.text}
      </Text>
    </Group>
  )
}
