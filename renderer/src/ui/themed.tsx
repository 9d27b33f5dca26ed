import { MantineProvider, mergeThemeOverrides, createTheme } from '@mantine/core'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { cssVariablesResolver, theme } from '../theme'

/**
 * The app's theme with the words Mantine draws itself in the window's language: the × of every dialog, drawer and
 * notification is named "Close" / "Funga" for screen readers (axe: button-name), without each one having to say so.
 */
export function Themed({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const themed = useMemo(() => {
    const close = { closeButtonProps: { 'aria-label': t('common.close') } }
    return mergeThemeOverrides(
      theme,
      createTheme({
        components: {
          Modal: { defaultProps: close },
          Drawer: { defaultProps: close },
          Notification: { defaultProps: close },
        },
      }),
    )
    // The language is what changes the words.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language])
  return (
    <MantineProvider theme={themed} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  )
}
