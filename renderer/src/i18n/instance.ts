import { initReactI18next } from 'react-i18next'
import { createI18n, isUiLanguage, type UiLanguage } from '../../../common/i18n'

/** Where this PC remembers the language of the last person who signed in, for the next sign-in screen. */
const LAST_LANGUAGE_KEY = 'tms.uiLanguage'

function lastLanguage(): UiLanguage {
  try {
    const stored = globalThis.localStorage?.getItem(LAST_LANGUAGE_KEY)
    return isUiLanguage(stored) ? stored : 'en'
  } catch {
    return 'en'
  }
}

/**
 * The window's i18next instance. There is one window and one person at it, so one instance: the sign-in screen
 * sets the language, the signed-in staff member's own choice replaces it, and the formatting helpers
 * (ui/format.ts) read it.
 */
export const i18n = createI18n(lastLanguage(), [initReactI18next])
document.documentElement.lang = i18n.language

export const uiLanguage = (): UiLanguage => (isUiLanguage(i18n.language) ? i18n.language : 'en')

/** Switches the whole window; remembered on this PC for the next sign-in screen. */
export function setUiLanguage(language: UiLanguage): void {
  if (i18n.language !== language) void i18n.changeLanguage(language)
  document.documentElement.lang = language
  try {
    globalThis.localStorage?.setItem(LAST_LANGUAGE_KEY, language)
  } catch {
    // A window without storage still switches; it only forgets the choice.
  }
}
