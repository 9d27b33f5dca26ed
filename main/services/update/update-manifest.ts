import { parse } from 'yaml'
import { z } from 'zod'

/**
 * electron-updater's manifest for the generic provider (latest.yml on Windows, latest-linux.yml on Linux), as
 * electron-builder writes it. Only what the signature check needs is read; other keys are left alone.
 */
const SHA512 = /^[A-Za-z0-9+/]{86}==$/

const manifestSchema = z.looseObject({
  version: z
    .string({ error: 'the manifest has no version' })
    .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'the manifest version is not a version like 1.2.3'),
  files: z
    .array(
      z.looseObject({
        url: z.string({ error: 'a file of the manifest has no url' }).min(1).max(500),
        sha512: z.string().regex(SHA512, 'a file of the manifest has no sha512 (base64)'),
        size: z.number().int().min(0).optional(),
      }),
      { error: 'the manifest lists no files' },
    )
    .min(1, 'the manifest lists no files'),
})

export interface UpdateManifest {
  version: string
  files: { url: string; sha512: string; size?: number | undefined }[]
}

/** The manifest in `text`, or why it is not one. */
export function parseUpdateManifest(
  text: string,
): { ok: true; manifest: UpdateManifest } | { ok: false; problem: string } {
  let data: unknown
  try {
    data = parse(text, { maxAliasCount: 0 })
  } catch (err) {
    return {
      ok: false,
      problem: `the manifest is not YAML (${err instanceof Error ? err.message : String(err)})`,
    }
  }
  const r = manifestSchema.safeParse(data)
  if (!r.success) return { ok: false, problem: r.error.issues[0]?.message ?? 'the manifest is not readable' }
  return {
    ok: true,
    manifest: {
      version: r.data.version,
      files: r.data.files.map((f) => ({ url: f.url, sha512: f.sha512, size: f.size })),
    },
  }
}

/** The manifest electron-updater's generic provider reads on this platform (its `getChannelFilename` rule). */
export function channelFileFor(platform: string, arch: string): string {
  if (platform === 'win32') return 'latest.yml'
  if (platform === 'darwin') return 'latest-mac.yml'
  return arch === 'x64' ? 'latest-linux.yml' : `latest-linux-${arch}.yml`
}

/**
 * Why the update electron-updater found (its parsed copy of the manifest) is not the one the ministry signed, or
 * null when it is: the same version, and every file it may download with the sha512 the signed copy gives it. The
 * two copies are fetched separately, so a server that changed latest.yml in between is caught here.
 */
export function foundUpdateProblem(
  signed: UpdateManifest,
  found: { version: string; files: readonly { url: string; sha512?: string | undefined }[] },
): string | null {
  if (found.version !== signed.version)
    return `the server offered version ${found.version}, the signed manifest is for ${signed.version}`
  for (const f of found.files) {
    const s = signed.files.find((x) => x.url === f.url)
    if (!s) return `the file ${f.url} is not in the signed manifest`
    if (f.sha512 !== s.sha512) return `the file ${f.url} has another sha512 than the signed manifest gives`
  }
  return null
}

/**
 * The build's update server: the `url` of app-update.yml, which electron-builder writes beside the app from its
 * `publish` setting, when that names the generic provider. Null when there is none or it is not generic.
 */
export function buildUpdateUrl(appUpdateYml: string | null): string | null {
  if (appUpdateYml === null) return null
  try {
    const data = parse(appUpdateYml, { maxAliasCount: 0 }) as unknown
    const r = z.looseObject({ provider: z.literal('generic'), url: z.string().min(1) }).safeParse(data)
    return r.success ? r.data.url : null
  } catch {
    return null
  }
}
