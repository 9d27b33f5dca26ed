import { z } from 'zod'
import { empty, method } from './define'
import type { AboutInfo, DiagnosticsFile } from './diagnostics-types'

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, `${label} must have at most ${max.toLocaleString('en-GB')} characters`)

/**
 * What a centre's IT officer needs when something goes wrong: the versions (Settings → About), a diagnostics file
 * to send on, and the renderer's own errors in the core's log.
 */
export const diagnosticsMethods = {
  'about.get': method<AboutInfo>()({
    summary: 'App, Electron, Chromium, Node, SQLite and cipher versions, schema version, data folder, centre',
    access: 'staff',
    input: empty,
  }),
  'diagnostics.export': method<DiagnosticsFile>()({
    summary:
      'One file for IT: recent logs, versions, settings (no secrets), device, sync and outbox state, with ' +
      'personal data removed',
    access: ['admin'],
    input: empty,
  }),
  'diagnostics.reportError': method<null>()({
    summary: 'An error the window met (a script error, a failed promise), written to the core’s log',
    // Also before sign-in and while locked: the sign-in and lock screens can fail too.
    access: 'public',
    whileLocked: true,
    multiline: ['stack'],
    input: z.strictObject({
      message: text('The message', 2000).min(1, 'The message is empty'),
      stack: text('The stack', 8000).optional(),
      where: text('Where', 300).optional(),
    }),
  }),
} as const
