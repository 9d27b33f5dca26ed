import type { Settings } from '../../common/contract'
import type { Store } from '../db/store'

export const DEFAULT_SETTINGS: Settings = { idleLockMinutes: 5 }

/** Workstation settings in the key/value table, with defaults for keys never written. */
export function createSettingsService(store: Store) {
  return {
    get(): Settings {
      const idle = store.centre.getSetting('idleLockMinutes')
      return { idleLockMinutes: typeof idle === 'number' ? idle : DEFAULT_SETTINGS.idleLockMinutes }
    },
    update(next: Settings, by: string, now: number): Settings {
      store.tx(() => {
        store.centre.putSetting('idleLockMinutes', next.idleLockMinutes)
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
