import { Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ScanResult } from '../../../../common/contract'
import { formatTrackingNumber } from '../../../../common/tracking-number'
import { contractText } from '../../i18n/contract-text'
import { useServiceLabel } from '../../ui/service-names'
import { formatScannedCode } from './scanned-code'

/**
 * What the big panel shows: the last read, whatever became of it. Every read replaces it, so a panel still green
 * from the document before can never be taken for the answer to this one.
 */
export type ScanPanel =
  | { kind: 'result'; result: ScanResult }
  /** The scanner refused the read (garbled, too long, no line ending) or the scan could not be recorded. */
  | { kind: 'rejected'; message: string }
  /** The same code again inside the scanner's repeat window: folded into the read before it. */
  | { kind: 'repeat'; code: string }

const LOOK: Record<ScanResult['outcome'] | 'rejected' | 'repeat', { bg: string; fg: string }> = {
  arrived: { bg: 'var(--mantine-color-green-7)', fg: 'white' },
  rescan: { bg: 'var(--mantine-color-yellow-4)', fg: 'var(--mantine-color-dark-9)' },
  collected: { bg: 'var(--mantine-color-orange-6)', fg: 'white' },
  returned: { bg: 'var(--mantine-color-orange-6)', fg: 'white' },
  unknown: { bg: 'var(--mantine-color-red-7)', fg: 'white' },
  invalid: { bg: 'var(--mantine-color-red-7)', fg: 'white' },
  rejected: { bg: 'var(--mantine-color-red-7)', fg: 'white' },
  // Neutral, not green: nothing new happened.
  repeat: { bg: 'var(--mantine-color-gray-3)', fg: 'var(--mantine-color-dark-9)' },
}

/** The last scan, readable from a metre away: the slot in huge type on green, or what is wrong on amber or red. */
export function ScanFeedback({ panel }: { panel: ScanPanel | null }) {
  const { t } = useTranslation()
  if (!panel) {
    return (
      <Paper withBorder p="xl" radius="md" bg="gray.1">
        <Stack align="center" gap={4}>
          <Text size="2rem" fw={700} c="dimmed">
            {t('arrivals.feedback.readyTitle')}
          </Text>
          <Text c="dimmed">{t('arrivals.feedback.readyText')}</Text>
        </Stack>
      </Paper>
    )
  }
  const outcome = panel.kind === 'result' ? panel.result.outcome : panel.kind
  const look = LOOK[outcome]
  return (
    <Paper
      p="lg"
      radius="md"
      bg={look.bg}
      c={look.fg}
      withBorder={panel.kind === 'repeat'}
      role="status"
      aria-live="assertive"
      data-testid="scan-feedback"
      data-outcome={outcome}
    >
      <Stack align="center" gap={2}>
        {panel.kind === 'result' ? (
          <ResultBody result={panel.result} />
        ) : panel.kind === 'rejected' ? (
          <>
            <Headline text={t('arrivals.feedback.rejected')} />
            <Text fz="lg" ta="center">
              {contractText(panel.message)}
            </Text>
          </>
        ) : (
          <>
            <Headline text={t('arrivals.feedback.repeat')} />
            <Text fz="lg" ta="center">
              {t('arrivals.feedback.repeatText', { code: formatScannedCode(panel.code) })}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  )
}

function Headline({ text, slot = false }: { text: string; slot?: boolean }) {
  return (
    <Text
      fz={slot ? '5.5rem' : '3rem'}
      fw={900}
      lh={1.05}
      ff={slot ? 'monospace' : undefined}
      ta="center"
      data-testid="scan-headline"
    >
      {text}
    </Text>
  )
}

function ResultBody({ result }: { result: ScanResult }) {
  const { t } = useTranslation()
  const serviceLabel = useServiceLabel()
  const arrived = result.outcome === 'arrived'
  return (
    <>
      {/* The core words the headline and message in English: shown in the window's language. */}
      <Headline text={contractText(result.headline)} slot={arrived} />
      {result.customerName && (
        <Text fz="xl" fw={600}>
          {result.customerName} · {serviceLabel(result.serviceCode, result.serviceName ?? '')}
        </Text>
      )}
      {/* An arrival's message is its tracking number, name and service: the name and service are on the line
          above, so only the number is added, in the form printed on the label. */}
      {arrived && result.trackingNumber ? (
        <Text fz="lg" ff="monospace">
          {formatTrackingNumber(result.trackingNumber)}
        </Text>
      ) : (
        result.message && (
          <Text fz="lg" ta="center">
            {contractText(result.message)}
          </Text>
        )
      )}
      {result.expected === false && (
        <Text fz="md" fw={700}>
          {t('arrivals.feedback.notExpected')}
        </Text>
      )}
    </>
  )
}
