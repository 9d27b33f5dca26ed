import type { MethodInput, MethodName } from '../../common/contract'
import { ADMIN } from './core'

/**
 * One input per contract method that passes its schema. Typed over every method name, so a method added to the
 * contract without an entry here breaks the test build.
 */
export const VALID_INPUT: { [K in MethodName]: MethodInput<K> } = {
  'app.status': {},
  'setup.createCentre': {
    centreNumber: '042',
    centreName: 'Huduma Centre GPO',
    workstationSlot: '01',
    admin: { ...ADMIN },
  },
  'auth.session': {},
  'auth.signIn': { staffNumber: ADMIN.staffNumber, pin: ADMIN.pin },
  'auth.signOut': {},
  'auth.lock': {},
  'auth.unlock': { pin: ADMIN.pin },
  'auth.activity': {},
  'auth.changePin': { currentPin: ADMIN.pin, newPin: '7315' },
  'staff.list': {},
  'staff.create': { staffNumber: 'CLK900', name: 'Brian Otieno', role: 'clerk', pin: '7315' },
  'staff.update': { staffNumber: ADMIN.staffNumber, name: 'Amina W. Kamau', role: 'admin', active: true },
  'staff.resetPin': { staffNumber: ADMIN.staffNumber, pin: '7315' },
  'settings.get': {},
  'settings.update': { idleLockMinutes: 10 },
  'audit.list': { limit: 10, staffNumber: ADMIN.staffNumber, action: 'auth.signIn' },
  'status.get': {},
}
