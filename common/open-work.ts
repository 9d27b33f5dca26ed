/**
 * Work a person has open at a desk that an app restart would lose: a registration form being filled, a hand-over
 * being checked. The renderer reports it (`work.open`); the core holds it so an update never installs meanwhile.
 */
export const OPEN_WORK_KINDS = ['registration', 'handover'] as const
export type OpenWorkKind = (typeof OPEN_WORK_KINDS)[number]

export const OPEN_WORK_LABEL: Record<OpenWorkKind, string> = {
  registration: 'a registration',
  handover: 'a hand-over',
}
