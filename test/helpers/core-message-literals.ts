import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { ERROR_CODES } from '../../common/errors'
import { ROOT, sourceFiles } from './ui-texts'

const ERROR_CODE_SET = new Set<string>(ERROR_CODES)

/**
 * The messages the core (main/) sends a person as an error: the message argument of every `new AppError(code, …)`,
 * of the dispatcher's `fail(code, …)`, of the sync code's `TransferSealError` and `ImportFileError` (which the sync
 * service passes on as AppErrors), and the `message` of an object that carries an error `code` (the dispatcher's
 * storage faults) or says where an unknown tracking number is (`here: false`). A literal, a template or a
 * concatenation of them is a text to translate; any other expression (`tn.message`, `problem`) passes on a message
 * made elsewhere, and is listed so that a test can say where each comes from. Also the devices' and the disk's
 * status sentences that the status bar and the settings show: the `detail` of a `{ state, detail }` or
 * `{ low, detail }` or `{ stale, detail }` object (or the sync's `detail`), a `PrintError`'s message and the printer's `STATUS_DETAIL` map;
 * and the arrival scan panel's headline and message (arrival-service.ts `result(…)`).
 */
export interface CoreMessage {
  /** `file:line` */
  where: string
  /** The text; a template's `${…}` parts are each `{}`. Null when the message is passed on from elsewhere. */
  skeleton: string | null
  template: boolean
  /** The expression's source when the message is passed on. */
  passed?: string
}

export const CORE_MESSAGE_FILES: readonly string[] = sourceFiles('main').filter((f) => f.endsWith('.ts'))

/** Callee → index of its message argument. */
const NEW: Record<string, number> = { AppError: 1, TransferSealError: 0, ImportFileError: 0, PrintError: 1 }
const CALLS: Record<string, number> = { fail: 1 }
const ARRIVALS = 'main/services/arrival-service.ts'

/** The skeleton of a literal, a template or `a + b` of them; null for anything else. */
function skeletonOf(n: ts.Expression): { text: string; template: boolean } | null {
  if (ts.isParenthesizedExpression(n)) return skeletonOf(n.expression)
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return { text: n.text, template: false }
  if (ts.isTemplateExpression(n))
    return { text: [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('{}'), template: true }
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = skeletonOf(n.left)
    const r = skeletonOf(n.right)
    return l && r ? { text: l.text + r.text, template: l.template || r.template } : null
  }
  return null
}

export function coreMessages(file: string): CoreMessage[] {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8')
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: CoreMessage[] = []
  const where = (n: ts.Node): string => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`
  // One message expression: a literal, a template, either branch of `a ? b : c` or `a ?? b`, or a passed-on value.
  const message = (n: ts.Expression): void => {
    if (ts.isParenthesizedExpression(n)) return message(n.expression)
    const s = skeletonOf(n)
    if (s) return void found.push({ where: where(n), skeleton: s.text, template: s.template })
    if (ts.isConditionalExpression(n)) return (message(n.whenTrue), message(n.whenFalse))
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
      return (message(n.left), message(n.right))
    found.push({ where: where(n), skeleton: null, template: false, passed: n.getText(sf) })
  }
  const visit = (n: ts.Node): void => {
    if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression)) {
      const name = n.expression.text
      const at = ts.isNewExpression(n) ? NEW[name] : CALLS[name]
      const args = n.arguments ?? []
      // `fail(code, …)` only with a literal error code: other functions called fail are not the dispatcher's.
      const coded =
        name !== 'fail' ||
        (args[0] !== undefined && ts.isStringLiteral(args[0]) && ERROR_CODE_SET.has(args[0].text))
      if (at !== undefined && coded && args[at]) message(args[at])
    }
    if (ts.isObjectLiteralExpression(n)) {
      const prop = (name: string): ts.PropertyAssignment | undefined =>
        n.properties.find(
          (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === name,
        )
      const has = (name: string): boolean => n.properties.some((p) => p.name?.getText(sf) === name)
      const code = prop('code')?.initializer
      const here = prop('here')?.initializer
      const text = prop('message')?.initializer
      const isErrorCode = code !== undefined && ts.isStringLiteral(code) && ERROR_CODE_SET.has(code.text)
      const isElsewhere = here !== undefined && here.kind === ts.SyntaxKind.FalseKeyword
      if (text && (isErrorCode || isElsewhere) && skeletonOf(text)) message(text)
      // A device's or the disk's status for the status bar and the settings: `{ state | low, detail }`.
      const detail = prop('detail')?.initializer
      if (detail && (has('state') || has('low') || has('stale'))) message(detail)
    }
    // The arrival scan's panel: `result(scan, app, headline, message, …)`, the headlines of a stored scan and the
    // unknown code's message, chosen before they are put in (arrival-service.ts).
    if (file === ARRIVALS) {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'result')
        for (const at of [2, 3]) if (n.arguments[at]) message(n.arguments[at])
      if (
        ts.isVariableDeclaration(n) &&
        ['message', 'headline'].includes(n.name.getText(sf)) &&
        n.initializer
      ) {
        if (ts.isObjectLiteralExpression(n.initializer))
          for (const p of n.initializer.properties)
            if (ts.isPropertyAssignment(p)) message(p.initializer)
            else message(n.initializer)
      }
    }
    // The sync status's sentence, chosen before it is put into `{ state, detail }` (status-service.ts).
    if (
      file === 'main/services/status-service.ts' &&
      ts.isVariableDeclaration(n) &&
      n.name.getText(sf) === 'detail'
    )
      if (n.initializer) message(n.initializer)
    // The printer's status sentences, kept in one map (main/devices/printer/escpos-status.ts).
    if (ts.isVariableDeclaration(n) && n.name.getText(sf) === 'STATUS_DETAIL' && n.initializer) {
      const init = ts.isAsExpression(n.initializer) ? n.initializer.expression : n.initializer
      if (ts.isObjectLiteralExpression(init))
        for (const p of init.properties) if (ts.isPropertyAssignment(p)) message(p.initializer)
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
  return found
}
