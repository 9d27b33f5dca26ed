import type { AppStatus, DatabaseRecovery } from '../../common/contract'
import { AppError } from '../../common/errors'
import type { Store } from '../db/store'
import type { Clock } from '../infra/clock'
import type { PinHasher } from './pin-hash'
import type { EventWriter } from './event-writer'
import type { DirectoryService } from './directory-service'
import { uuidv7 } from '../infra/uuidv7'
import { randomBytes } from 'node:crypto'

interface Deps {
  pins: PinHasher
  store: Store
  clock: Clock
  writeEvent: EventWriter
  version: string
  recovery: DatabaseRecovery | null
  /** Databases moved aside after damage in this data folder (see db/open.ts). */
  movedAside: () => string[]
  directory: DirectoryService
}

export interface CentreSetup {
  centreNumber: string
  centreName: string
  workstationSlot: string
  admin: { staffNumber: string; name: string; pin: string }
}

/** First-run setup: the centre, this workstation's identity, and the first administrator, in one transaction. */
export function createSetupService({
  store,
  clock,
  writeEvent,
  version,
  recovery,
  movedAside,
  pins,
  directory,
}: Deps) {
  /** Refuses a first run on a PC already set up, or whose earlier database was moved aside. */
  function assertCanSetUp(): void {
    if (store.centre.get()) throw new AppError('ALREADY_SET_UP', 'This workstation is already set up.')
    const aside = movedAside()
    if (aside.length > 0) {
      // That database gave out tracking numbers; a fresh setup of this slot could give the same ones again.
      throw new AppError(
        'CONFLICT',
        `This PC's earlier database was damaged and moved aside (${aside.join(', ')}), and no backup could ` +
          'replace it. Setting up afresh could issue tracking numbers it already gave out. Ask the IT officer ' +
          'to recover it, or to move it out of the data folder once the numbers are accounted for; then set up.',
      )
    }
  }

  return {
    status(): Omit<AppStatus, 'catchUp'> {
      const c = store.centre.get()
      return {
        setupDone: c !== null,
        centre: c ? { number: c.number, name: c.name, workstationSlot: c.workstation_slot } : null,
        deviceId: c?.device_id ?? '',
        version,
        recovery,
      }
    },

    assertCanSetUp,

    /**
     * A PC joining a centre whose other PCs are set up: the centre row (a new tracking-number key for this slot) and
     * its enrolment event, in the caller's transaction, once the central API has enrolled the slot. No staff are
     * made here: they come down with the centre directory.
     */
    recordJoined(p: { centreNumber: string; centreName: string; workstationSlot: string; deviceId: string }) {
      const now = clock.now()
      if (store.centre.get()) throw new AppError('ALREADY_SET_UP', 'This workstation is already set up.')
      store.centre.insert({
        permutationKey: randomBytes(16).toString('hex'),
        number: p.centreNumber,
        name: p.centreName,
        workstationSlot: p.workstationSlot,
        deviceId: p.deviceId,
        now,
      })
      writeEvent(
        {
          type: 'centre.workstationEnrolled',
          staffNumber: null,
          payload: {
            centreNumber: p.centreNumber,
            centreName: p.centreName,
            workstationSlot: p.workstationSlot,
          },
        },
        p.deviceId,
      )
      store.audit.write({
        at: now,
        staffNumber: null,
        action: 'setup.centreJoined',
        detail: { centreNumber: p.centreNumber, workstationSlot: p.workstationSlot },
      })
    },

    async createCentre(p: CentreSetup): Promise<void> {
      assertCanSetUp()
      const pinHash = await pins.hash(p.admin.pin)
      const now = clock.now()
      const deviceId = uuidv7(now)
      store.tx(() => {
        // Checked again inside the transaction: two setup screens racing must not both win.
        if (store.centre.get()) throw new AppError('ALREADY_SET_UP', 'This workstation is already set up.')
        store.centre.insert({
          // Fixed for the life of this workstation slot: a new key could repeat tracking numbers.
          permutationKey: randomBytes(16).toString('hex'),
          number: p.centreNumber,
          name: p.centreName,
          workstationSlot: p.workstationSlot,
          deviceId,
          now,
        })
        store.staff.insert({
          staffNumber: p.admin.staffNumber,
          name: p.admin.name,
          role: 'admin',
          pinHash,
          now,
        })
        const by = p.admin.staffNumber
        directory.record(
          [
            { kind: 'staff', key: by, field: 'name', value: p.admin.name },
            { kind: 'staff', key: by, field: 'role', value: 'admin' },
            { kind: 'staff', key: by, field: 'active', value: true },
            { kind: 'staff', key: by, field: 'pinHash', value: pinHash },
          ],
          by,
          now,
        )
        writeEvent(
          {
            type: 'centre.workstationEnrolled',
            staffNumber: by,
            payload: {
              centreNumber: p.centreNumber,
              centreName: p.centreName,
              workstationSlot: p.workstationSlot,
            },
          },
          deviceId,
        )
        writeEvent(
          {
            type: 'staff.created',
            staffNumber: by,
            payload: { staffNumber: by, name: p.admin.name, role: 'admin' },
          },
          deviceId,
        )
        store.audit.write({
          at: now,
          staffNumber: by,
          action: 'setup.centreCreated',
          detail: { centreNumber: p.centreNumber },
        })
      })
    },
  }
}
export type SetupService = ReturnType<typeof createSetupService>
