// @vitest-environment jsdom
// (audit-labels uses the renderer's i18n instance, whose module sets the window's language on load.)
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../common/i18n'
import { AUDIT_ACTIONS } from '../../renderer/src/features/settings/audit-labels'
import { ROOT } from '../helpers/ui-texts'

/** Every .ts file of main/ that writes to the audit log (tests live under test/, not here). */
function auditSources(): { file: string; source: string }[] {
  const out: { file: string; source: string }[] = []
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`
      if (entry.isDirectory()) walk(rel)
      else if (entry.name.endsWith('.ts')) {
        const source = fs.readFileSync(path.join(ROOT, rel), 'utf8')
        if (/audit/i.test(source)) out.push({ file: rel, source })
      }
    }
  }
  walk('main')
  return out
}

const LITERAL = /^'([\w.]+)'$/
const TERNARY = /^[^?]+\?\s*'([\w.]+)'\s*:\s*'([\w.]+)'$/

/**
 * `action:` values that are not written out where the row is written (`file expression` → the codes it can make,
 * or null when it writes no row of its own). A new one fails the test until someone has looked where its codes come
 * from and listed them here (they are then checked like the rest).
 */
const DYNAMIC: Record<string, (sources: Map<string, string>) => string[] | null> = {
  // shelfChange(tn, { type: 'application.…' }): the event's type is the audit row's action.
  'main/services/handover-service.ts event.type': (s) =>
    [...s.get('main/services/handover-service.ts')!.matchAll(/type: '(application\.\w+)'/g)].map(
      (m) => m[1]!,
    ),
  // The PIN check's rows, made below from every checkPin / confirmed(...) call.
  'main/services/auth-service.ts `${action}.${suffix}`': () => null,
  'main/services/auth-service.ts `${action}.failed`': () => null,
  // The audit.list filter and the audit table's own writer and reader.
  'main/api/handlers.ts input.action': () => null,
  'main/db/queries/audit.ts p.action': () => null,
  'main/db/queries/audit.ts r.action': () => null,
}

/** Every action code main/ can write, and the `action:` expressions no rule above explains. */
function writtenActions(): { codes: Set<string>; unexplained: string[] } {
  const files = auditSources()
  const sources = new Map(files.map((f) => [f.file, f.source]))
  const codes = new Set<string>()
  const unexplained: string[] = []
  const auth = sources.get('main/services/auth-service.ts')!
  // The suffixes checkPin puts on its action: audit('refused', …) and `${action}.failed`.
  const suffixes = new Set([
    ...[...auth.matchAll(/\baudit\('(\w+)'/g)].map((m) => m[1]!),
    ...[...auth.matchAll(/`\$\{action\}\.(\w+)`/g)].map((m) => m[1]!),
  ])
  expect([...suffixes].sort()).toEqual(['failed', 'refused'])
  for (const { file, source } of files) {
    for (const m of source.matchAll(/\baction:\s*(`[^`\n]*`|[^,\n}]+)/g)) {
      const expr = m[1]!.trim()
      if (/^string\b/.test(expr)) continue // a type, not a value
      const literal = LITERAL.exec(expr) ?? TERNARY.exec(expr)
      if (literal) {
        literal.slice(1).forEach((c) => codes.add(c))
        continue
      }
      const rule = DYNAMIC[`${file} ${expr}`]
      if (!rule) unexplained.push(`${file} ${expr}`)
      else rule(sources)?.forEach((c) => codes.add(c))
    }
    // The services' own helpers: audit(staff, 'returns.listViewed', …).
    for (const m of source.matchAll(/\baudit\(\w+, '([\w.]+)'/g)) codes.add(m[1]!)
    // A PIN checked again: a wrong or refused PIN is audited as `<action>.failed` / `<action>.refused`.
    for (const m of source.matchAll(/\b(?:checkPin|confirmed)\([^()'\n;]*, '([\w.]+)'\)/g))
      suffixes.forEach((s) => codes.add(`${m[1]}.${s}`))
  }
  return { codes, unexplained }
}

describe('audit action labels (renderer/src/features/settings/audit-labels.ts)', () => {
  const { codes, unexplained } = writtenActions()

  it('every action: expression of main/ is a written-out code or is explained in DYNAMIC', () => {
    expect(unexplained).toEqual([])
  })

  it('finds the codes it is meant to find, so a broken pattern cannot pass unseen', () => {
    for (const c of ['staff.created', 'returns.listViewed', 'auth.signIn.failed', 'subject.erase.refused'])
      expect(codes).toContain(c)
    expect(codes.has('application.collected') && codes.has('staff.replicated')).toBe(true)
  })

  it('every action main/ writes has a label, and the map holds no code main/ does not write', () => {
    const labelled = new Set(Object.keys(AUDIT_ACTIONS))
    expect([...codes].filter((c) => !labelled.has(c)).sort()).toEqual([])
    expect([...labelled].filter((c) => !codes.has(c)).sort()).toEqual([])
  })

  it('every label is a real text in English and in Kiswahili, and the two differ', () => {
    const en = createI18n('en')
    const sw = createI18n('sw')
    const bad = Object.entries(AUDIT_ACTIONS).flatMap(([code, key]) => {
      const e = en.t(key)
      const s = sw.t(key)
      return !e || !s || e === key || s === key || e === s ? [`${code}: ${e} / ${s}`] : []
    })
    expect(bad).toEqual([])
  })
})
