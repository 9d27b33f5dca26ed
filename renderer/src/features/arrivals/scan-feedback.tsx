import { Paper, Stack, Text } from '@mantine/core'
import type { ScanResult } from '../../../../common/contract'

const LOOK: Record<ScanResult['outcome'], { bg: string; fg: string }> = {
  arrived: { bg: 'var(--mantine-color-green-7)', fg: 'white' },
  rescan: { bg: 'var(--mantine-color-yellow-4)', fg: 'var(--mantine-color-dark-9)' },
  collected: { bg: 'var(--mantine-color-orange-6)', fg: 'white' },
  returned: { bg: 'var(--mantine-color-orange-6)', fg: 'white' },
  unknown: { bg: 'var(--mantine-color-red-7)', fg: 'white' },
  invalid: { bg: 'var(--mantine-color-red-7)', fg: 'white' },
}

/** The last scan, readable from a metre away: the slot in huge type on green, or what is wrong on amber or red. */
export function ScanFeedback({ result }: { result: ScanResult | null }) {
  if (!result) {
    return (
      <Paper withBorder p="xl" radius="md" bg="gray.1">
        <Stack align="center" gap={4}>
          <Text size="2rem" fw={700} c="dimmed">
            Ready to scan
          </Text>
          <Text c="dimmed">Scan each document’s label: the shelf slot appears here.</Text>
        </Stack>
      </Paper>
    )
  }
  const look = LOOK[result.outcome]
  return (
    <Paper
      p="lg"
      radius="md"
      bg={look.bg}
      c={look.fg}
      role="status"
      aria-live="assertive"
      data-testid="scan-feedback"
      data-outcome={result.outcome}
    >
      <Stack align="center" gap={2}>
        <Text
          fz={result.outcome === 'arrived' ? '5.5rem' : '3rem'}
          fw={900}
          lh={1.05}
          ff={result.outcome === 'arrived' ? 'monospace' : undefined}
          data-testid="scan-headline"
        >
          {result.headline}
        </Text>
        {result.customerName && (
          <Text fz="xl" fw={600}>
            {result.customerName} · {result.serviceName}
          </Text>
        )}
        <Text fz="lg" ta="center">
          {result.message}
        </Text>
        {result.expected === false && (
          <Text fz="md" fw={700}>
            Not on this batch’s manifest
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
