import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { NavItem } from '../shell/nav-items'

/** Shown for a desk this version does not have yet: says so plainly instead of showing dead controls. */
export function NotYetPage({ item }: { item: NavItem }) {
  const Icon = item.icon
  const { t } = useTranslation()
  return (
    <Center mih="60vh">
      <Stack align="center" gap="xs" maw={520}>
        <ThemeIcon size={72} radius="xl" variant="light" color="gray">
          <Icon size={40} />
        </ThemeIcon>
        <Title order={2}>{t(`shell.nav.${item.id}.label`)}</Title>
        <Text c="dimmed" ta="center" size="lg">
          {t('shell.notYet', { hint: t(`shell.nav.${item.id}.hint`) })}
        </Text>
      </Stack>
    </Center>
  )
}
