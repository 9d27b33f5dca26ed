import { validation } from './en/validation'

/**
 * The contract's messages for people in the window's language.
 *
 * Why by the English text and not by a key on the wire: the contract's schemas (common/contract/*.ts and the field
 * modules they call) keep their English messages, so the core validates, answers and logs in English and the wire
 * format does not change; the renderer gets the same English from its own copy of a schema (zod-validate.ts) and
 * from the core (ApiError). Both arrive here as text, and `common/i18n/en/validation.ts` holds each of those texts
 * once under a short key, so the text finds its key and the key its Kiswahili. A message with values in it
 * (`Limit must be at most 500`) is written in the catalogue with placeholders (`Limit must be at most {{max}}`):
 * it is matched as a pattern and its values are put into the Kiswahili, each value first translated itself when it
 * is a catalogue text (the field names that messages such as `{{label}} is a date like 2026-11-29` are built
 * with). `test/unit/validation-messages.test.ts` fails when a message written in the contract's source has no
 * entry here, or an entry no longer matches any message there.
 */

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]` */
function flatten(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[prefix + k, v]] : flatten(v as object, `${prefix}${k}.`),
  )
}

interface Pattern {
  key: string
  re: RegExp
  names: string[]
  /** Characters of fixed text: the more a pattern fixes, the more specific it is, and it is tried first. */
  fixed: number
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The catalogue, flattened: `[key under validation., English text]`. */
export const CONTRACT_MESSAGES: readonly (readonly [string, string])[] = flatten(validation)

const exact = new Map<string, string>()
const patterns: Pattern[] = []
for (const [key, text] of CONTRACT_MESSAGES) {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)
  if (names.length === 0) {
    exact.set(text, key)
    continue
  }
  const parts = text.split(PLACEHOLDER).filter((_, i) => i % 2 === 0)
  patterns.push({
    key,
    names,
    re: new RegExp(`^${parts.map(escapeRe).join('(.*?)')}$`, 's'),
    fixed: parts.join('').length,
  })
}
patterns.sort((a, b) => b.fixed - a.fixed)

/** The catalogue key of a contract message and the values in it, or null for a text the contract does not write. */
export function findContractMessage(message: string): { key: string; values: Record<string, string> } | null {
  const key = exact.get(message)
  if (key) return { key, values: {} }
  for (const p of patterns) {
    const m = p.re.exec(message)
    if (m) return { key: p.key, values: Object.fromEntries(p.names.map((n, i) => [n, m[i + 1]!])) }
  }
  return null
}
