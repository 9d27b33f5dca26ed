import { useHotkeys, type HotkeyItem } from '@mantine/hooks'

/**
 * The desks' shortcut keys (F-keys, Alt+digit, Ctrl+L). Mantine's useHotkeys ignores key presses in INPUT, TEXTAREA
 * and SELECT by default, but at a desk the cursor is nearly always in a field, so these keys fire from anywhere:
 * each one uses a modifier or a function key, which typing never produces.
 */
export function useDeskHotkeys(hotkeys: HotkeyItem[]): void {
  useHotkeys(hotkeys, [])
}
