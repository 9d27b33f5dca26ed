import { describe, expect, it } from 'vitest'
import { newPin, newPinHint, pinTooShortFor, roleChangeNeedsNewPin } from '../../common/contract/fields'
import { ROLES } from '../../common/roles'

/** The hint under every PIN field and the rule the core applies say the same thing. */
describe('the new-PIN hint', () => {
  it.each(ROLES)(
    'for a %s gives examples that the rule refuses, and the length range the rule applies',
    (role) => {
      const hint = newPinHint(role)
      const examples = hint.match(/\b\d{4,8}\b/g) ?? []
      expect(examples.length).toBeGreaterThanOrEqual(3)
      for (const p of examples) expect(newPin.safeParse(p).success, p).toBe(false)
      const min = Number(/^(\d) to 8 digits/.exec(hint)?.[1])
      const fits = (p: string) => newPin.safeParse(p).success && pinTooShortFor(role, p) === null
      expect(fits('48261937'.slice(0, min - 1))).toBe(false)
      expect(fits('48261937'.slice(0, min))).toBe(true)
      expect(fits('48261937')).toBe(true)
      expect(fits('482619375')).toBe(false)
    },
  )

  it('asks 4 digits of clerks and desk staff, 6 of managers and administrators', () => {
    expect(ROLES.map((r) => newPinHint(r).slice(0, 12))).toEqual([
      '4 to 8 digit',
      '4 to 8 digit',
      '6 to 8 digit',
      '6 to 8 digit',
    ])
    expect(pinTooShortFor('manager', '48261')).toBe("A manager's PIN has at least 6 digits.")
    expect(pinTooShortFor('admin', '4826')).toBe("An administrator's PIN has at least 6 digits.")
    expect(pinTooShortFor('clerk', '4826')).toBeNull()
    expect(pinTooShortFor('desk', '4826')).toBeNull()
  })

  it('a promotion to a role with a longer PIN needs a new one; a move down or across does not', () => {
    expect(roleChangeNeedsNewPin('clerk', 'manager')).toBe(true)
    expect(roleChangeNeedsNewPin('desk', 'admin')).toBe(true)
    expect(roleChangeNeedsNewPin('manager', 'admin')).toBe(false)
    expect(roleChangeNeedsNewPin('admin', 'manager')).toBe(false)
    expect(roleChangeNeedsNewPin('manager', 'clerk')).toBe(false)
    expect(roleChangeNeedsNewPin('clerk', 'desk')).toBe(false)
  })

  it('names every kind of PIN the rule refuses as too easy: one digit repeated, runs up, down and round', () => {
    for (const p of ['0000', '99999999', '1234', '4321', '7890', '8901', '210987']) {
      expect(newPin.safeParse(p).success, p).toBe(false)
    }
    const hint = newPinHint('clerk')
    expect(hint).toContain('all one digit')
    expect(hint).toContain('a run up or down')
    expect(hint).toContain('7890') // a run may go round from 9 to 0
  })
})
