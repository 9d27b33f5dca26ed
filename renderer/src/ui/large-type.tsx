import { ActionIcon, Tooltip } from '@mantine/core'
import { IconTextDecrease, IconTextIncrease } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Where this PC remembers large type, so a desk whose staff need it keeps it across sign-ins. */
const LARGE_TYPE_KEY = 'tms.largeType'
/**
 * The root font size in large type. Mantine sizes type, spacing and controls in rem, so the whole window grows
 * together and nothing is cut off; the layout reflows as at a lower resolution.
 */
export const LARGE_TYPE_ROOT = '120%'

export function largeTypeStored(): boolean {
  try {
    return globalThis.localStorage?.getItem(LARGE_TYPE_KEY) === '1'
  } catch {
    return false
  }
}

/** Applies large type (or not) to the window and remembers it on this PC. */
export function applyLargeType(large: boolean): void {
  document.documentElement.style.fontSize = large ? LARGE_TYPE_ROOT : ''
  try {
    globalThis.localStorage?.setItem(LARGE_TYPE_KEY, large ? '1' : '0')
  } catch {
    // Without storage it still switches for now.
  }
}

/** The header's A+/A− button: large type for everything on this PC, for staff who read the screen from afar. */
export function LargeTypeButton() {
  const { t } = useTranslation()
  const [large, setLarge] = useState(largeTypeStored)
  const label = large ? t('common.largeType.off') : t('common.largeType.on')
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="white"
        size="lg"
        aria-label={label}
        aria-pressed={large}
        onClick={() => {
          applyLargeType(!large)
          setLarge(!large)
        }}
      >
        {large ? <IconTextDecrease aria-hidden /> : <IconTextIncrease aria-hidden />}
      </ActionIcon>
    </Tooltip>
  )
}
