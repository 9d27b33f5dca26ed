import { describe, expect, it } from 'vitest'
import { NEW_PIN_HINT, newPin } from '../../common/contract/fields'

/** The hint under every PIN field and the rule the core applies say the same thing. */
describe('the new-PIN hint', () => {
  it('gives examples that the rule refuses, and the same length range', () => {
    const examples = NEW_PIN_HINT.match(/\b\d{4,8}\b/g) ?? []
    expect(examples.length).toBeGreaterThanOrEqual(3)
    for (const p of examples) expect(newPin.safeParse(p).success, p).toBe(false)
    expect(NEW_PIN_HINT).toMatch(/^4 to 8 digits/)
    expect(newPin.safeParse('482').success).toBe(false)
    expect(newPin.safeParse('4826').success).toBe(true)
    expect(newPin.safeParse('48261937').success).toBe(true)
    expect(newPin.safeParse('482619375').success).toBe(false)
  })

  it('names every kind of PIN the rule refuses as too easy: one digit repeated, runs up, down and round', () => {
    for (const p of ['0000', '99999999', '1234', '4321', '7890', '8901', '210987']) {
      expect(newPin.safeParse(p).success, p).toBe(false)
    }
    expect(NEW_PIN_HINT).toContain('all one digit')
    expect(NEW_PIN_HINT).toContain('a run up or down')
    expect(NEW_PIN_HINT).toContain('7890') // a run may go round from 9 to 0
  })
})
