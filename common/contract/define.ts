import { z } from 'zod'
import type { Role } from '../roles'

/**
 * Who may call a method.
 * - `public`: no sign-in needed (first-run setup, sign-in itself, app status).
 * - `staff`: any signed-in, unlocked staff member.
 * - a list of roles: only those roles.
 */
export type Access = 'public' | 'staff' | readonly Role[]

export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I
  readonly access: Access
  /** Callable while the session is locked (unlock, sign-out, reading the session). */
  readonly whileLocked?: boolean
  /**
   * Dotted paths (array indices as `*`) of the fields that may hold line breaks and tabs, e.g. `['notes']`; every
   * other string is one line. See safe-text.ts: the dispatcher checks every string of every method.
   */
  readonly multiline?: readonly string[]
  /** One line for docs and error messages. */
  readonly summary: string
  /** Phantom: the output type travels in the type system only; we produce outputs, we do not parse them. */
  readonly output?: O
}

/** Declares a method; `O` is given explicitly, `I` is inferred from the schema. */
export const method =
  <O>() =>
  <I extends z.ZodType>(spec: Omit<MethodSpec<I, O>, 'output'>): MethodSpec<I, O> =>
    spec

/** Input of a method that takes none: `{}`, and nothing else. */
export const empty = z.strictObject({})
