import { serviceSchema, type Service } from '../../common/catalogue'
import { AppError } from '../../common/errors'
import type { Store } from '../db/store'
import type { Clock } from '../infra/clock'
import { DEFAULT_CATALOGUE } from './catalogue/default-catalogue'
import type { EventWriter } from './event-writer'

interface Deps {
  store: Store
  clock: Clock
  writeEvent: EventWriter
}

/** The service catalogue: shipped defaults on first start, edited by administrators, replaced centrally later. */
export function createCatalogueService({ store, clock, writeEvent }: Deps) {
  return {
    /** Seeds the defaults into an empty catalogue, so a new install can register at once. */
    ensureDefaults(): void {
      if (store.services.count() > 0) return
      const now = clock.now()
      store.tx(() => {
        for (const s of DEFAULT_CATALOGUE) store.services.upsert(s, now)
      })
    },
    list: (): Service[] => store.services.all(),
    get(code: string): Service {
      const s = store.services.byCode(code)
      if (!s) throw new AppError('NOT_FOUND', `No service with code ${code}.`, 'serviceCode')
      return s
    },
    update(input: unknown, by: string): Service {
      const parsed = serviceSchema.safeParse(input)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new AppError(
          'INVALID_INPUT',
          issue?.message ?? 'Invalid service',
          issue?.path.map(String).join('.'),
        )
      }
      if (!store.services.byCode(parsed.data.code)) {
        throw new AppError('NOT_FOUND', `No service with code ${parsed.data.code}.`, 'code')
      }
      // A local edit is no longer the shipped default: the central catalogue must not silently undo it.
      const service: Service = { ...parsed.data, isDefault: false }
      const now = clock.now()
      store.tx(() => {
        store.services.upsert(service, now)
        writeEvent({ type: 'catalogue.serviceUpdated', staffNumber: by, payload: { ...service } })
        store.audit.write({
          at: now,
          staffNumber: by,
          action: 'catalogue.updated',
          detail: { code: service.code },
        })
      })
      return service
    },
  }
}
export type CatalogueService = ReturnType<typeof createCatalogueService>
