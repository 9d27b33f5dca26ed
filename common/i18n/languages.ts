import { agencies } from './en/agencies'
import { arrivals } from './en/arrivals'
import { audit } from './en/audit'
import { auth } from './en/auth'
import { backlog } from './en/backlog'
import { campaigns } from './en/campaigns'
import { collection } from './en/collection'
import { common } from './en/common'
import { core } from './en/core'
import { counter } from './en/counter'
import { receipt } from './en/receipt'
import { reports } from './en/reports'
import { settings } from './en/settings'
import { setup } from './en/setup'
import { shell } from './en/shell'
import { sms } from './en/sms'
import { ui } from './en/ui'
import { validation } from './en/validation'
import type { MessagesOf } from './messages'

/** The languages of the UI; the same two as receipts and SMS (customers choose theirs at registration). */
export const UI_LANGUAGES = ['en', 'sw'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

/** Each language by its own name, so a person who reads only one of them still finds it. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', sw: 'Kiswahili' }

/**
 * The English messages, one file per screen group (common/i18n/en/*.ts), and the Kiswahili beside them
 * (common/i18n/sw/*.ts). Keys are always written out in full where they are used (`t('auth.signIn.submit')`), so
 * the key test can find every one in the source.
 */
export const en = {
  common,
  auth,
  shell,
  setup,
  ui,
  counter,
  arrivals,
  collection,
  backlog,
  campaigns,
  agencies,
  settings,
  audit,
  validation,
  core,
  sms,
  receipt,
  reports,
} as const

export type Messages = MessagesOf<typeof en>
