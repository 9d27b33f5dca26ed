import { matchesAgencyRef, type Service } from './catalogue'
import { parseSlotLabel } from './shelf-slot'
import { TRACKING_NUMBER_LENGTH, parseTrackingNumber } from './tracking-number'

/**
 * What a code scanned (or typed) at the collection desk is, before anything is looked up.
 *
 * Rules, applied in this order to the trimmed text:
 * 1. `SLOT:<label>` (any case) → `slot`: a shelf label, scanned during the shelf audit.
 * 2. `MAN:<code>` or `MANIFEST:<code>` (any case), code 1-40 of A-Z 0-9 / - → `manifest`: an agency's batch sheet.
 * 3. Exactly 12 digits, possibly grouped with spaces, hyphens or dots:
 *    - passing the Damm check → `tracking`, always, even when an agency pattern would also match (see below);
 *    - failing it → `agency-ref` when some service's agency pattern matches the code, else `tracking-invalid`
 *      with the tracking-number parser's message (a digit wrong or two swapped) and the digits as `ref`.
 * 4. A code that some service could have as its agency reference (upper-cased) → `agency-ref` with those services'
 *    codes, in catalogue order: a service with a pattern when the pattern matches, a service without a pattern (birth
 *    certificates, passports, …) when the code has the shape the counter accepts for any reference (1-40 of A-Z 0-9
 *    / -). The codes say who could hold the reference; the look-up (`main/services/scan-lookup.ts`) asks the store
 *    for the reference itself, whatever the service, since only the store knows what was registered.
 * 5. Anything else → `unknown`.
 *
 * Collision between 12-digit agency references and tracking numbers: one random 12-digit number in ten passes the
 * Damm check, so a 12-digit agency reference is occasionally classed as a tracking number. The rule is that a
 * Damm-valid 12-digit code is a tracking number first; the look-up tries the same digits as an agency reference when
 * no application has that tracking number, and tries a `tracking-invalid` code's `ref` before the desk is told the
 * check digit is wrong.
 */
export type ScanClass =
  | { kind: 'tracking'; trackingNumber: string }
  | { kind: 'tracking-invalid'; message: string; ref: string }
  | { kind: 'agency-ref'; ref: string; serviceCodes: string[] }
  | { kind: 'slot'; slot: string }
  | { kind: 'manifest'; code: string }
  | { kind: 'unknown'; text: string; message: string }

export type ScanService = Pick<Service, 'code' | 'agencyRefPattern'>

export interface ScanContext {
  services: readonly ScanService[]
}

const MANIFEST_RE = /^(?:MANIFEST|MAN):([A-Z0-9/-]{1,40})$/
/** Digits with the separators parseTrackingNumber tolerates (whitespace, hyphens, dots). */
const DIGITS_AND_SEPARATORS_RE = /^[0-9][0-9\s.-]*$/
/** What the counter accepts as an agency reference (common/contract/counter-fields.ts), upper-cased. */
const AGENCY_REF_SHAPE_RE = /^[A-Z0-9/-]{1,40}$/
/** How much of an unrecognised code is quoted back in the message. */
const MAX_QUOTED = 40

/** An agency reference as it is stored and looked up: trimmed, in capitals (the counter stores it so). */
export function normaliseAgencyRef(ref: string): string {
  return ref.trim().toUpperCase()
}

/**
 * Codes of the services that could have `ref` (trimmed, upper-cased) as an agency reference, in the order given:
 * those whose pattern matches it in full, and those without a pattern when it has the shape the counter accepts.
 */
export function agencyRefServiceCodes(ref: string, services: readonly ScanService[]): string[] {
  const normalised = normaliseAgencyRef(ref)
  const shaped = AGENCY_REF_SHAPE_RE.test(normalised)
  const codes: string[] = []
  for (const service of services) {
    const could = service.agencyRefPattern === null ? shaped : matchesAgencyRef(service, normalised)
    if (could && !codes.includes(service.code)) codes.push(service.code)
  }
  return codes
}

/** Codes of the services with a pattern that matches `ref`: only these say the code is an agency reference. */
function patternMatches(ref: string, services: readonly ScanService[]): string[] {
  return agencyRefServiceCodes(
    ref,
    services.filter((s) => s.agencyRefPattern !== null),
  )
}

/** The message for a code that is none of the known kinds, quoting at most the first 40 characters. */
export function unknownCodeMessage(text: string): string {
  const shown = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}...` : text
  return `Unknown code "${shown}": not a tracking number, agency reference, shelf label or manifest.`
}

/** Classifies one scanned or typed code; see `ScanClass` for the rules and their order. Never throws. */
export function classifyScan(text: string, ctx: ScanContext): ScanClass {
  const trimmed = text.trim()
  const upper = trimmed.toUpperCase()

  const slot = parseSlotLabel(trimmed)
  if (slot !== null) return { kind: 'slot', slot }

  const manifest = MANIFEST_RE.exec(upper)
  if (manifest?.[1] !== undefined) return { kind: 'manifest', code: manifest[1] }

  if (DIGITS_AND_SEPARATORS_RE.test(trimmed)) {
    const parsed = parseTrackingNumber(trimmed)
    if (parsed.ok) return { kind: 'tracking', trackingNumber: parsed.value }
    const compact = trimmed.replace(/[\s.-]/g, '')
    if (parsed.reason === 'check' && compact.length === TRACKING_NUMBER_LENGTH) {
      // Only a pattern makes a mistyped tracking number an agency reference; the look-up still tries `ref`.
      const asTyped = patternMatches(upper, ctx.services)
      if (asTyped.length > 0) return { kind: 'agency-ref', ref: upper, serviceCodes: asTyped }
      const asDigits = compact === upper ? [] : patternMatches(compact, ctx.services)
      if (asDigits.length > 0) return { kind: 'agency-ref', ref: compact, serviceCodes: asDigits }
      return { kind: 'tracking-invalid', message: parsed.message, ref: compact }
    }
  }

  const serviceCodes = agencyRefServiceCodes(upper, ctx.services)
  if (serviceCodes.length > 0) return { kind: 'agency-ref', ref: upper, serviceCodes }

  return { kind: 'unknown', text: trimmed, message: unknownCodeMessage(trimmed) }
}
