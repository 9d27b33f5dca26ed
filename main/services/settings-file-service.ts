import { z } from 'zod'
import { serviceSchema, type Service } from '../../common/catalogue'
import { contract, type SettingsFile, type SettingsImportSummary } from '../../common/contract'
import { cleanInput } from '../../common/contract/safe-text'
import { AppError } from '../../common/errors'
import type { Store } from '../db/store'
import type { Clock } from '../infra/clock'
import type { CatalogueService } from './catalogue-service'
import type { SettingsService } from './settings-service'

/**
 * The centre's configuration as a file, for a centre that is offline: the centre settings (`Settings`) and the
 * service catalogue as this PC has it (including local changes to it). What belongs to the PC (printer, scanner,
 * workstation slot), secrets (tokens, keys, PIN hashes) and personal data (staff, customers) never go in.
 *
 * An import is checked whole — the same text rules and schemas as settings.update and catalogue.update — before
 * anything is written, and is then written in one transaction through those same services, so it is audited and
 * replicated as if an administrator had typed each change.
 */

export const SETTINGS_FILE_KIND = 'tms-centre-settings'

// Every setting is required, except those added after files were first exported: a file from an older version
// leaves them as they are on this PC rather than being refused.
const settingsSchema = contract['settings.update'].input
  .required()
  .partial({ updatesEnabled: true, updateUrl: true })
const fileShape = z.strictObject({
  kind: z.literal(SETTINGS_FILE_KIND, { error: 'This is not a Track My Service settings file' }),
  version: z.literal(1, { error: 'This settings file is from a newer version of the app' }),
  centreNumber: z.string().regex(/^\d{3}$/, 'The file does not say which centre it is from'),
  exportedAt: z.number().int().min(0),
  settings: z.unknown(),
  services: z.array(z.unknown()).max(500, 'The file lists more services than a catalogue has'),
})

export function createSettingsFileService(deps: {
  store: Store
  clock: Clock
  settings: SettingsService
  catalogue: CatalogueService
}) {
  const { store, clock, settings, catalogue } = deps

  const refuse = (message: string, where?: string): never => {
    throw new AppError(
      'INVALID_INPUT',
      `The settings file was not applied: ${message}${where ? ` (${where})` : ''}. Nothing was changed.`,
      'content',
    )
  }

  /** One part of the file through the text rules and the method's schema, as the dispatcher checks a call. */
  function check<T>(value: unknown, schema: z.ZodType<T>, multiline: readonly string[], where: string): T {
    const cleaned = cleanInput(value, multiline)
    if (!cleaned.ok)
      return refuse(cleaned.problem.message, [where, cleaned.problem.field].filter(Boolean).join('.'))
    const parsed = schema.safeParse(cleaned.value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return refuse(issue?.message ?? 'invalid', [where, ...(issue?.path ?? []).map(String)].join('.'))
    }
    return parsed.data
  }

  return {
    export(by: string): SettingsFile {
      const centre = store.centre.get()
      if (!centre) throw new AppError('SETUP_REQUIRED', 'Set up this workstation first.')
      const now = clock.now()
      const body = {
        kind: SETTINGS_FILE_KIND,
        version: 1,
        centreNumber: centre.number,
        exportedAt: now,
        settings: settings.get(),
        services: catalogue.list(),
      }
      store.audit.write({
        at: now,
        staffNumber: by,
        action: 'settings.exported',
        detail: { services: body.services.length },
      })
      const stamp = new Date(now).toISOString().slice(0, 10)
      return {
        fileName: `tms-settings-${centre.number}-${stamp}.json`,
        content: JSON.stringify(body, null, 2) + '\n',
      }
    },

    import(content: string, by: string): SettingsImportSummary {
      const centre = store.centre.get()
      if (!centre) throw new AppError('SETUP_REQUIRED', 'Set up this workstation first.')
      let json: unknown
      try {
        json = JSON.parse(content)
      } catch {
        return refuse('it is not a settings file (not JSON), or it was cut short')
      }
      const file = check(json, fileShape, [], 'file')
      if (file.centreNumber !== centre.number)
        refuse(`it holds the settings of centre ${file.centreNumber}, and this PC is centre ${centre.number}`)
      const next = check(
        file.settings,
        settingsSchema,
        contract['settings.update'].multiline ?? [],
        'settings',
      )
      const services: Service[] = file.services.map((s, i) =>
        check(s, serviceSchema, contract['catalogue.update'].multiline ?? [], `services.${i}`),
      )
      const here = new Map(catalogue.list().map((s) => [s.code, s]))
      const codes = new Set<string>()
      for (const s of services) {
        if (codes.has(s.code)) refuse(`service ${s.code} is listed twice`)
        codes.add(s.code)
        if (!here.has(s.code))
          refuse(
            `service ${s.code} is not in this PC’s catalogue (enrol the PC, or let it pull the catalogue, first)`,
          )
      }
      const changed = services.filter((s) => !sameService(here.get(s.code), s))
      const now = clock.now()
      // One transaction: settings.update and catalogue.update nest inside it, so a failure in any part undoes all.
      const applied = store.tx(() => {
        const result = settings.update(next, by, now)
        for (const s of changed) catalogue.update(s, by)
        store.audit.write({
          at: now,
          staffNumber: by,
          action: 'settings.imported',
          detail: { from: file.centreNumber, exportedAt: file.exportedAt, servicesChanged: changed.length },
        })
        return result
      })
      return { settings: applied, servicesChanged: changed.length }
    },
  }
}
/** Equal in every field but `isDefault` (an imported service is a local choice, so never a shipped default). */
function sameService(a: Service | undefined, b: Service): boolean {
  if (!a) return false
  const keys = Object.keys(serviceSchema.shape) as (keyof Service)[]
  return keys.every((k) => k === 'isDefault' || JSON.stringify(a[k]) === JSON.stringify(b[k]))
}

export type SettingsFileService = ReturnType<typeof createSettingsFileService>
