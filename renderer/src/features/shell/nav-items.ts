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
  label: string
  hint: string
  icon: typeof IconReceipt
  roles: readonly Role[]
}

/** The desks, in the order of a document's life. Shortcut Alt+1…5 follows this order. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    id: 'counter',
    label: 'Counter',
    hint: 'Register applications, print receipts',
    icon: IconReceipt,
    roles: ['clerk', 'manager', 'admin'],
  },
  {
    id: 'arrivals',
    label: 'Arrivals',
    hint: 'Scan finished documents onto the shelf',
    icon: IconPackageImport,
    roles: ['desk', 'manager', 'admin'],
  },
  {
    id: 'collection',
    label: 'Collection',
    hint: 'Hand documents to customers',
    icon: IconUserCheck,
    roles: ['desk', 'manager', 'admin'],
  },
  {
    id: 'backlog',
    label: 'Backlog',
    hint: 'Uncollected documents, reminders, returns',
    icon: IconChartBar,
    roles: ['manager', 'admin'],
  },
  {
    id: 'settings',
    label: 'Settings',
    hint: 'Staff, workstation, audit log, your PIN',
    icon: IconSettings,
    roles: ['clerk', 'desk', 'manager', 'admin'],
  },
]

export const itemsFor = (role: Role): NavItem[] => NAV_ITEMS.filter((i) => i.roles.includes(role))
