import { manifestSignatureProblem, SIGNATURE_SUFFIX } from './verify-update'
import { parseUpdateManifest, type UpdateManifest } from './update-manifest'

/** An update the app will not take: its manifest is unsigned, signed by another key, altered, or unreadable. */
export class UpdateRefusedError extends Error {
  override name = 'UpdateRefusedError'
}

/** The update server could not be read (network, HTTP status, size): try again later. */
export class UpdateServerError extends Error {
  override name = 'UpdateServerError'
}

const MAX_MANIFEST_BYTES = 64 * 1024
const MAX_SIGNATURE_BYTES = 1024

/** The folder URL with a trailing slash, so `new URL(name, base)` puts the file inside it. */
export function folderUrl(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
}

async function fetchBytes(
  url: string,
  maxBytes: number,
  fetcher: typeof fetch,
  timeoutMs: number,
): Promise<Uint8Array> {
  let res: Response
  try {
    res = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error', cache: 'no-store' })
  } catch (err) {
    throw new UpdateServerError(
      `The update server did not answer (${url}: ${err instanceof Error ? err.message : String(err)})`,
    )
  }
  if (res.status === 404)
    throw new UpdateRefusedError(`The update server has no ${url.split('/').pop()} (404)`)
  if (!res.ok) throw new UpdateServerError(`The update server answered ${res.status} for ${url}`)
  const body = new Uint8Array(await res.arrayBuffer())
  if (body.byteLength > maxBytes)
    throw new UpdateRefusedError(
      `${url} is larger than a manifest or signature can be (${body.byteLength} bytes)`,
    )
  return body
}

/**
 * Reads `<folder>/<channelFile>` and its `.sig` from the update server and returns the manifest only when the
 * signature verifies over its exact bytes with `publicKeyPem`. A missing signature is a refusal, not a pass.
 */
export async function fetchSignedManifest(opts: {
  baseUrl: string
  channelFile: string
  publicKeyPem: string
  fetch?: typeof fetch
  timeoutMs?: number
}): Promise<UpdateManifest> {
  const fetcher = opts.fetch ?? fetch
  const timeout = opts.timeoutMs ?? 20_000
  const manifestUrl = new URL(opts.channelFile, folderUrl(opts.baseUrl)).toString()
  const manifest = await fetchBytes(manifestUrl, MAX_MANIFEST_BYTES, fetcher, timeout)
  const signature = await fetchBytes(manifestUrl + SIGNATURE_SUFFIX, MAX_SIGNATURE_BYTES, fetcher, timeout)
  const problem = manifestSignatureProblem(manifest, new TextDecoder().decode(signature), opts.publicKeyPem)
  if (problem) throw new UpdateRefusedError(`Update refused: ${problem}`)
  const parsed = parseUpdateManifest(new TextDecoder().decode(manifest))
  if (!parsed.ok) throw new UpdateRefusedError(`Update refused: ${parsed.problem}`)
  return parsed.manifest
}
