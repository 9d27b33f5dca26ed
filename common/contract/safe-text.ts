/**
 * Every string that enters through the API contract passes here once, before its method's schema (the dispatcher
 * calls `cleanInput` for every method), so no method can forget it.
 *
 * Why: names, references and notes end up on receipts (ESC/POS, where ESC and GS are printer commands), in SMS, in
 * CSV exports and on other PCs. A NUL, an escape, a bell or a right-to-left override typed or pasted into a field
 * would be stored, printed as commands or shown reversed ("evil.exe" as "exe.live"); a lone surrogate cannot be
 * encoded to UTF-8 at all. Such input is refused with a message naming the field. Invisible zero-width characters
 * (which creep in from copy and paste and make two equal names differ) are removed, and text is put in Unicode NFC
 * so that "Zoë" typed two ways is one name.
 */

/** Why a string was refused, and where in the input (dotted path: `admin.name`, `expected.3`). */
export interface TextProblem {
  field: string
  message: string
}

export type CleanResult = { ok: true; value: unknown } | { ok: false; problem: TextProblem }

/** Deeper than any method's input; a guard against a hostile document that would exhaust the stack. */
const MAX_DEPTH = 16

// C0 controls except TAB, LF and CR; DEL; C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
/** Bidirectional formatting: embeddings, overrides, isolates and marks (Trojan Source, spoofed file names). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
const LINE_BREAK = /[\r\n\t\u2028\u2029\u0085]/
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const codePoint = (ch: string): string =>
  `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

/** The problem with one string value, or null. `multiline`: line breaks and tabs are allowed in it. */
export function textProblem(value: string, multiline: boolean): string | null {
  if (LONE_SURROGATE.test(value)) return 'This text contains a broken character. Retype it.'
  const control = CONTROL.exec(value)
  if (control)
    return `Remove the invisible control character (${codePoint(control[0])}) from this text: it cannot be stored or printed.`
  const bidi = BIDI.exec(value)
  if (bidi)
    return `Remove the text-direction character (${codePoint(bidi[0])}) from this text: it makes text show differently from what is stored.`
  // Leading and trailing breaks are whitespace the field's own trim removes (a pasted code often ends in one).
  if (!multiline && LINE_BREAK.test(value.trim()))
    return 'This field is one line: remove the line break or tab.'
  return null
}

/** `value` with zero-width characters removed and in NFC. */
export function normaliseText(value: string): string {
  return value.replace(ZERO_WIDTH, '').normalize('NFC')
}

/**
 * A copy of `input` with every string normalised, or the first string that is refused. `multiline` lists the dotted
 * paths (array indices as `*`) of the fields where line breaks are allowed, e.g. `['notes']`.
 */
export function cleanInput(input: unknown, multiline: readonly string[] = []): CleanResult {
  let problem: TextProblem | null = null
  const walk = (v: unknown, path: string[], depth: number): unknown => {
    if (problem) return v
    if (typeof v === 'string') {
      const message = textProblem(
        v,
        multiline.includes(path.map((p) => (/^\d+$/.test(p) ? '*' : p)).join('.')),
      )
      if (message) problem = { field: path.join('.'), message }
      return message ? v : normaliseText(v)
    }
    if (v === null || typeof v !== 'object') return v
    if (depth >= MAX_DEPTH) {
      problem = { field: path.join('.'), message: 'The input is nested too deeply.' }
      return v
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, String(i)], depth + 1))
    const out: Record<string, unknown> = {}
    for (const [k, item] of Object.entries(v)) {
      const keyMessage = textProblem(k, false)
      if (keyMessage) {
        problem = { field: [...path, k].join('.'), message: keyMessage }
        return v
      }
      // defineProperty, not assignment: a JSON key "__proto__" must stay a plain field, not replace the prototype.
      Object.defineProperty(out, k, {
        value: walk(item, [...path, k], depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return out
  }
  const value = walk(input, [], 0)
  return problem ? { ok: false, problem } : { ok: true, value }
}
