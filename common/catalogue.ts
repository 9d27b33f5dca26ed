import { RE2JS } from 're2js'
import { z } from 'zod'

/**
 * The service catalogue: which documents a centre handles, who issues them, how long they take and how long they
 * wait on the shelf. A default set ships with the app (isDefault: true); the central API can replace it.
 */

const nonEmpty = (what: string, max: number) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must have at most ${max} characters`)

const MAX_PATTERN_LENGTH = 200

export const serviceSchema = z
  .strictObject({
    code: z
      .string({ error: 'Service code is required' })
      .regex(/^[A-Z0-9_]{2,24}$/, 'Service code is 2 to 24 capital letters, digits or _'),
    nameEn: nonEmpty('English name', 80),
    nameSw: nonEmpty('Kiswahili name', 80),
    /** The issuing agency, e.g. 'National Registration Bureau (NRB)'. */
    agency: nonEmpty('Agency', 120),
    /** Expected processing time in working days (weekends and public holidays excluded); 0 = same day. */
    turnaroundDays: z
      .number({ error: 'Turnaround is required' })
      .int('Turnaround is a whole number of working days')
      .min(0, 'Turnaround cannot be negative')
      .max(365, 'Turnaround is at most 365 working days'),
    /** Whether the customer's ID number must be captured at registration. */
    idRequired: z.boolean({ error: 'idRequired must be true or false' }),
    /**
     * Source of a RegExp the agency's own reference must match in full (anchoring is added by matchesAgencyRef),
     * or null when the agency's reference has no known format.
     */
    agencyRefPattern: z
      .string({ error: 'Agency reference pattern is required (null when the reference has no known format)' })
      .min(1, 'Agency reference pattern is empty: use null for "no pattern"')
      .max(MAX_PATTERN_LENGTH, `Agency reference pattern must have at most ${MAX_PATTERN_LENGTH} characters`)
      .nullable(),
    /** What the clerk is told the reference looks like, e.g. '9-digit waiting-card serial'. */
    agencyRefHint: nonEmpty('Agency reference hint', 120).nullable(),
    /** A valid reference, shown as a placeholder and checked against the pattern. */
    agencyRefExample: nonEmpty('Agency reference example', 64).nullable().default(null),
    /** Days a finished document stays on the shelf before it is returned to the agency. */
    retentionDays: z
      .number({ error: 'Retention is required' })
      .int('Retention is a whole number of days')
      .min(1, 'Retention is at least 1 day')
      .max(3650, 'Retention is at most 3650 days'),
    active: z.boolean({ error: 'active must be true or false' }),
    /** True for the defaults shipped with the app, which the central catalogue replaces. */
    isDefault: z.boolean({ error: 'isDefault must be true or false' }),
  })
  .superRefine((s, ctx) => {
    if (s.agencyRefPattern === null) {
      if (s.agencyRefExample !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['agencyRefExample'],
          message: `Service ${s.code}: an agency reference example needs an agency reference pattern`,
        })
      }
      return
    }
    const problem = agencyRefPatternProblem(s.agencyRefPattern)
    if (problem !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['agencyRefPattern'],
        message: `Service ${s.code}: agency reference pattern is ${problem}`,
      })
    } else if (s.agencyRefExample !== null && !matchesAgencyRef(s, s.agencyRefExample)) {
      ctx.addIssue({
        code: 'custom',
        path: ['agencyRefExample'],
        message: `Service ${s.code}: example "${s.agencyRefExample}" does not match its agency reference pattern`,
      })
    }
  })

export type Service = z.infer<typeof serviceSchema>
/** What the central API (or a settings file) may send: agencyRefExample may be left out. */
export type ServiceInput = z.input<typeof serviceSchema>

/** A whole catalogue: every entry valid (patterns compile), codes unique. */
export const catalogueSchema = z.array(serviceSchema).superRefine((services, ctx) => {
  const seen = new Map<string, number>()
  services.forEach((s, i) => {
    const first = seen.get(s.code)
    if (first === undefined) {
      seen.set(s.code, i)
    } else {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'code'],
        message: `Service code ${s.code} appears more than once (entries ${first + 1} and ${i + 1})`,
      })
    }
  })
})

const compiled = new Map<string, RE2JS | null>()

/**
 * The pattern compiled for RE2's linear-time engine; null when the source is not valid RE2 syntax. Cached per pattern.
 *
 * Why not `RegExp`: patterns come from administrators and from the central catalogue, and a backtracking engine
 * lets one like `([A-Z0-9]+)+` take seconds per reference (doubling with every character), freezing the core for
 * every desk. RE2 matches in time linear in the reference whatever the pattern, and simply has no back-references
 * or look-arounds, so such a pattern is refused when it is saved or pulled rather than slow when it is used.
 */
function compileAnchored(pattern: string): RE2JS | null {
  let re = compiled.get(pattern)
  if (re === undefined) {
    try {
      re = RE2JS.compile(pattern)
    } catch {
      re = null
    }
    compiled.set(pattern, re)
  }
  return re
}

/** Whether `pattern` can be used as an agency-reference pattern: null when it can, else why not (for people). */
export function agencyRefPatternProblem(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`
  return compileAnchored(pattern) === null
    ? 'not a pattern this app can use (plain regular-expression syntax without back-references or look-arounds)'
    : null
}

/**
 * Whether `ref` is an acceptable agency reference for `service`: a full, case-sensitive match of the service's
 * pattern (callers normalise first: trim, upper-case where the agency uses capitals). A service without a pattern
 * accepts any non-empty reference; a pattern that does not compile (only possible for unvalidated data) accepts
 * nothing.
 */
export function matchesAgencyRef(service: Pick<Service, 'agencyRefPattern'>, ref: string): boolean {
  if (ref === '') return false
  if (service.agencyRefPattern === null) return true
  return compileAnchored(service.agencyRefPattern)?.testExact(ref) ?? false
}
