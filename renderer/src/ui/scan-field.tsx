import { TextInput, type TextInputProps } from '@mantine/core'
import { IconBarcode } from '@tabler/icons-react'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { KeyboardScanDetector } from '../../../common/keyboard-scan'

/** Where typing goes on its own: a field, a list box, an open dialog. Keys there are not a scan. */
function typingElsewhere(active: Element | null): boolean {
  if (!active || active === document.body) return document.querySelector('[role="dialog"]') !== null
  return (
    active.matches(
      'input, textarea, select, [contenteditable="true"], [role="combobox"], [role="listbox"]',
    ) || active.closest('[role="dialog"]') !== null
  )
}

/**
 * The field a keyboard-mode (USB HID) scanner types into. A fast burst ending in Enter is a scan; a person typing a
 * code and pressing Enter works the same way. Either way `onCode` gets the text and the field clears.
 *
 * Whenever a scan is expected the field takes the keys: a character typed while the focus is on a button or on
 * nothing (after a click on the page) moves the focus here before the character lands, so a scanner's burst is
 * never lost to a button. Keys typed into another field or an open dialog are left alone.
 */
export function ScanField({
  onCode,
  refocus,
  ...props
}: {
  onCode: (code: string, source: 'scanner' | 'typed') => void
  /**
   * A change puts the cursor back in the field: the control that had it has gone (a hand-over done), and the next
   * scan is expected here.
   */
  refocus?: number
} & Omit<TextInputProps, 'onChange' | 'value'>) {
  const [value, setValue] = useState('')
  const detector = useRef(new KeyboardScanDetector())
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if (e.key.length !== 1 || e.ctrlKey || e.altKey || e.metaKey) return
      if (!input.current || input.current.disabled || typingElsewhere(document.activeElement)) return
      // Focus moves during keydown, so the browser puts this character into the field.
      input.current.focus()
    }
    document.addEventListener('keydown', onKey, true)
    return () => document.removeEventListener('keydown', onKey, true)
  }, [])
  useEffect(() => {
    if (refocus) input.current?.focus()
  }, [refocus])
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
      ref={input}
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onKeyDown={onKeyDown}
      {...props}
    />
  )
}
