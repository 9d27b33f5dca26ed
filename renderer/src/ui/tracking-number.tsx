import { Text, type TextProps } from '@mantine/core'
import { formatTrackingNumber } from '../../../common/tracking-number'

/** A tracking number as it is printed and read aloud: three groups of four, monospace. */
export function TrackingNumber({ value, ...props }: { value: string } & TextProps) {
  return (
    <Text ff="monospace" fw={700} style={{ letterSpacing: '0.04em', whiteSpace: 'nowrap' }} {...props}>
      {formatTrackingNumber(value)}
    </Text>
  )
}
