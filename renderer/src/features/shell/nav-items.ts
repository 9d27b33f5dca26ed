import {
  IconChartBar,
  IconPackageImport,
  IconReceipt,
  IconSettings,
  IconUserCheck,
} from '@tabler/icons-react'
import type { Role } from '../../../../common/roles'

export type PageId = 'counter' | 'arrivals' | 'collection' | 'backlog' | 'settings'

export interface NavItem {
  id: PageId
  /** Alt+this digit opens the desk. Fixed per desk, whatever the role, so a key means the same desk everywhere. */
  key: number
  /** Its name and one-line hint are the messages `shell.nav.<id>.label` and `shell.nav.<id>.hint`. */
  icon: typeof IconReceipt
  roles: readonly Role[]
}

/** The desks, in the order of a document's life, each with its own Alt+digit. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: 'counter',
    key: 1,
    icon: IconReceipt,
    roles: ['clerk', 'manager', 'admin'],
  },
  {
    id: 'arrivals',
    key: 2,
    icon: IconPackageImport,
    roles: ['desk', 'manager', 'admin'],
  },
  {
    id: 'collection',
    key: 3,
    icon: IconUserCheck,
    roles: ['desk', 'manager', 'admin'],
  },
  {
    id: 'backlog',
    key: 4,
    icon: IconChartBar,
    roles: ['manager', 'admin'],
  },
  {
    id: 'settings',
    key: 5,
    icon: IconSettings,
    roles: ['clerk', 'desk', 'manager', 'admin'],
  },
]

export const itemsFor = (role: Role): NavItem[] => NAV_ITEMS.filter((i) => i.roles.includes(role))

/** The desk Alt+`key` opens for this role; null for a desk the role does not have (the key then does nothing). */
export const deskForKey = (role: Role, key: number): NavItem | null =>
  itemsFor(role).find((i) => i.key === key) ?? null
