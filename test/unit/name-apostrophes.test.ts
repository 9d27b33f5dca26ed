import { afterEach, describe, expect, it } from 'vitest'
import { contract } from '../../common/contract'
import { setUpCentre, signedIn, testCore } from '../helpers/core'
import { VALID_INPUT } from '../helpers/valid-inputs'

/** ’ (U+2019, what phones and word processors type), ‘ (U+2018) and ʼ (U+02BC). */
const LOOKALIKES = ['\u2019', '\u2018', '\u02bc']

describe('a typographic apostrophe in a name is accepted and becomes the plain one', () => {
  for (const mark of LOOKALIKES) {
    const typed = `Wanjiru O${mark}Brien`
    const plain = "Wanjiru O'Brien"
    const code = `U+${mark.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`

    it(`${code}: every method input that takes a name parses it to the plain apostrophe`, () => {
      const cases = [
        contract['application.register'].input.safeParse({
          ...VALID_INPUT['application.register'],
          customerName: typed,
        }),
        contract['collection.handOver'].input.safeParse({
          ...VALID_INPUT['collection.handOver'],
          collector: {
            kind: 'proxy',
            name: typed,
            idNumber: '29876543',
            relationship: 'Sister',
            authorisationRef: 'AUTH-1',
          },
        }),
        contract['staff.create'].input.safeParse({ ...VALID_INPUT['staff.create'], name: typed }),
        contract['staff.update'].input.safeParse({ ...VALID_INPUT['staff.update'], name: typed }),
        contract['setup.createCentre'].input.safeParse({
          ...VALID_INPUT['setup.createCentre'],
          admin: { ...VALID_INPUT['setup.createCentre'].admin, name: typed },
        }),
      ]
      const names = cases.map((r) => {
        expect(r.error?.issues ?? []).toEqual([])
        const v = r.data as Record<string, unknown>
        const nested = (v.collector ?? v.admin) as Record<string, unknown> | undefined
        return v.customerName ?? nested?.name ?? v.name
      })
      expect(names).toEqual([plain, plain, plain, plain, plain])
    })
  }

  it('other characters are still refused with the same message', () => {
    const r = contract['application.register'].input.safeParse({
      ...VALID_INPUT['application.register'],
      customerName: 'Wanjiru «Kamau»',
    })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toBe(
      'Customer name has letters, spaces, apostrophes, dots and hyphens only',
    )
  })

  describe('through dispatch into a real SQLite file', () => {
    let t: ReturnType<typeof testCore> | null = null
    afterEach(() => {
      t?.close()
      t = null
    })

    it('application.register and staff.create store the plain apostrophe', async () => {
      t = testCore()
      const admin = await setUpCentre(t.core)
      await signedIn(t.core, admin, 'clerk', 'clerk')
      const reg = await t.core.dispatch('clerk', 'application.register', {
        ...VALID_INPUT['application.register'],
        customerName: 'Wanjiru O\u2019Brien',
      })
      expect(reg.ok).toBe(true)
      const staff = await t.core.dispatch(admin, 'staff.create', {
        staffNumber: 'DSK777',
        name: 'Achieng N\u2019jeri',
        role: 'desk',
        pin: '5937',
      })
      expect(staff.ok).toBe(true)
      const db = t.core.store.db
      expect(db.prepare('SELECT customer_name AS n FROM applications').all()).toEqual([
        { n: "Wanjiru O'Brien" },
      ])
      expect(db.prepare("SELECT name AS n FROM staff WHERE staff_number = 'DSK777'").all()).toEqual([
        { n: "Achieng N'jeri" },
      ])
    })
  })
})
