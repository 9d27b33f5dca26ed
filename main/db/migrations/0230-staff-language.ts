import type { Migration } from './types'

/**
 * Each staff member's UI language (#16): chosen at sign-in, kept with them on every PC of the centre (it travels
 * as the directory field `language`). Everyone starts in English, the only language the UI had before.
 */
export const migration0230: Migration = {
  version: 230,
  name: 'staff UI language',
  up(db) {
    db.exec(
      `ALTER TABLE staff ADD COLUMN ui_language TEXT NOT NULL DEFAULT 'en' CHECK (ui_language IN ('en', 'sw'))`,
    )
  },
}
