import type { StaffSummary } from '../../common/contract'
import { AppError } from '../../common/errors'
import { pinTooShortFor, roleChangeNeedsNewPin } from '../../common/contract/fields'
import type { Role } from '../../common/roles'
import type { StaffRow } from '../db/queries/staff'
import type { Store } from '../db/store'
import type { Clock } from '../infra/clock'
import type { DirectoryService } from './directory-service'
import type { EventWriter } from './event-writer'
import type { PinHasher } from './pin-hash'

export function toSummary(r: StaffRow): StaffSummary {
  return {
    staffNumber: r.staff_number,
    name: r.name,
    role: r.role,
    active: r.active === 1,
    lockedUntil: r.locked_until,
    lastSignInAt: r.last_sign_in_at,
  }
}

interface Deps {
  pins: PinHasher
  store: Store
  clock: Clock
  writeEvent: EventWriter
  directory: DirectoryService
}

/** Staff administration. Staff changes are events too, so the central API learns who worked where. */
export function createStaffService({ store, clock, writeEvent, pins, directory }: Deps) {
  const mustGet = (staffNumber: string): StaffRow => {
    const row = store.staff.byNumber(staffNumber)
    if (!row) throw new AppError('NOT_FOUND', `No staff member with number ${staffNumber}.`, 'staffNumber')
    return row
  }

  /** Refuses a PIN shorter than `role` asks for (the contract cannot know the role of someone already here). */
  const mustFit = (role: Role, pin: string): void => {
    const problem = pinTooShortFor(role, pin)
    if (problem) throw new AppError('INVALID_INPUT', problem, 'pin')
  }

  /** Refuses a change that would leave the centre with no active administrator. */
  const keepsAnAdmin = (changing: string, role: Role, active: boolean): boolean =>
    (role === 'admin' && active) ||
    store.staff.all().some((s) => s.staff_number !== changing && s.role === 'admin' && s.active === 1)

  return {
    list: (): StaffSummary[] => store.staff.all().map(toSummary),

    async create(
      p: { staffNumber: string; name: string; role: Role; pin: string },
      by: string | null,
    ): Promise<StaffSummary> {
      if (store.staff.byNumber(p.staffNumber)) {
        throw new AppError('CONFLICT', `Staff number ${p.staffNumber} is already in use.`, 'staffNumber')
      }
      const pinHash = await pins.hash(p.pin)
      const now = clock.now()
      store.tx(() => {
        // Again inside the transaction: hashing the PIN yields, so a second create may have won meanwhile.
        if (store.staff.byNumber(p.staffNumber)) {
          throw new AppError('CONFLICT', `Staff number ${p.staffNumber} is already in use.`, 'staffNumber')
        }
        store.staff.insert({ staffNumber: p.staffNumber, name: p.name, role: p.role, pinHash, now })
        directory.record(
          [
            { kind: 'staff', key: p.staffNumber, field: 'name', value: p.name },
            { kind: 'staff', key: p.staffNumber, field: 'role', value: p.role },
            { kind: 'staff', key: p.staffNumber, field: 'active', value: true },
            { kind: 'staff', key: p.staffNumber, field: 'pinHash', value: pinHash },
          ],
          by,
          now,
        )
        writeEvent({
          type: 'staff.created',
          staffNumber: by,
          payload: { staffNumber: p.staffNumber, name: p.name, role: p.role },
        })
        store.audit.write({
          at: now,
          staffNumber: by,
          action: 'staff.created',
          detail: { staffNumber: p.staffNumber, role: p.role },
        })
      })
      return toSummary(mustGet(p.staffNumber))
    },

    async update(
      p: {
        staffNumber: string
        name?: string | undefined
        role?: Role | undefined
        active?: boolean | undefined
        pin?: string | undefined
      },
      by: string,
    ): Promise<StaffSummary> {
      /** The row as it will be, or why not; run again inside the transaction, as hashing yields. */
      const plan = (row: StaffRow) => {
        const next = {
          name: p.name ?? row.name,
          role: p.role ?? row.role,
          active: p.active ?? row.active === 1,
        }
        if (!keepsAnAdmin(p.staffNumber, next.role, next.active)) {
          throw new AppError('CONFLICT', 'The centre must keep at least one active administrator.')
        }
        if (p.pin === undefined && roleChangeNeedsNewPin(row.role, next.role)) {
          throw new AppError(
            'INVALID_INPUT',
            `${pinTooShortFor(next.role, '')} Set a new PIN for ${row.name} in the same change.`,
            'pin',
          )
        }
        if (p.pin !== undefined) mustFit(next.role, p.pin)
        return next
      }
      plan(mustGet(p.staffNumber))
      const pinHash = p.pin === undefined ? null : await pins.hash(p.pin)
      const now = clock.now()
      store.tx(() => {
        const row0 = mustGet(p.staffNumber)
        const next = plan(row0)
        store.staff.update({
          staffNumber: p.staffNumber,
          name: next.name,
          role: next.role,
          active: next.active ? 1 : 0,
          now,
        })
        const was = { name: row0.name, role: row0.role, active: row0.active === 1 }
        directory.record(
          (['name', 'role', 'active'] as const)
            .filter((field) => next[field] !== was[field])
            .map((field) => ({ kind: 'staff' as const, key: p.staffNumber, field, value: next[field] })),
          by,
          now,
        )
        writeEvent({
          type: 'staff.updated',
          staffNumber: by,
          payload: { staffNumber: p.staffNumber, ...next },
        })
        store.audit.write({
          at: now,
          staffNumber: by,
          action: 'staff.updated',
          detail: { staffNumber: p.staffNumber, ...next },
        })
        if (pinHash) {
          store.staff.setPin({ staffNumber: p.staffNumber, pinHash, now })
          directory.record([{ kind: 'staff', key: p.staffNumber, field: 'pinHash', value: pinHash }], by, now)
          store.audit.write({
            at: now,
            staffNumber: by,
            action: 'staff.pinReset',
            detail: { staffNumber: p.staffNumber },
          })
        }
      })
      return toSummary(mustGet(p.staffNumber))
    },

    async resetPin(p: { staffNumber: string; pin: string }, by: string): Promise<StaffSummary> {
      mustFit(mustGet(p.staffNumber).role, p.pin)
      const pinHash = await pins.hash(p.pin)
      const now = clock.now()
      store.tx(() => {
        mustFit(mustGet(p.staffNumber).role, p.pin)
        store.staff.setPin({ staffNumber: p.staffNumber, pinHash, now })
        // A new verifier through the directory: every PC that applies it clears its own lockout of this person.
        directory.record([{ kind: 'staff', key: p.staffNumber, field: 'pinHash', value: pinHash }], by, now)
        store.audit.write({
          at: now,
          staffNumber: by,
          action: 'staff.pinReset',
          detail: { staffNumber: p.staffNumber },
        })
      })
      return toSummary(mustGet(p.staffNumber))
    },
  }
}
export type StaffService = ReturnType<typeof createStaffService>
