import type { z } from 'zod'
import {
  contract,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
} from '../../common/contract'
import { cleanInput } from '../../common/contract/safe-text'
import { MIN_PIN_DIGITS } from '../../common/contract/fields'
import { AppError, type ApiFailure, type ApiResult, type ErrorCode } from '../../common/errors'
import { ROLE_LABELS } from '../../common/roles'
import type { AuthService } from '../services/auth-service'
import { isDiskFull, isIoError, isLocked } from '../db/storage-fault'
import type { WriteGate } from '../db/write-gate'
import type { Logger } from '../infra/logger'
import type { Session, SessionStore } from '../infra/session-store'

/** What a handler knows about its caller. `session` is non-null for every non-public method. */
export interface CallContext {
  key: string
  session: Session | null
}

export type Handlers = {
  [K in MethodName]: (input: ParsedInput<K>, ctx: CallContext) => MethodOutput<K> | Promise<MethodOutput<K>>
}

export type Dispatch = (key: string, method: unknown, input: unknown) => Promise<ApiResult<unknown>>

interface Deps {
  handlers: Handlers
  auth: AuthService
  sessions: SessionStore
  logger: Logger
  /** Told when the dispatcher itself changed a session (an idle lock found on a call). */
  onSessionChanged: (key: string) => void
  /** Where a call waits while a worker thread holds the database's write lock (main/db/write-gate.ts). */
  gate?: WriteGate
}

const fail = (code: ErrorCode, message: string, field?: string): { ok: false; error: ApiFailure } => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
})

export function describeIssue(issue: z.core.$ZodIssue): { message: string; field?: string } {
  const field = issue.path.map(String).join('.')
  if (issue.code === 'unrecognized_keys') {
    return { message: `Unexpected field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` }
  }
  return field ? { message: issue.message, field } : { message: issue.message }
}

/**
 * A write the disk refused. The transaction rolled back, so nothing was saved; the person is told why in words
 * they can act on, rather than "something went wrong".
 */
export function storageFailure(err: unknown): { code: ErrorCode; message: string } | null {
  if (isDiskFull(err))
    return { code: 'DISK_FULL', message: 'The disk is full: nothing was saved. Free space and try again.' }
  if (isIoError(err))
    return {
      code: 'STORAGE_ERROR',
      message:
        'The disk could not be written (I/O error): nothing was saved. Try again; if it repeats, call IT.',
    }
  // A statement that names an index a new PC's catch-up has set aside for its last minute
  // (main/db/deferred-indexes.ts): nothing is wrong, the list is not ready yet.
  if (err instanceof Error && err.message.startsWith('no such index:'))
    return {
      code: 'INTERNAL',
      message:
        'This PC is still catching up with the centre: this is ready when the catch-up ends (Settings → Sync shows how far it is). Nothing was saved.',
    }
  // The write lock held past the gate's wait (a worker's index build): rolled back, nothing saved, nothing wrong.
  if (isLocked(err))
    return {
      code: 'INTERNAL',
      message:
        'This PC is busy building its indexes after catching up with the centre: nothing was saved. Try again in a few seconds.',
    }
  return null
}

/**
 * The one entry point for both transports: unknown method → validate input → check session and role → call the
 * service → map errors to `{ code, message }`. Nothing reaches a service before its input has been parsed.
 */
export function createDispatcher({
  handlers,
  auth,
  sessions,
  logger,
  onSessionChanged,
  gate,
}: Deps): Dispatch {
  return async (key, method, rawInput) => {
    if (!isMethodName(method))
      return fail('UNKNOWN_METHOD', `There is no API method called "${String(method)}".`)
    const spec = contract[method]
    const cleaned = cleanInput(rawInput === undefined ? {} : rawInput, spec.multiline)
    if (!cleaned.ok) {
      const { message, field } = cleaned.problem
      return fail('INVALID_INPUT', message, field || undefined)
    }
    const parsed = spec.input.safeParse(cleaned.value)
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      const { message, field } = first ? describeIssue(first) : { message: 'Invalid input', field: undefined }
      return fail('INVALID_INPUT', message, field)
    }
    // Checking the session may write too (an idle lock is audited): all of it waits for a worker's step.
    const call = (): Promise<ApiResult<unknown>> => checkAndCall(key, method, parsed.data)
    return gate ? gate.call(call) : call()
  }

  async function checkAndCall(key: string, method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
    const spec = contract[method]
    if (spec.access !== 'public' && auth.lockIfIdle(key)) onSessionChanged(key)
    const had = sessions.get(key) !== null
    const session = spec.access === 'public' ? sessions.get(key) : auth.refresh(key)
    if (had && !session) onSessionChanged(key)
    if (spec.access !== 'public') {
      if (!session)
        return fail('UNAUTHENTICATED', 'You are not signed in. Sign in with your staff number and PIN.')
      if (session.locked && !spec.whileLocked) {
        return fail('SESSION_LOCKED', 'This workstation is locked. Enter your PIN to unlock it.')
      }
      if (session.mustChangePin && !spec.whileLocked && method !== 'auth.changePin') {
        return fail(
          'FORBIDDEN',
          `Set a new PIN first: a ${ROLE_LABELS[session.role].toLowerCase()}'s PIN now has at least ${MIN_PIN_DIGITS[session.role]} digits.`,
        )
      }
      if (spec.access !== 'staff' && !spec.access.includes(session.role)) {
        return fail(
          'FORBIDDEN',
          `Not allowed for ${ROLE_LABELS[session.role].toLowerCase()}: ${spec.summary.toLowerCase()}.`,
        )
      }
      // Background reads (allowed while locked) must not keep an unattended session awake.
      if (!spec.whileLocked) auth.touch(key)
    }

    try {
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown
      const value = await handler(input, { key, session })
      return { ok: true, value: value ?? null }
    } catch (err) {
      if (err instanceof AppError) return fail(err.code, err.message, err.field)
      const storage = storageFailure(err)
      if (storage) {
        logger.error('storage fault in API method', {
          method,
          error: err instanceof Error ? err.message : String(err),
        })
        return fail(storage.code, storage.message)
      }
      logger.error('unexpected error in API method', {
        method,
        error: err instanceof Error ? err.stack : String(err),
      })
      return fail(
        'INTERNAL',
        'Something went wrong on this workstation; nothing was saved. Please try again.',
      )
    }
  }
}
