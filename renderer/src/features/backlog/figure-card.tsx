import { Paper, Text, UnstyledButton } from '@mantine/core'

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
  return (
    <UnstyledButton
      onClick={props.onOpen}
      aria-pressed={props.selected ?? false}
      aria-label={`${props.label}: ${props.value.toLocaleString('en')} — open the list`}
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
          {props.value.toLocaleString('en')}
        </Text>
        <Text fz="lg" fw={600} c="dark.5">
          {props.label}
        </Text>
      </Paper>
    </UnstyledButton>
  )
}
