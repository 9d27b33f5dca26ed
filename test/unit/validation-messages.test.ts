import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract } from '../../common/contract'
import { CONTRACT_MESSAGES, en, findContractMessage, sw } from '../../common/i18n'
import { CONTRACT_MESSAGE_FILES, messageLiterals } from '../helpers/contract-message-literals'
import { VALID_INPUT } from '../helpers/valid-inputs'

/** `{{min}} to 8 digits` → `{} to 8 digits`, as the source's `${MIN_PIN_DIGITS[role]} to 8 digits` reads. */
const skeleton = (text: string): string => text.replace(/\{\{\s*\w+\s*\}\}/g, '{}')

const literals = CONTRACT_MESSAGE_FILES.flatMap(messageLiterals)
const texts = new Set(CONTRACT_MESSAGES.map(([, text]) => text))
const templateSkeletons = new Set(
  CONTRACT_MESSAGES.filter(([, t]) => t.includes('{{')).map(([, t]) => skeleton(t)),
)

/**
 * Whether `message` comes out whole in Kiswahili: it is a catalogue text, or it fits a pattern whose values are
 * numbers and codes (no words) or catalogue messages themselves (a field's name, a pattern's problem), as
 * renderer/src/i18n/contract-text.ts translates them: one level down.
 */
function translatable(message: string, depth = 0): boolean {
  const found = findContractMessage(message)
  if (!found) return false
  return Object.values(found.values).every(
    (v) => !/\p{L}{2,}\s/u.test(v) || texts.has(v) || (depth === 0 && translatable(v, 1)),
  )
}

/** zod's own words for an input that is not an object, or has a key no method takes: no form sends either. */
const SHAPE = /^(Invalid input: expected object|Unrecognized keys?:)/

describe("the contract's messages in Kiswahili (common/i18n/en/validation.ts)", () => {
  it('every message written in the contract and its field modules has a catalogue entry, so a Kiswahili one', () => {
    const missing = literals
      .filter((l) => l.words && (l.template ? !templateSkeletons.has(l.skeleton) : !translatable(l.skeleton)))
      .map((l) => `${l.where} ${JSON.stringify(l.skeleton)}`)
    expect(missing).toEqual([])
  })

  it('every catalogue entry is still written in the source (none left behind by a changed message)', () => {
    const plain = new Set(literals.filter((l) => !l.template).map((l) => l.skeleton))
    const templates = new Set(literals.filter((l) => l.template).map((l) => l.skeleton))
    const matchedKeys = new Set(
      [...plain].map((text) => findContractMessage(text)?.key).filter((k): k is string => k !== undefined),
    )
    const stale = CONTRACT_MESSAGES.filter(([key, text]) =>
      text.includes('{{') ? !templates.has(skeleton(text)) && !matchedKeys.has(key) : !plain.has(text),
    ).map(([key]) => key)
    expect(stale).toEqual([])
  })

  it('each English text is in the catalogue once, so a message finds one key', () => {
    const seen = new Map<string, string>()
    const twice = CONTRACT_MESSAGES.flatMap(([key, text]) => {
      const first = seen.get(text)
      seen.set(text, key)
      return first ? [`${first} and ${key}: ${text}`] : []
    })
    expect(twice).toEqual([])
  })

  it('no Kiswahili entry is left in English', () => {
    const kiswahili = new Map(
      Object.entries(sw.validation).flatMap(([group, entries]) =>
        Object.entries(entries).map(([k, v]): [string, string] => [`${group}.${k}`, v]),
      ),
    )
    const same = CONTRACT_MESSAGES.filter(([key, text]) => kiswahili.get(key) === text).map(([key]) => key)
    expect(same).toEqual([])
  })

  it('what the schemas answer for a missing or wrong field is a catalogue message, for every method', () => {
    const WRONG: unknown[] = [undefined, null, 12345, -1, 1.5, 'x', '', 'a'.repeat(5000), true, [], {}]
    const unknown = new Set<string>()
    for (const [name, spec] of Object.entries(contract)) {
      const valid = VALID_INPUT[name as keyof typeof VALID_INPUT] as Record<string, unknown>
      const schema = spec.input as z.ZodType
      for (const field of Object.keys(valid))
        for (const wrong of WRONG) {
          const result = schema.safeParse({ ...valid, [field]: wrong })
          for (const issue of result.success ? [] : result.error.issues)
            if (!SHAPE.test(issue.message) && !translatable(issue.message))
              unknown.add(`${name}.${field}: ${issue.message}`)
        }
    }
    expect([...unknown]).toEqual([])
  })

  it('a message with values finds its entry and the values in it', () => {
    expect(findContractMessage("A manager's PIN has at least 6 digits.")).toEqual({
      group: 'validation',
      key: 'fields.pinTooShort',
      values: { holder: "A manager's", min: '6' },
    })
    expect(findContractMessage('Limit must be at most 500')).toEqual({
      group: 'validation',
      key: 'campaign.limitMax',
      values: { max: '500' },
    })
    // An exact entry wins over a pattern that would also fit ('{{what}} is required').
    expect(findContractMessage('Staff number is required')?.key).toBe('fields.staffNumberRequired')
    expect(findContractMessage('Disk is full')).toBeNull()
    expect(en.validation.fields.pinTooShort).toBe('{{holder}} PIN has at least {{min}} digits.')
  })
})
