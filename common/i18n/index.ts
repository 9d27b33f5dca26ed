import i18next, { type i18n, type Module } from 'i18next'
import { en, LANGUAGE_NAMES, UI_LANGUAGES, type Messages, type UiLanguage } from './languages'
import { sw } from './sw'

export { en, LANGUAGE_NAMES, sw, UI_LANGUAGES, type Messages, type UiLanguage }
export * from './format'
export {
  CONTRACT_MESSAGES,
  CORE_MESSAGES,
  findContractMessage,
  type FoundMessage,
  type MessageGroup,
} from './contract-messages'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
  }
}

export const isUiLanguage = (value: unknown): value is UiLanguage =>
  (UI_LANGUAGES as readonly unknown[]).includes(value)

/**
 * A ready i18next instance with both languages loaded, synchronously (the messages are part of the bundle, so
 * the first render is already in the right language). Each caller gets its own: the renderer keeps one for the
 * window (with react-i18next as its plugin); the core makes its own for paper and SMS.
 */
export function createI18n(language: UiLanguage = 'en', plugins: readonly Module[] = []): i18n {
  const instance = i18next.createInstance()
  for (const p of plugins) instance.use(p)
  void instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...UI_LANGUAGES],
    resources: { en: { translation: en }, sw: { translation: sw } },
    initAsync: false,
    // React escapes what it renders; paper and SMS are not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
