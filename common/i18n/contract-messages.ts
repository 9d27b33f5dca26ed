import { core } from './en/core'
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
 *
 * The core's own errors (main/: a service's conflict, a lockout, the full disk) are found the same way, in one
 * lookup with the contract's: `common/i18n/en/core.ts` holds them, and `test/unit/core-messages.test.ts` keeps it
 * in step with main/. So the core, its log and its audit keep their English too.
 */

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]` */
function flatten(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[prefix + k, v]] : flatten(v as object, `${prefix}${k}.`),
  )
}

/** Which catalogue a message is in: the contract's (`validation.…`) or the core's (`core.…`). */
export type MessageGroup = 'validation' | 'core'

interface Pattern {
  group: MessageGroup
  key: string
  re: RegExp
  names: string[]
  /** Characters of fixed text: the more a pattern fixes, the more specific it is, and it is tried first. */
  fixed: number
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The contract's catalogue, flattened: `[key under validation., English text]`. */
export const CONTRACT_MESSAGES: readonly (readonly [string, string])[] = flatten(validation)
/** The core's catalogue, flattened: `[key under core., English text]`. */
export const CORE_MESSAGES: readonly (readonly [string, string])[] = flatten(core)

const exact = new Map<string, { group: MessageGroup; key: string }>()
const patterns: Pattern[] = []
const entries = [
  ...CONTRACT_MESSAGES.map(([key, text]) => ({ group: 'validation' as const, key, text })),
  ...CORE_MESSAGES.map(([key, text]) => ({ group: 'core' as const, key, text })),
]
for (const { group, key, text } of entries) {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)
  if (names.length === 0) {
    exact.set(text, { group, key })
    continue
  }
  const parts = text.split(PLACEHOLDER).filter((_, i) => i % 2 === 0)
  patterns.push({
    group,
    key,
    names,
    re: new RegExp(`^${parts.map(escapeRe).join('(.*?)')}$`, 's'),
    fixed: parts.join('').length,
  })
}
patterns.sort((a, b) => b.fixed - a.fixed)

export interface FoundMessage {
  group: MessageGroup
  /** The key within its group (`fields.pinTooShort`, `auth.wrongPin`). */
  key: string
  values: Record<string, string>
}

/**
 * The catalogue entry of a contract or core message and the values in it, or null for a text neither writes. An
 * exact text wins over any pattern; of the patterns, the one that fixes the most text.
 */
export function findContractMessage(message: string): FoundMessage | null {
  const found = exact.get(message)
  if (found) return { ...found, values: {} }
  for (const p of patterns) {
    const m = p.re.exec(message)
    if (m)
      return {
        group: p.group,
        key: p.key,
        values: Object.fromEntries(p.names.map((n, i) => [n, m[i + 1]!])),
      }
  }
  return null
}
