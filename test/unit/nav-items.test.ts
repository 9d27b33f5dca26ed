import { describe, expect, it } from 'vitest'
import { ROLES } from '../../common/roles'
import { deskForKey, itemsFor, NAV_ITEMS } from '../../renderer/src/features/shell/nav-items'

/** Each desk keeps its Alt+digit whatever the role: a clerk's Alt+5 and a manager's Alt+5 are both Settings. */
describe('desk shortcut keys', () => {
  const FIXED = { counter: 1, arrivals: 2, collection: 3, backlog: 4, settings: 5 }

  it('gives every desk its own digit, the same for every role that sees it', () => {
    expect(Object.fromEntries(NAV_ITEMS.map((i) => [i.id, i.key]))).toEqual(FIXED)
    for (const role of ROLES) {
      for (const item of itemsFor(role)) {
        expect(deskForKey(role, FIXED[item.id])?.id, `${role} Alt+${FIXED[item.id]}`).toBe(item.id)
      }
    }
  })

  it('opens nothing for a desk the role does not have', () => {
    expect(itemsFor('clerk').map((i) => i.id)).toEqual(['counter', 'settings'])
    expect(deskForKey('clerk', 2)).toBeNull()
    expect(deskForKey('clerk', 4)).toBeNull()
    expect(deskForKey('clerk', 5)?.id).toBe('settings')
    expect(deskForKey('desk', 1)).toBeNull()
    expect(deskForKey('desk', 3)?.id).toBe('collection')
    expect(deskForKey('manager', 4)?.id).toBe('backlog')
    expect(deskForKey('admin', 6)).toBeNull()
  })
})
