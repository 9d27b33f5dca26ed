import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import type { NavItem } from '../shell/nav-items'

/** Shown for a desk this version does not have yet: says so plainly instead of showing dead controls. */
export function NotYetPage({ item }: { item: NavItem }) {
  const Icon = item.icon
  return (
    <Center mih="60vh">
      <Stack align="center" gap="xs" maw={520}>
        <ThemeIcon size={72} radius="xl" variant="light" color="gray">
          <Icon size={40} />
        </ThemeIcon>
        <Title order={2}>{item.label}</Title>
        <Text c="dimmed" ta="center" size="lg">
          {item.hint}. This desk is not in this version of the app yet.
        </Text>
      </Stack>
    </Center>
  )
}
