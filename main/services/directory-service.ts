import {
  directoryChangeProblem,
  directoryWins,
  SETTING_FIELD,
  type DirectoryChange,
  type DirectoryKind,
} from '../../common/directory'
import type { UiLanguage } from '../../common/i18n'
import type { Role } from '../../common/roles'
import type { DirectoryChangeRow } from '../db/queries/directory'
import type { Store } from '../db/store'
import { uuidv7 } from '../infra/uuidv7'

/**
 * One field this PC is changing: a staff member's name, role, active flag, PIN hash or UI language, or a setting's
 * value.
 */
export interface LocalChange {
  kind: DirectoryKind
  key: string
  field: string
  value: unknown
}

/** An incoming change after its envelope was checked (main/sync/directory-sync.ts); kind and value are not yet. */
export type IncomingChange = Omit<DirectoryChange, 'kind'> & { kind: string }

const toRow = (c: IncomingChange): DirectoryChangeRow => ({
  change_id: c.id,
  kind: c.kind,
  key: c.key,
  field: c.field,
  value: JSON.stringify(c.value),
  at: c.at,
  by: c.by,
  device_id: c.deviceId,
})

const version = (r: DirectoryChangeRow) => ({ at: r.at, id: r.change_id })

/** Who made a change, for an audit row: never its value when that is a PIN hash. */
const side = (r: DirectoryChangeRow) => ({
  id: r.change_id,
  at: r.at,
  by: r.by,
  deviceId: r.device_id,
  ...(r.field === 'pinHash' ? {} : { value: JSON.parse(r.value) as unknown }),
})

/**
 * The centre directory on this PC: staff and centre settings as changes. `record` runs inside the caller's
 * transaction (the staff or settings write), so a change, its outbox row and the row it changes commit together.
 * `applyRemote` takes changes from the central API: each field keeps the winner by (at, id), the same rule the API
 * and every other PC use, and the staff and settings rows are made again from the winning fields.
 */
export function createDirectoryService(store: Store, onRecorded: () => void = () => undefined) {
  const deviceId = (): string => {
    const c = store.centre.get()
    if (!c) throw new Error('the directory needs the centre row (setup) first')
    return c.device_id
  }

  /** Makes the staff row from its fields once name, role and PIN hash are all known. */
  const materializeStaff = (key: string, changedField: string, now: number): void => {
    const f = Object.fromEntries(
      store.directory.fieldsOf('staff', key).map((r) => [r.field, JSON.parse(r.value) as unknown]),
    ) as { name?: string; role?: Role; active?: boolean; pinHash?: string; language?: UiLanguage }
    if (f.name === undefined || f.role === undefined || f.pinHash === undefined) return
    const active = f.active === false ? 0 : 1
    const row = store.staff.byNumber(key)
    if (!row) {
      store.staff.insert({ staffNumber: key, name: f.name, role: f.role, pinHash: f.pinHash, now })
      if (!active) store.staff.update({ staffNumber: key, name: f.name, role: f.role, active, now })
      if (f.language) store.staff.setLanguage({ staffNumber: key, language: f.language, now })
      return
    }
    if (changedField === 'language' && f.language) {
      store.staff.setLanguage({ staffNumber: key, language: f.language, now })
      return
    }
    store.staff.update({ staffNumber: key, name: f.name, role: f.role, active, now })
    // Only a new verifier replaces the local one, and it clears this PC's lockout: an administrator's reset. A
    // hash this PC upgraded at sign-in (same PIN, higher cost) stays until then.
    if (changedField === 'pinHash') store.staff.setPin({ staffNumber: key, pinHash: f.pinHash, now })
  }

  return {
    /** Records this PC's changes; inside the caller's transaction. Returns the change ids. */
    record(changes: readonly LocalChange[], by: string | null, now: number): string[] {
      if (!store.db.inTransaction) throw new Error('directory.record must run inside the write it records')
      const device = deviceId()
      const ids = changes.map((c) => {
        const problem = directoryChangeProblem(c)
        if (problem) throw new Error(`directory change ${c.kind}.${c.field} of ${c.key}: ${problem}`)
        // A deliberate edit comes after what the editor saw, even when another PC's clock ran ahead.
        const current = store.directory.field(c.kind, c.key, c.field)
        const at = current ? Math.max(now, current.at + 1) : now
        const row: DirectoryChangeRow = {
          change_id: uuidv7(at),
          kind: c.kind,
          key: c.key,
          field: c.field,
          value: JSON.stringify(c.value),
          at,
          by,
          device_id: device,
        }
        store.directory.putField(row)
        store.directory.enqueue({ ...row, base_id: current?.change_id ?? null, base_at: current?.at ?? null })
        return row.change_id
      })
      onRecorded()
      return ids
    },

    /**
     * Applies a page of changes from the central API in one transaction. A change that is not valid (unknown kind
     * or field, a value `settings.update` or the staff forms would refuse) is recorded in `replication_issues` and
     * changes nothing. Where an incoming change meets a change of this PC not yet acknowledged, the audit log gets
     * a `directory.conflict` row naming both and which one stands.
     */
    applyRemote(changes: readonly IncomingChange[], now: number): { applied: number; refused: number } {
      let applied = 0
      let refused = 0
      store.tx(() => {
        for (const c of changes) {
          const problem = directoryChangeProblem(c)
          if (problem) {
            refused++
            store.projection.recordIssue({
              eventId: c.id,
              type: `directory.${c.kind}.${c.field}`.slice(0, 60),
              trackingNumber: null,
              reason: problem,
              at: now,
            })
            continue
          }
          const incoming = toRow(c)
          const current = store.directory.field(c.kind, c.key, c.field)
          if (current?.change_id === c.id) continue
          const wins = !current || directoryWins(c, version(current))
          const mine = store.directory.pendingFor(c.kind, c.key, c.field).at(-1)
          // A conflict is news this PC's own pending change was made without: not what it had seen (or older).
          const unseen =
            mine !== undefined &&
            mine.change_id !== c.id &&
            (mine.base_id === null ||
              (mine.base_id !== c.id && directoryWins(c, { at: mine.base_at ?? 0, id: mine.base_id })))
          if (mine && unseen) {
            store.audit.write({
              at: now,
              staffNumber: null,
              action: 'directory.conflict',
              detail: {
                kind: c.kind,
                key: c.key,
                field: c.field,
                kept: side(wins ? incoming : mine),
                overridden: side(wins ? mine : incoming),
                ...(c.kind === 'staff' ? { staffNumber: c.key } : {}),
              },
            })
          }
          if (!wins) continue
          // This PC's changes of the field that lost are not sent: the centre already holds one that beats them.
          for (const p of store.directory.pendingFor(c.kind, c.key, c.field))
            if (directoryWins(c, version(p))) store.directory.acknowledge(p.change_id)
          store.directory.putField(incoming)
          applied++
          if (c.kind === 'staff') materializeStaff(c.key, c.field, now)
          else store.centre.putSetting(c.key, c.value)
          store.audit.write({
            at: now,
            staffNumber: c.by,
            action: c.kind === 'staff' ? 'staff.replicated' : 'settings.replicated',
            detail: {
              ...(c.kind === 'staff' ? { staffNumber: c.key } : { key: c.key }),
              field: c.field,
              ...(c.field === 'pinHash' ? {} : { value: c.value }),
              changedAt: c.at,
              deviceId: c.deviceId,
            },
          })
        }
      })
      return { applied, refused }
    },

    /** A page from the central API and the cursor after it, in one transaction. */
    applyPage(changes: readonly IncomingChange[], putCursor: () => void, now: number): void {
      store.tx(() => {
        this.applyRemote(changes, now)
        putCursor()
      })
    },

    /**
     * What the central API said about changes this PC sent. `superseded` means another PC's change of the field
     * reached the centre first and beats this one: audited as a conflict (the winner arrives with the next pull).
     * `rejected` is kept as a replication issue, as the centre will never share that change.
     */
    acknowledge(
      sent: readonly DirectoryChangeRow[],
      results: readonly {
        id: string
        outcome: 'applied' | 'superseded' | 'duplicate' | 'rejected'
        reason?: string | undefined
        winner?: { id: string; at: number; by: string | null; deviceId: string } | undefined
      }[],
      now: number,
    ): void {
      const byId = new Map(sent.map((r) => [r.change_id, r]))
      store.tx(() => {
        for (const r of results) {
          const mine = byId.get(r.id)
          if (!mine) continue
          store.directory.acknowledge(r.id)
          if (r.outcome === 'superseded' && r.winner)
            store.audit.write({
              at: now,
              staffNumber: null,
              action: 'directory.conflict',
              detail: {
                kind: mine.kind,
                key: mine.key,
                field: mine.field,
                kept: r.winner,
                overridden: side(mine),
                ...(mine.kind === 'staff' ? { staffNumber: mine.key } : {}),
              },
            })
          if (r.outcome === 'rejected')
            store.projection.recordIssue({
              eventId: r.id,
              type: `directory.${mine.kind}.${mine.field}`.slice(0, 60),
              trackingNumber: null,
              reason: `refused by the central API: ${r.reason ?? 'no reason given'}`,
              at: now,
            })
        }
      })
    },

    /** The changes a settings write makes: one per key given. */
    settingChanges: (next: Record<string, unknown>): LocalChange[] =>
      Object.entries(next)
        .filter(([, v]) => v !== undefined)
        .map(([key, value]) => ({ kind: 'setting', key, field: SETTING_FIELD, value })),
  }
}
export type DirectoryService = ReturnType<typeof createDirectoryService>
