import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { ROOT } from './ui-texts'

/**
 * The files whose texts a person can read as a contract rule's message: the contract itself, and the field modules
 * its schemas call to check a value (phone numbers, tracking numbers, printer, scanner, catalogue, shelf slots).
 */
export const CONTRACT_MESSAGE_FILES: readonly string[] = [
  ...fs
    .readdirSync(path.join(ROOT, 'common/contract'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `common/contract/${f}`)
    .sort(),
  'common/catalogue.ts',
  'common/phone.ts',
  'common/printer-config.ts',
  'common/scanner-config.ts',
  'common/shelf-slot.ts',
  'common/tracking-number.ts',
]

export interface MessageLiteral {
  /** `file:line` */
  where: string
  /** The text; a template's `${…}` parts are each `{}`. */
  skeleton: string
  template: boolean
  /** Words and a space: a sentence or a field's name, which must be in the catalogue. Single words may be. */
  words: boolean
}

const LETTERS = /\p{L}{2,}/u
/** A text with words in it: two letters together, and a space (identifiers, codes and method names have none). */
const HAS_WORDS = (text: string): boolean => LETTERS.test(text) && /\s/.test(text)

/** `'a' + 'b'` as one text, or null when any part is not a plain string. */
function concatenated(n: ts.Expression): string | null {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text
  if (ts.isParenthesizedExpression(n)) return concatenated(n.expression)
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = concatenated(n.left)
    const right = concatenated(n.right)
    return left === null || right === null ? null : left + right
  }
  return null
}

/**
 * Every string and template literal with letters in it (`'a' + 'b'` as one), outside imports, types and the methods'
 * `summary` (one line for the docs, not a message). A template's fixed parts make its skeleton.
 */
export function messageLiterals(file: string): MessageLiteral[] {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8')
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: MessageLiteral[] = []
  const where = (n: ts.Node): string => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isTypeNode(n)) return
    if (ts.isPropertyAssignment(n) && n.name.getText(sf) === 'summary') return
    const text = ts.isExpression(n) ? concatenated(n) : null
    if (text !== null) {
      if (LETTERS.test(text))
        found.push({ where: where(n), skeleton: text, template: false, words: HAS_WORDS(text) })
      return
    }
    if (ts.isTemplateExpression(n)) {
      const parts = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)]
      if (LETTERS.test(parts.join(' ')))
        found.push({
          where: where(n),
          skeleton: parts.join('{}'),
          template: true,
          words: HAS_WORDS(parts.join(' ')),
        })
      // A value inside the template may be a message of its own (`${ok ? 'a b' : 'c d'}`).
      n.templateSpans.forEach((s) => visit(s.expression))
      return
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
  return found
}
