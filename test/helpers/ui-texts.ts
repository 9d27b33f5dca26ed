import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

export const ROOT = path.resolve(import.meta.dirname, '../..')

/** Every .ts/.tsx file under the given folders of the repository, as repository-relative paths. */
export function sourceFiles(...dirs: string[]): string[] {
  const out: string[] = []
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name)
      if (entry.isDirectory()) walk(rel)
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel)
    }
  }
  for (const d of dirs) walk(d)
  return out.sort()
}

/** Attributes whose text a person reads or hears (a screen reader reads aria-label and title). */
const READ_ATTRIBUTES = new Set([
  'label',
  'placeholder',
  'title',
  'description',
  'aria-label',
  'alt',
  'error',
  'message',
  'confirmLabel',
  'hint',
  'header',
  'heading',
  'emptyText',
])

/** Has words: two letters together. Punctuation, digits and symbols such as `·` or `—` are not language. */
const WORDS = /\p{L}{2,}/u

export interface UiText {
  line: number
  text: string
}

/**
 * The texts written straight into a UI file: text between tags, `{'…'}` and `{`…`}` children, and the string
 * values of the attributes and object properties named in READ_ATTRIBUTES (a column's header, a notification's
 * title). A translated screen has none: its words come from `t()`.
 */
export function jsxTexts(file: string): UiText[] {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8')
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind)
  const found: UiText[] = []
  const add = (node: ts.Node, text: string): void => {
    if (WORDS.test(text))
      found.push({ line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() })
  }
  const literalText = (e: ts.Expression): string | null =>
    ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)
      ? e.text
      : ts.isTemplateExpression(e)
        ? [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ')
        : null
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) add(node, node.text)
    else if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent)) {
      const text = literalText(node.expression)
      if (text !== null) add(node, text)
    } else if (
      ts.isPropertyAssignment(node) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
      READ_ATTRIBUTES.has(node.name.text)
    ) {
      // `{ label: 'Tracking number' }` in a column list, a menu or a notification.
      const text = literalText(node.initializer)
      if (text !== null) add(node, text)
    } else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer
      if (ts.isStringLiteral(init)) add(node, init.text)
      else if (ts.isJsxExpression(init) && init.expression) {
        const text = literalText(init.expression)
        if (text !== null) add(node, text)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found
}
