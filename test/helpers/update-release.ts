import fs from 'node:fs'
import path from 'node:path'
import { sha512File } from '../../main/services/update/verify-update'

/**
 * A release folder as electron-builder and `npm run update:sign` leave it: an installer (made-up bytes), the
 * manifest that lists it, and nothing else (the caller signs).
 */
export async function writeRelease(
  dir: string,
  opts: { version: string; fileName?: string; bytes?: number; channelFile?: string },
): Promise<{ installer: string; manifest: string; manifestText: string }> {
  const fileName = opts.fileName ?? `Track-My-Service-Setup-${opts.version}.exe`
  const installer = path.join(dir, fileName)
  const size = opts.bytes ?? 300_000
  // Deterministic content: a test's file is the same on every run.
  const content = Buffer.alloc(size)
  for (let i = 0; i < size; i++) content[i] = (i * 31 + 7) & 0xff
  fs.writeFileSync(installer, content)
  const sha512 = await sha512File(installer)
  const manifestText = [
    `version: ${opts.version}`,
    'files:',
    `  - url: ${fileName}`,
    `    sha512: ${sha512}`,
    `    size: ${size}`,
    `path: ${fileName}`,
    `sha512: ${sha512}`,
    "releaseDate: '2027-03-01T09:00:00.000Z'",
    '',
  ].join('\n')
  const manifest = path.join(dir, opts.channelFile ?? 'latest.yml')
  fs.writeFileSync(manifest, manifestText)
  return { installer, manifest, manifestText }
}
