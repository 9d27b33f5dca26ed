import type { SessionInfo } from '../../common/contract'
import { AppError } from '../../common/errors'
import type { Store } from '../db/store'
import type { Clock } from './clock'
import { DECOY_HASH, verifyPin } from './pin-hash'
import type { Session, SessionStore } from './session-store'
import type { SettingsService } from './settings-service'

export const MAX_PIN_ATTEMPTS = 5
export const ACCOUNT_LOCK_MS = 5 * 60_000

interface Deps {
  store: Store
  sessions: SessionStore
  settings: SettingsService
  clock: Clock
}

/**
 * Sign-in, lock and unlock. Five wrong PINs (at sign-in or unlock, counted together) lock the account for five
 * minutes; every success, failure and lock goes to the audit log.
 */
export function createAuthService({ store, sessions, settings, clock }: Deps) {
  const info = (s: Session): SessionInfo => ({
    staff: { staffNumber: s.staffNumber, name: s.name, role: s.role },
    locked: s.locked,
    idleLockMs: settings.idleLockMs(),
  })

  const hhmm = (t: number): string =>
    new Date(t).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Africa/Nairobi',
    })

  /** Checks a PIN and keeps the failure count; throws WRONG_PIN / ACCOUNT_LOCKED. */
  async function checkPin(staffNumber: string, pin: string, action: string): Promise<void> {
    const row = store.staff.byNumber(staffNumber)
    const now = clock.now()
    if (row?.locked_until != null && row.locked_until > now) {
      store.audit.write({
        at: now,
        staffNumber,
        action: `${action}.refused`,
        detail: { reason: 'account locked' },
      })
      throw new AppError(
        'ACCOUNT_LOCKED',
        `Too many wrong PINs: this account is locked until ${hhmm(row.locked_until)}. An administrator can reset the PIN.`,
      )
    }
    const ok = await verifyPin(pin, row?.pin_hash ?? DECOY_HASH)
    if (!row) {
      store.audit.write({
        at: now,
        staffNumber,
        action: `${action}.failed`,
        detail: { reason: 'unknown staff' },
      })
      throw new AppError('WRONG_PIN', 'Wrong staff number or PIN.')
    }
    if (ok) {
      if (!row.active) {
        store.audit.write({
          at: now,
          staffNumber,
          action: `${action}.refused`,
          detail: { reason: 'inactive' },
        })
        throw new AppError('FORBIDDEN', 'This staff account is deactivated. Ask an administrator.')
      }
      store.staff.recordSuccess({ staffNumber, now })
      return
    }
    const attempts = row.failed_attempts + 1
    const lockedUntil = attempts >= MAX_PIN_ATTEMPTS ? now + ACCOUNT_LOCK_MS : null
    store.tx(() => {
      store.staff.recordFailure({ staffNumber, attempts: lockedUntil ? 0 : attempts, lockedUntil, now })
      store.audit.write({ at: now, staffNumber, action: `${action}.failed`, detail: { attempt: attempts } })
      if (lockedUntil)
        store.audit.write({ at: now, staffNumber, action: 'auth.accountLocked', detail: { lockedUntil } })
    })
    if (lockedUntil) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        `${MAX_PIN_ATTEMPTS} wrong PINs: this account is locked until ${hhmm(lockedUntil)}. An administrator can reset the PIN.`,
      )
    }
    const left = MAX_PIN_ATTEMPTS - attempts
    throw new AppError(
      'WRONG_PIN',
      `Wrong staff number or PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before the account locks.`,
    )
  }

  return {
    info,

    current(key: string): SessionInfo | null {
      const s = sessions.get(key)
      return s ? info(s) : null
    },

    async signIn(key: string, staffNumber: string, pin: string): Promise<SessionInfo> {
      await checkPin(staffNumber, pin, 'auth.signIn')
      const row = store.staff.byNumber(staffNumber)
      if (!row) throw new AppError('WRONG_PIN', 'Wrong staff number or PIN.')
      const session: Session = {
        staffNumber: row.staff_number,
        name: row.name,
        role: row.role,
        locked: false,
        lastActivity: clock.now(),
      }
      sessions.set(key, session)
      store.audit.write({ at: clock.now(), staffNumber, action: 'auth.signIn', detail: {} })
      return info(session)
    },

    /** Starts a session for someone just created and authenticated by other means (first-run setup). */
    startSession(key: string, s: Omit<Session, 'locked' | 'lastActivity'>): SessionInfo {
      const session: Session = { ...s, locked: false, lastActivity: clock.now() }
      sessions.set(key, session)
      return info(session)
    },

    signOut(key: string): void {
      const s = sessions.get(key)
      if (!s) return
      sessions.delete(key)
      store.audit.write({ at: clock.now(), staffNumber: s.staffNumber, action: 'auth.signOut', detail: {} })
    },

    lock(key: string, reason: 'manual' | 'idle'): SessionInfo | null {
      const s = sessions.get(key)
      if (!s) return null
      if (!s.locked) {
        s.locked = true
        store.audit.write({
          at: clock.now(),
          staffNumber: s.staffNumber,
          action: 'auth.lock',
          detail: { reason },
        })
      }
      return info(s)
    },

    async unlock(key: string, pin: string): Promise<SessionInfo> {
      const s = sessions.get(key)
      if (!s) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
      try {
        await checkPin(s.staffNumber, pin, 'auth.unlock')
      } catch (err) {
        // A locked account cannot keep a locked window: sign it out so the next person can sign in.
        if (err instanceof AppError && err.code === 'ACCOUNT_LOCKED') sessions.delete(key)
        throw err
      }
      s.locked = false
      s.lastActivity = clock.now()
      store.audit.write({ at: clock.now(), staffNumber: s.staffNumber, action: 'auth.unlock', detail: {} })
      return info(s)
    },

    /**
     * The session as the staff table says now: a role change applies at once, and a deactivated account is signed
     * out on its next call rather than keeping the rights it had at sign-in.
     */
    refresh(key: string): Session | null {
      const s = sessions.get(key)
      if (!s) return null
      const row = store.staff.byNumber(s.staffNumber)
      if (!row || !row.active) {
        sessions.delete(key)
        store.audit.write({
          at: clock.now(),
          staffNumber: s.staffNumber,
          action: 'auth.signOut',
          detail: { reason: 'deactivated' },
        })
        return null
      }
      s.role = row.role
      s.name = row.name
      return s
    },

    touch(key: string): void {
      const s = sessions.get(key)
      if (s && !s.locked) s.lastActivity = clock.now()
    },

    /** True when the session has been idle past the limit; locks it as a side effect. */
    lockIfIdle(key: string): boolean {
      const s = sessions.get(key)
      if (!s || s.locked) return false
      if (clock.now() - s.lastActivity < settings.idleLockMs()) return false
      this.lock(key, 'idle')
      return true
    },

    /** Locks every idle session; returns the keys that changed so their windows can be told. */
    sweepIdle(): string[] {
      const changed: string[] = []
      for (const [key] of sessions.entries()) if (this.lockIfIdle(key)) changed.push(key)
      return changed
    },

    async changePin(key: string, currentPin: string, newPinHash: () => Promise<string>): Promise<void> {
      const s = sessions.get(key)
      if (!s) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
      await checkPin(s.staffNumber, currentPin, 'auth.changePin')
      const pinHash = await newPinHash()
      const now = clock.now()
      store.tx(() => {
        store.staff.setPin({ staffNumber: s.staffNumber, pinHash, now })
        store.audit.write({ at: now, staffNumber: s.staffNumber, action: 'auth.pinChanged', detail: {} })
      })
    },
  }
}
export type AuthService = ReturnType<typeof createAuthService>
