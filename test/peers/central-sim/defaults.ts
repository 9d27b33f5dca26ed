import { DEFAULT_CATALOGUE } from '../../../main/services/catalogue/default-catalogue'
import type { CatalogueData } from './types'

/** The simulator's default central catalogue: the app's shipped services as the centre would send them. */
export const DEFAULT_CENTRAL_CATALOGUE: CatalogueData = {
  version: '2026.1',
  services: DEFAULT_CATALOGUE.map((s) => ({ ...s, isDefault: false })),
  holidays: [
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-03-20', name: 'Idd-ul-Fitr' },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-06', name: 'Easter Monday' },
    { date: '2026-05-01', name: 'Labour Day' },
    { date: '2026-05-27', name: 'Idd-ul-Azha' },
    { date: '2026-06-01', name: 'Madaraka Day' },
    { date: '2026-10-10', name: 'Mazingira Day' },
    { date: '2026-10-20', name: 'Mashujaa Day' },
    { date: '2026-12-12', name: 'Jamhuri Day' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-26', name: 'Boxing Day' },
  ],
}
