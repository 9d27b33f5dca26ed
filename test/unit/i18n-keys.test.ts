import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { en, sw } from '../../common/i18n'
import { ROOT, sourceFiles } from '../helpers/ui-texts'

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]` */
function flatten(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' ? [[prefix + k, v]] : flatten(v as object, `${prefix}${k}.`),
  )
}

const PLURAL = /_(zero|one|two|few|many|other)$/
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort()

const english = new Map(flatten(en))
const kiswahili = new Map(flatten(sw))

// Every file that may say t('…'): the UI, and the core's paper and SMS. The messages themselves are not uses.
const sources = sourceFiles('renderer/src', 'main', 'common')
  .filter((f) => !f.startsWith('common/i18n/'))
  .map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'))
  .join('\n')

describe('UI messages in English and Kiswahili (common/i18n)', () => {
  it('both languages have exactly the same keys', () => {
    const onlyEnglish = [...english.keys()].filter((k) => !kiswahili.has(k))
    const onlyKiswahili = [...kiswahili.keys()].filter((k) => !english.has(k))
    expect({ onlyEnglish, onlyKiswahili }).toEqual({ onlyEnglish: [], onlyKiswahili: [] })
  })

  it('no message is empty, and each Kiswahili message fills in the same values as its English', () => {
    const problems: string[] = []
    for (const [key, text] of english) {
      const other = kiswahili.get(key) ?? ''
      if (!text.trim() || !other.trim()) problems.push(`${key}: empty`)
      else if (placeholders(text).join() !== placeholders(other).join())
        problems.push(
          `${key}: {{${placeholders(text).join(', ')}}} in English, {{${placeholders(other).join(', ')}}} in Kiswahili`,
        )
    }
    expect(problems).toEqual([])
  })

  it('a counted message has its one and other forms in both languages', () => {
    const bases = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))
    const missing = [...bases].flatMap((b) =>
      ['one', 'other'].flatMap((form) =>
        [english, kiswahili].some((m) => !m.has(`${b}_${form}`)) ? [`${b}_${form}`] : [],
      ),
    )
    expect(missing).toEqual([])
  })

  it('every key is used somewhere in the source, written out in full (or under a `prefix.${…}` key)', () => {
    const prefixes = [...sources.matchAll(/`([\w.]+\.)\$\{/g)].map((m) => m[1]!)
    const unused = [...english.keys()].filter((key) => {
      const base = key.replace(PLURAL, '')
      const quoted = (k: string): boolean => sources.includes(`'${k}'`) || sources.includes(`"${k}"`)
      return !quoted(key) && !quoted(base) && !prefixes.some((p) => key.startsWith(p))
    })
    expect(unused).toEqual([])
  })

  it('every key the source asks t() for exists in English', () => {
    const asked = new Set([...sources.matchAll(/\bt\(\s*['"]([\w]+(?:\.[\w]+)+)['"]/g)].map((m) => m[1]!))
    const bases = new Set([...english.keys()].map((k) => k.replace(PLURAL, '')))
    expect([...asked].filter((k) => !english.has(k) && !bases.has(k))).toEqual([])
  })
})
