import { TextInput, type TextInputProps } from '@mantine/core'
import { IconBarcode } from '@tabler/icons-react'
import { useRef, useState, type KeyboardEvent } from 'react'
import { KeyboardScanDetector } from '../../../common/keyboard-scan'

/**
 * The field a keyboard-mode (USB HID) scanner types into. A fast burst ending in Enter is a scan; a person typing a
 * code and pressing Enter works the same way. Either way `onCode` gets the text and the field clears.
 */
export function ScanField({
  onCode,
  ...props
}: { onCode: (code: string, source: 'scanner' | 'typed') => void } & Omit<
  TextInputProps,
  'onChange' | 'value'
>) {
  const [value, setValue] = useState('')
  const detector = useRef(new KeyboardScanDetector())
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const r = detector.current.key({ key: e.key, time: performance.now() })
    if (e.key !== 'Enter') return
    e.preventDefault()
    const code = value.trim()
    detector.current.reset()
    setValue('')
    if (code) onCode(code, r?.kind === 'scan' ? 'scanner' : 'typed')
  }
  return (
    <TextInput
      size="xl"
      leftSection={<IconBarcode size={28} />}
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onKeyDown={onKeyDown}
      {...props}
    />
  )
}
