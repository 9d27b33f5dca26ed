import type { Settings } from '../../common/contract'
import { createI18n } from '../../common/i18n'
import { slotSchemeSchema } from '../../common/shelf-slot'
import type { Store } from '../db/store'
import { createDirectoryService, type DirectoryService } from './directory-service'

/** The receipt's default "how to check" text: both languages, as every receipt label is (common/i18n/{en,sw}/receipt.ts). */
function defaultHowToCheck(): string {
  const i18n = createI18n()
  return `${i18n.t('receipt.howToCheck', { lng: 'en' })} / ${i18n.t('receipt.howToCheck', { lng: 'sw' })}`
}

export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 5,
  statusUrlBase: 'https://www.hudumakenya.go.ke/track/',
  // Both languages say the same: QR code, or any Huduma Centre with this receipt (migration 0150 updates a stored
  // copy of the previous default, which left the Huduma Centre out of the Kiswahili).
  howToCheck: defaultHowToCheck(),
  readyGraceMinutes: 30,
  slotScheme: { kind: 'week-service' },
  printShelfSlip: false,
  smsPriceKes: 0.8,
  reminderQuietStart: '20:00',
  reminderQuietEnd: '08:00',
  reminderRatePerMinute: 60,
  reminderExclusionDays: 7,
  personalDataRetentionDays: 180,
  updatesEnabled: true,
  // Empty: the address the build was made with (app-update.yml, from electron-builder's `publish`).
  updateUrl: '',
}

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]

/**
 * The centre settings in the key/value table, with defaults for keys never written. A change is also a centre
 * directory change, written in the same transaction, so it reaches every PC of the centre.
 */
export function createSettingsService(
  store: Store,
  directory: DirectoryService = createDirectoryService(store),
) {
  return {
    get(): Settings {
      const out = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>
      for (const key of KEYS) {
        const saved = store.centre.getSetting(key)
        if (key === 'slotScheme') {
          // An object setting is checked in full: a damaged value falls back to the default scheme.
          const scheme = slotSchemeSchema.safeParse(saved)
          if (scheme.success) out[key] = scheme.data
        } else if (typeof saved === typeof DEFAULT_SETTINGS[key]) out[key] = saved
      }
      return out as Settings
    },
    update(next: Partial<Settings>, by: string, now: number): Settings {
      store.tx(() => {
        for (const key of KEYS) if (next[key] !== undefined) store.centre.putSetting(key, next[key])
        directory.record(directory.settingChanges(next), by, now)
        store.audit.write({ at: now, staffNumber: by, action: 'settings.updated', detail: { ...next } })
      })
      return this.get()
    },
    idleLockMs(): number {
      return this.get().idleLockMinutes * 60_000
    },
  }
}
export type SettingsService = ReturnType<typeof createSettingsService>
