import { upgradeLegacyWeekSlot } from '../../../common/shelf-slot'
import { nairobiDate } from '../../../common/nairobi-time'
import type { Migration } from './types'

/**
 * Arrival-week slots gain their ISO week-year: 'W50-GC' becomes '25W50-GC' or '26W50-GC' by the date the document
 * arrived, so week 50 of next year no longer shares a label with documents from years ago. Every stored copy of a
 * slot is rewritten: the application's shelf slot, the slot each arrival scan reported and the slot a return
 * manifest recorded. The events keep the label they were written with (they are append-only); the fold upgrades it
 * the same way (`upgradeLegacyWeekSlot`), so a later re-fold gives the row this migration wrote. The shelf indexes
 * over `shelf_slot` follow by themselves; no rollup groups by slot.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'year-week-slots',
  up(db) {
    db.function(
      'tms_year_week_slot',
      { deterministic: true },
      (slot: unknown, arrivedAt: unknown, serviceCode: unknown) =>
        typeof slot === 'string' && typeof arrivedAt === 'number' && typeof serviceCode === 'string'
          ? upgradeLegacyWeekSlot(slot, nairobiDate(arrivedAt), serviceCode)
          : slot,
    )
    // The GLOB keeps the rewrite to labels of the old week shape; the function decides the rest.
    db.exec(`
      UPDATE applications SET shelf_slot = tms_year_week_slot(shelf_slot, arrived_at, service_code)
      WHERE shelf_slot GLOB 'W[0-9][0-9]-*' AND arrived_at IS NOT NULL;

      UPDATE batch_scans AS s
      SET slot = tms_year_week_slot(s.slot, a.arrived_at, a.service_code)
      FROM applications AS a
      WHERE a.tracking_number = s.tracking_number AND s.slot GLOB 'W[0-9][0-9]-*' AND a.arrived_at IS NOT NULL;

      UPDATE return_manifest_items AS i
      SET slot = tms_year_week_slot(i.slot, a.arrived_at, a.service_code)
      FROM applications AS a
      WHERE a.tracking_number = i.tracking_number AND i.slot GLOB 'W[0-9][0-9]-*' AND a.arrived_at IS NOT NULL;
    `)
  },
}
