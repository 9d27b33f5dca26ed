import type { SessionInfo } from '../../common/contract'
import type { UiLanguage } from '../../common/i18n/languages'
import { pinTooShortFor } from '../../common/contract/fields'
import { AppError } from '../../common/errors'
import { isDiskFull } from '../db/storage-fault'
import type { Store } from '../db/store'
import type { Clock } from '../infra/clock'
import type { PinHasher } from './pin-hash'
import type { Session, SessionStore } from '../infra/session-store'
import type { SettingsService } from './settings-service'
import type { DirectoryService } from './directory-service'

export const MAX_PIN_ATTEMPTS = 5
export const ACCOUNT_LOCK_MS = 5 * 60_000

interface Deps {
  pins: PinHasher
  store: Store
  sessions: SessionStore
  settings: SettingsService
  clock: Clock
  directory: DirectoryService
}

/**
 * Sign-in, lock and unlock. Five wrong PINs (at sign-in or unlock, counted together) lock the account for five
 * minutes; every success, failure and lock goes to the audit log.
 */
export function createAuthService({ store, sessions, settings, clock, pins, directory }: Deps) {
  const info = (s: Session): SessionInfo => ({
    staff: { staffNumber: s.staffNumber, name: s.name, role: s.role },
    locked: s.locked,
    idleLockMs: settings.idleLockMs(),
    mustChangePin: s.mustChangePin === true,
    language: s.language,
  })

  const hhmm = (t: number): string =>
    new Date(t).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Africa/Nairobi',
    })

  /**
   * Wrong PINs and locks the full disk could not record. Staff must still be able to sign in on a full disk (to see
   * why nothing saves), so sign-in does not depend on its writes; the lockout must hold all the same, so what could
   * not be written is counted here until it can.
   */
  const unrecorded = new Map<string, { attempts: number; lockedUntil: number | null }>()
  /** Runs a sign-in bookkeeping write; on a full disk returns false instead of failing the sign-in. */
  const bookkeeping = (write: () => void): boolean => {
    try {
      write()
      return true
    } catch (err) {
      if (isDiskFull(err)) return false
      throw err
    }
  }

  /** The staff row's language and its directory change, in one transaction: every PC of the centre gets it. */
  const saveLanguage = (staffNumber: string, language: UiLanguage): void => {
    store.tx(() => {
      const now = clock.now()
      store.staff.setLanguage({ staffNumber, language, now })
      directory.record(
        [{ kind: 'staff', key: staffNumber, field: 'language', value: language }],
        staffNumber,
        now,
      )
    })
  }

  /** Checks a PIN and keeps the failure count; throws WRONG_PIN / ACCOUNT_LOCKED. */
  async function checkPin(staffNumber: string, pin: string, action: string): Promise<void> {
    const row = store.staff.byNumber(staffNumber)
    const now = clock.now()
    const pending = unrecorded.get(staffNumber)
    const lockedUntilNow = Math.max(row?.locked_until ?? 0, pending?.lockedUntil ?? 0)
    const audit = (suffix: string, detail: Record<string, unknown>): boolean =>
      bookkeeping(() => store.audit.write({ at: now, staffNumber, action: `${action}.${suffix}`, detail }))
    if (lockedUntilNow > now) {
      audit('refused', { reason: 'account locked' })
      throw new AppError(
        'ACCOUNT_LOCKED',
        `Too many wrong PINs: this account is locked until ${hhmm(lockedUntilNow)}. An administrator can reset the PIN.`,
      )
    }
    const ok = await pins.verify(pin, row?.pin_hash ?? pins.decoy)
    if (!row) {
      audit('failed', { reason: 'unknown staff' })
      throw new AppError('WRONG_PIN', 'Wrong staff number or PIN.')
    }
    if (ok) {
      if (!row.active) {
        audit('refused', { reason: 'inactive' })
        throw new AppError('FORBIDDEN', 'This staff account is deactivated. Ask an administrator.')
      }
      // A hash made at an older, lower cost is replaced now, while the PIN is known: nobody has to do anything.
      const upgraded = pins.needsRehash(row.pin_hash) ? await pins.hash(pin) : null
      const recorded = bookkeeping(() =>
        store.tx(() => {
          // Only if the hash is still the one just checked: an administrator may have reset the PIN meanwhile.
          if (upgraded && store.staff.byNumber(staffNumber)?.pin_hash === row.pin_hash)
            store.staff.setPin({ staffNumber, pinHash: upgraded, now })
          store.staff.recordSuccess({ staffNumber, now })
        }),
      )
      if (recorded) unrecorded.delete(staffNumber)
      return
    }
    const attempts = row.failed_attempts + (pending?.attempts ?? 0) + 1
    const lockedUntil = attempts >= MAX_PIN_ATTEMPTS ? now + ACCOUNT_LOCK_MS : null
    const recorded = bookkeeping(() =>
      store.tx(() => {
        store.staff.recordFailure({ staffNumber, attempts: lockedUntil ? 0 : attempts, lockedUntil, now })
        store.audit.write({ at: now, staffNumber, action: `${action}.failed`, detail: { attempt: attempts } })
        if (lockedUntil)
          store.audit.write({ at: now, staffNumber, action: 'auth.accountLocked', detail: { lockedUntil } })
      }),
    )
    if (recorded) unrecorded.delete(staffNumber)
    else
      unrecorded.set(staffNumber, {
        attempts: lockedUntil ? 0 : (pending?.attempts ?? 0) + 1,
        lockedUntil: lockedUntil ?? pending?.lockedUntil ?? null,
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

    /**
     * Signs in; `language`, when the person chose one on the sign-in screen, becomes theirs on every PC of the
     * centre. Without it they work in the language they chose last time.
     */
    async signIn(key: string, staffNumber: string, pin: string, language?: UiLanguage): Promise<SessionInfo> {
      await checkPin(staffNumber, pin, 'auth.signIn')
      const row = store.staff.byNumber(staffNumber)
      if (!row) throw new AppError('WRONG_PIN', 'Wrong staff number or PIN.')
      const session: Session = {
        staffNumber: row.staff_number,
        name: row.name,
        role: row.role,
        locked: false,
        lastActivity: clock.now(),
        // Known only now, while the PIN is in hand: the stored hash does not tell how long it is.
        mustChangePin: pinTooShortFor(row.role, pin) !== null,
        language: row.ui_language,
      }
      sessions.set(key, session)
      bookkeeping(() =>
        store.audit.write({ at: clock.now(), staffNumber, action: 'auth.signIn', detail: {} }),
      )
      // Their choice holds for this session even on a full disk; it is only not remembered.
      if (language) {
        session.language = language
        if (language !== row.ui_language) bookkeeping(() => saveLanguage(staffNumber, language))
      }
      return info(session)
    },

    /** The signed-in person switches the UI language; it stays theirs on every PC of the centre. */
    setLanguage(key: string, language: UiLanguage): SessionInfo {
      const s = sessions.get(key)
      if (!s) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
      if (store.staff.byNumber(s.staffNumber)?.ui_language !== language) saveLanguage(s.staffNumber, language)
      s.language = language
      return info(s)
    },

    /** Starts a session for someone just created and authenticated by other means (first-run setup). */
    startSession(key: string, s: Omit<Session, 'locked' | 'lastActivity' | 'language'>): SessionInfo {
      const language = store.staff.byNumber(s.staffNumber)?.ui_language ?? 'en'
      const session: Session = { ...s, language, locked: false, lastActivity: clock.now() }
      sessions.set(key, session)
      return info(session)
    },

    signOut(key: string): void {
      const s = sessions.get(key)
      if (!s) return
      sessions.delete(key)
      bookkeeping(() =>
        store.audit.write({
          at: clock.now(),
          staffNumber: s.staffNumber,
          action: 'auth.signOut',
          detail: {},
        }),
      )
    },

    lock(key: string, reason: 'manual' | 'idle'): SessionInfo | null {
      const s = sessions.get(key)
      if (!s) return null
      if (!s.locked) {
        s.locked = true
        bookkeeping(() =>
          store.audit.write({
            at: clock.now(),
            staffNumber: s.staffNumber,
            action: 'auth.lock',
            detail: { reason },
          }),
        )
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
      bookkeeping(() =>
        store.audit.write({ at: clock.now(), staffNumber: s.staffNumber, action: 'auth.unlock', detail: {} }),
      )
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
        bookkeeping(() =>
          store.audit.write({
            at: clock.now(),
            staffNumber: s.staffNumber,
            action: 'auth.signOut',
            detail: { reason: 'deactivated' },
          }),
        )
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

    /**
     * Asks the signed-in staff member for their PIN again before something that lets personal data leave the app
     * (an export, a data-subject request). It is `checkPin`, so a wrong PIN counts toward the same lockout and is
     * audited as `<action>.failed`; the caller writes the success row with what was done. A lockout signs the window
     * out, as at unlock: the account is no longer fit to hold a session.
     */
    async confirmPin(key: string, pin: string, action: string): Promise<Session> {
      const s = sessions.get(key)
      if (!s) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
      try {
        await checkPin(s.staffNumber, pin, action)
      } catch (err) {
        if (err instanceof AppError && err.code === 'ACCOUNT_LOCKED') sessions.delete(key)
        throw err
      }
      return s
    },

    async changePin(key: string, currentPin: string, newPin: string): Promise<SessionInfo> {
      const s = sessions.get(key)
      if (!s) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
      const tooShort = pinTooShortFor(s.role, newPin)
      if (tooShort) throw new AppError('INVALID_INPUT', tooShort, 'newPin')
      await checkPin(s.staffNumber, currentPin, 'auth.changePin')
      const pinHash = await pins.hash(newPin)
      const now = clock.now()
      store.tx(() => {
        store.staff.setPin({ staffNumber: s.staffNumber, pinHash, now })
        // The new PIN signs in on every PC of the centre; the old one stops working there too.
        directory.record(
          [{ kind: 'staff', key: s.staffNumber, field: 'pinHash', value: pinHash }],
          s.staffNumber,
          now,
        )
        bookkeeping(() =>
          store.audit.write({ at: now, staffNumber: s.staffNumber, action: 'auth.pinChanged', detail: {} }),
        )
      })
      // Every window this person is signed in to may go on now.
      for (const [, other] of sessions.entries())
        if (other.staffNumber === s.staffNumber) other.mustChangePin = false
      return info(s)
    },
  }
}
export type AuthService = ReturnType<typeof createAuthService>
