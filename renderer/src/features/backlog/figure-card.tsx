import { Paper, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../ui/format'

/**
 * One dashboard figure: a big number with its label, a button that opens the list behind it. Sized to be read from a
 * metre away; `selected` marks the figure whose list is open.
 */
export function FigureCard(props: {
  label: string
  value: number
  color?: string
  selected?: boolean
  onOpen: () => void
}) {
  const { t } = useTranslation()
  return (
    <UnstyledButton
      onClick={props.onOpen}
      aria-pressed={props.selected ?? false}
      aria-label={t('backlog.figure.open', { label: props.label, value: formatNumber(props.value) })}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    >
      <Paper
        withBorder
        p="sm"
        radius="md"
        shadow={props.selected ? 'md' : 'xs'}
        style={{
          borderColor: props.selected ? 'var(--mantine-color-blue-6)' : undefined,
          borderWidth: props.selected ? 3 : 1,
          minWidth: 150,
        }}
      >
        <Text fz={34} fw={800} lh={1.1} c={props.color ?? 'dark'}>
          {formatNumber(props.value)}
        </Text>
        <Text fz="lg" fw={600} c="dark.5">
          {props.label}
        </Text>
      </Paper>
    </UnstyledButton>
  )
}
