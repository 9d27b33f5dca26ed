/** Staff roles. A role decides which contract methods a signed-in person may call (checked in the dispatcher). */
export const ROLES = ['clerk', 'desk', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  clerk: 'Counter clerk',
  desk: 'Collection desk',
  manager: 'Centre manager',
  admin: 'Administrator',
}
