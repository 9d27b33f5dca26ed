import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core'

/** Huduma green; large type so a clerk reads the screen from a metre away on a 1366×768 monitor. */
const huduma: MantineColorsTuple = [
  '#e6f7ef',
  '#cdebdc',
  '#9dd7b9',
  '#69c293',
  '#3fb073',
  '#26a560',
  '#159f55',
  '#038a45',
  '#007b3c',
  '#006a31',
]

/**
 * Mantine's red, orange, yellow, green, blue and teal with shades 7 to 9 darkened until text in them (and white
 * text on them, which is what a filled badge or button shows at shade 8) reaches WCAG AA's 4.5:1 on white, on
 * gray 0 and on the colour's own light background: axe found the defaults at 3.4 to 4.3:1. Shades 0 to 6 are
 * Mantine's.
 */
const accessible = {
  red: [
    '#fff5f5',
    '#ffe3e3',
    '#ffc9c9',
    '#ffa8a8',
    '#ff8787',
    '#ff6b6b',
    '#fa5252',
    '#cf1010',
    '#bb1c1c',
    '#a92323',
  ] as MantineColorsTuple,
  orange: [
    '#fff4e6',
    '#ffe8cc',
    '#ffd8a8',
    '#ffc078',
    '#ffa94d',
    '#ff922b',
    '#fd7e14',
    '#af4905',
    '#a74009',
    '#a1350b',
  ] as MantineColorsTuple,
  yellow: [
    '#fff9db',
    '#fff3bf',
    '#ffec99',
    '#ffe066',
    '#ffd43b',
    '#fcc419',
    '#fab005',
    '#956100',
    '#925500',
    '#914b00',
  ] as MantineColorsTuple,
  green: [
    '#ebfbee',
    '#d3f9d8',
    '#b2f2bb',
    '#8ce99a',
    '#69db7c',
    '#51cf66',
    '#40c057',
    '#267b35',
    '#227231',
    '#21692f',
  ] as MantineColorsTuple,
  blue: [
    '#e7f5ff',
    '#d0ebff',
    '#a5d8ff',
    '#74c0fc',
    '#4dabf7',
    '#339af0',
    '#228be6',
    '#1767af',
    '#1560a5',
    '#155998',
  ] as MantineColorsTuple,
  teal: [
    '#e6fcf5',
    '#c3fae8',
    '#96f2d7',
    '#63e6be',
    '#38d9a9',
    '#20c997',
    '#12b886',
    '#097958',
    '#077050',
    '#07684b',
  ] as MantineColorsTuple,
}

/**
 * A select's options scroll in the listbox itself, not in a scroll area inside it: the arrow keys move through them
 * from the field (the combobox pattern), and axe (scrollable-region-focusable, serious) counts a scroll area inside
 * the listbox as a region the keyboard cannot reach, while it knows the combobox's own popup is reached from the
 * field. The list is as high as the select's `maxDropdownHeight` (Mantine's 220 px by default), as with its
 * scroll area.
 */
const OPTIONS_AS_LISTBOX = { withScrollArea: false } as const
const optionsScroll = (_theme: unknown, props: { maxDropdownHeight?: number | string }) => ({
  options: { maxHeight: props.maxDropdownHeight ?? 220, overflowY: 'auto' as const },
})

export const theme = createTheme({
  primaryColor: 'huduma',
  // Shade 8 (#007b3c) under white text and as link text on white is 5.4:1, above WCAG AA's 4.5:1; Mantine's
  // default shade 6 was 3.3:1, too pale for a label read from a metre away.
  primaryShade: { light: 8, dark: 6 },
  colors: { huduma, ...accessible },
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  fontSizes: { xs: '13px', sm: '15px', md: '17px', lg: '19px', xl: '22px' },
  headings: { fontWeight: '700' },
  defaultRadius: 'md',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md', ...OPTIONS_AS_LISTBOX }, styles: optionsScroll },
    MultiSelect: { defaultProps: OPTIONS_AS_LISTBOX, styles: optionsScroll },
    Autocomplete: { defaultProps: OPTIONS_AS_LISTBOX, styles: optionsScroll },
    NumberInput: { defaultProps: { size: 'md' } },
    // Mantine puts a focus placeholder (role="presentation", tabindex -1) first in every menu, and a menu may hold
    // only menu items: axe's aria-required-children is critical about it. Without it the open menu puts the focus
    // on its first item, as the WAI-ARIA menu pattern does, and the arrow keys move along the items.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  },
})

/**
 * Secondary ("dimmed") text in gray 7 rather than Mantine's gray 6: 7.4:1 on white instead of 3.3:1, so hints and
 * captions pass WCAG AA contrast too; a field's error text in red 8 (6.4:1) rather than red 6 (3.3:1). A light
 * Huduma button under the pointer has a background between shades 1 and 2: its shade-9 label is 4.8:1 on it, where
 * Mantine's shade 2 gave 4.1:1 (axe: color-contrast, on "Save for sending" once clicked).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-error': t.colors.red[8],
    '--mantine-color-huduma-light-hover': '#b9e3cd',
  },
  dark: {},
})
