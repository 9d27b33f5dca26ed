import type { i18n as I18n } from 'i18next'
import { findContractMessage } from '../../../common/i18n'
import { serviceLabelOfEnglish } from '../ui/service-names-store'
import { i18n } from './instance'

/**
 * `message` in `instance`'s language when it is one of the contract's or the core's messages
 * (common/i18n/contract-messages.ts says why they are matched by their English); any other text is returned as it
 * is. The values found in a message are translated too when they are catalogue texts (a field's name, a status, a
 * role), one level down at most.
 */
export function localContractMessage(instance: I18n, message: string, depth = 0): string {
  if (instance.language === 'en') return message
  const found = findContractMessage(message)
  if (!found) return message
  const values = Object.fromEntries(
    Object.entries(found.values).map(([n, v]) => [
      n,
      // The core names a service by its English name: the catalogue's names give the window's.
      n === 'service'
        ? (serviceLabelOfEnglish(v) ?? v)
        : depth < 1
          ? localContractMessage(instance, v, depth + 1)
          : v,
    ]),
  )
  // The key is found at run time, so it is not one of the typed literal keys.
  const t = instance.t.bind(instance) as unknown as (key: string, options: Record<string, string>) => string
  return found.group === 'core' ? t(`core.${found.key}`, values) : t(`validation.${found.key}`, values)
}

/** A contract or core message in the window's language. */
export const contractText = (message: string): string => localContractMessage(i18n, message)
