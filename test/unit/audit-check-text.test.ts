import { expect, it } from 'vitest'
import { auditCheckText } from '../../common/audit-check-text'

it('the audit check says its sentence in either language', () => {
  expect(auditCheckText({ ok: true, rows: 12_345 })).toBe('Audit log intact: 12,345 rows checked')
  expect(auditCheckText({ ok: false, rows: 3, brokenAt: 2, problem: 'hash' }, 'sw')).toBe(
    'Kumbukumbu za ukaguzi zimeharibika kwenye safu #2: hash',
  )
  expect(auditCheckText({ ok: false, rows: 3, brokenAt: null, problem: 'gone' })).toBe(
    'Audit log broken: gone',
  )
})
