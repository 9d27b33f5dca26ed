import { z } from 'zod'
import { empty, method } from './define'
import type { SettingsFile, SettingsImportSummary } from './types'

/**
 * The centre's settings as a file, for a centre that is offline: exported on one PC, imported on another. Secrets
 * and personal data never go in it (see main/services/settings-file-service.ts for what does).
 */
export const settingsFileMethods = {
  'settings.export': method<SettingsFile>()({
    summary:
      'Save the centre settings and the service catalogue of this PC to a file (no secrets, no personal data)',
    access: ['admin'],
    input: empty,
  }),
  'settings.import': method<SettingsImportSummary>()({
    summary:
      'Apply a settings file from another PC of this centre: all of it, or nothing when any part is wrong',
    multiline: ['content'],
    access: ['admin'],
    input: z.strictObject({
      content: z
        .string({ error: 'Choose a settings file' })
        .min(1, 'The settings file is empty')
        .max(200_000, 'This is too large to be a settings file'),
    }),
  }),
} as const
