import type { Role } from '../../common/roles'
import type { UiLanguage } from '../../common/i18n/languages'

export interface Session {
  staffNumber: string
  name: string
  role: Role
  locked: boolean
  lastActivity: number
  /** See SessionInfo.mustChangePin. */
  mustChangePin?: boolean
  /** The UI language this person works in (SessionInfo.language). */
  language: UiLanguage
}

/**
 * Signed-in sessions, keyed by the transport's connection key (an Electron window's port, an HTTP session cookie).
 * Memory only: a restart signs everybody out, which is what a shared counter PC wants.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  get(key: string): Session | null {
    return this.sessions.get(key) ?? null
  }
  set(key: string, session: Session): void {
    this.sessions.set(key, session)
  }
  delete(key: string): void {
    this.sessions.delete(key)
  }
  entries(): IterableIterator<[string, Session]> {
    return this.sessions.entries()
  }
}
