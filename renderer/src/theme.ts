import { createTheme, type MantineColorsTuple } from '@mantine/core'

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

export const theme = createTheme({
  primaryColor: 'huduma',
  colors: { huduma },
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  fontSizes: { xs: '13px', sm: '15px', md: '17px', lg: '19px', xl: '22px' },
  headings: { fontWeight: '700' },
  defaultRadius: 'md',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
  },
})
