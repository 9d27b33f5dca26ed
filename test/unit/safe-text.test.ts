import { describe, expect, it } from 'vitest'
import { cleanInput, normaliseText, textProblem } from '../../common/contract/safe-text'

describe('safe text at the contract boundary', () => {
  it('removes zero-width characters and composes accents (NFC)', () => {
    expect(normaliseText('Zo\u0065\u0308\u200B Wan\u200Djiku\uFEFF')).toBe('Zoë Wanjiku')
    expect(normaliseText('Zoë')).toBe(normaliseText('Zo\u0065\u0308'))
  })

  it('refuses C0 and C1 controls, DEL, bidirectional controls and lone surrogates, naming the character', () => {
    expect(textProblem('A\u001bB', false)).toMatch(/U\+001B/)
    expect(textProblem('A\u007fB', false)).toMatch(/U\+007F/)
    expect(textProblem('A\u0085B', true)).toMatch(/U\+0085/)
    expect(textProblem('invoice\u202Efdp.exe', false)).toMatch(/text-direction character \(U\+202E\)/)
    expect(textProblem('A\u2067B', false)).toMatch(/U\+2067/)
    expect(textProblem('A\uDC00', false)).toMatch(/broken character/)
    expect(textProblem('\uD83D\uDE00 ok', false)).toBeNull()
    expect(textProblem('O’Brien-Mũthoni', false)).toBeNull()
  })

  it('line breaks and tabs only where the field is multi-line; a trailing one is trimmed whitespace', () => {
    expect(textProblem('line one\nline two', false)).toMatch(/one line/)
    expect(textProblem('a\tb', false)).toMatch(/one line/)
    expect(textProblem('a\u2028b', false)).toMatch(/one line/)
    expect(textProblem('line one\r\nline two', true)).toBeNull()
    expect(textProblem('042036714272\r\n', false)).toBeNull()
  })

  it('cleans nested inputs and names the dotted path of the first bad string', () => {
    expect(cleanInput({ admin: { name: 'Amina\u200B' }, list: ['a', 'b\u0301'] })).toEqual({
      ok: true,
      value: { admin: { name: 'Amina' }, list: ['a', 'b\u0301'.normalize('NFC')] },
    })
    expect(cleanInput({ expected: ['ok', 'x\u0000'] })).toEqual({
      ok: false,
      problem: { field: 'expected.1', message: expect.stringMatching(/U\+0000/) },
    })
    expect(cleanInput({ rows: [{ note: 'a\nb' }] }, ['rows.*.note'])).toMatchObject({ ok: true })
    expect(cleanInput({ rows: [{ other: 'a\nb' }] }, ['rows.*.note'])).toMatchObject({ ok: false })
  })

  it('keeps a "__proto__" key a plain field and refuses input nested too deeply', () => {
    const r = cleanInput(JSON.parse('{"__proto__": {"polluted": true}}'))
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype)
    expect(r.ok && Object.keys(r.value as object)).toEqual(['__proto__'])
    let deep: unknown = 'x'
    for (let i = 0; i < 10_000; i++) deep = [deep]
    expect(cleanInput(deep)).toEqual({
      ok: false,
      problem: expect.objectContaining({ message: 'The input is nested too deeply.' }),
    })
  })
})
