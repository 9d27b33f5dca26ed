/**
 * Error codes every transport returns as `{ code, message }`.
 * The UI switches on `code`; `message` is written for the person at the counter.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SESSION_LOCKED',
  'WRONG_PIN',
  'ACCOUNT_LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'SETUP_REQUIRED',
  'ALREADY_SET_UP',
  'NO_SESSION',
  'BAD_ORIGIN',
  'DISK_FULL',
  'STORAGE_ERROR',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiFailure {
  code: ErrorCode
  message: string
  /** Dotted path of the offending input field, when the error is about one field. */
  field?: string
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiFailure }

/** Thrown by services; the dispatcher turns it into an `ApiFailure`. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly field: string | undefined
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.field = field
  }
}
