import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  fetchSignedManifest,
  UpdateRefusedError,
  UpdateServerError,
} from '../../main/services/update/fetch-signed-manifest'
import { foundUpdateProblem } from '../../main/services/update/update-manifest'
import {
  downloadedFileProblem,
  generateUpdateKeyPair,
  signManifest,
} from '../../main/services/update/verify-update'
import { startUpdateServer, type UpdateServer } from '../peers/update-server/update-server'
import { tempDir } from '../helpers/temp-dir'
import { writeRelease } from '../helpers/update-release'

/**
 * The parts of an update that run without Electron, against a real HTTP server on 127.0.0.1: our fetch of the
 * manifest and its signature, the comparison with what electron-updater found, and the check of the downloaded
 * file. The download itself is electron-updater's in the app; here the test fetches the file over the same server
 * so the check runs on bytes that crossed a socket. electron-updater's own install is not run (no Electron here).
 */

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function release(version = '0.2.0') {
  const serverDir = tempDir('tms-update-server-')
  const cacheDir = tempDir('tms-update-cache-')
  cleanups.push(serverDir.cleanup, cacheDir.cleanup)
  const keys = generateUpdateKeyPair()
  const r = await writeRelease(serverDir.dir, { version })
  fs.writeFileSync(r.manifest + '.sig', signManifest(fs.readFileSync(r.manifest), keys.privateKeyPem))
  const server = await startUpdateServer(serverDir.dir)
  cleanups.push(() => server.close())
  return { ...r, keys, server, cache: cacheDir.dir, fileName: path.basename(r.installer) }
}

/** What electron-updater does between finding and installing: fetch the file into its cache. */
async function download(server: UpdateServer, name: string, cache: string): Promise<string> {
  const res = await fetch(new URL(name, server.url))
  if (!res.ok) throw new Error(`download failed: ${res.status}`)
  const file = path.join(cache, name)
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return file
}

describe('update server on 127.0.0.1: signed manifest, download check, refusal on tampering', () => {
  it('fetches latest.yml and latest.yml.sig, verifies them, and accepts the installer downloaded over HTTP', async () => {
    const r = await release()
    const signed = await fetchSignedManifest({
      baseUrl: r.server.url,
      channelFile: 'latest.yml',
      publicKeyPem: r.keys.publicKeyPem,
    })
    expect(signed.version).toBe('0.2.0')
    expect(r.server.requests).toEqual(['latest.yml', 'latest.yml.sig'])
    const file = await download(r.server, r.fileName, r.cache)
    expect(await downloadedFileProblem(file, signed)).toBeNull()
    // What electron-updater parsed from its own fetch of latest.yml, the same server and bytes.
    expect(foundUpdateProblem(signed, { version: '0.2.0', files: signed.files })).toBeNull()
  })

  it('refuses a manifest changed on the server after signing (an installer swapped for another one)', async () => {
    const r = await release()
    const evil = await writeRelease(tempDirFor(), { version: '0.2.0', bytes: 4096, fileName: r.fileName })
    r.server.put('latest.yml', evil.manifestText)
    const refusal = fetchSignedManifest({
      baseUrl: r.server.url,
      channelFile: 'latest.yml',
      publicKeyPem: r.keys.publicKeyPem,
    })
    await expect(refusal).rejects.toBeInstanceOf(UpdateRefusedError)
    await expect(refusal).rejects.toThrow(/signature does not match/)
  })

  it('refuses a manifest signed with another key, and one with no .sig at all', async () => {
    const r = await release()
    const other = generateUpdateKeyPair()
    await expect(
      fetchSignedManifest({
        baseUrl: r.server.url,
        channelFile: 'latest.yml',
        publicKeyPem: other.publicKeyPem,
      }),
    ).rejects.toThrow(/signature does not match/)
    r.server.remove('latest.yml.sig')
    await expect(
      fetchSignedManifest({
        baseUrl: r.server.url,
        channelFile: 'latest.yml',
        publicKeyPem: r.keys.publicKeyPem,
      }),
    ).rejects.toThrow(/has no latest\.yml\.sig \(404\)/)
  })

  it('refuses an installer swapped on the server after the manifest was signed', async () => {
    const r = await release()
    const signed = await fetchSignedManifest({
      baseUrl: r.server.url,
      channelFile: 'latest.yml',
      publicKeyPem: r.keys.publicKeyPem,
    })
    const bytes = fs.readFileSync(r.installer)
    bytes[12_345] = (bytes[12_345] ?? 0) ^ 0x01
    r.server.put(r.fileName, bytes)
    const file = await download(r.server, r.fileName, r.cache)
    expect(await downloadedFileProblem(file, signed)).toMatch(/not one the signed update manifest lists/)
  })

  it('refuses what electron-updater found when its copy of latest.yml differs from the signed one', async () => {
    const r = await release()
    const signed = await fetchSignedManifest({
      baseUrl: r.server.url,
      channelFile: 'latest.yml',
      publicKeyPem: r.keys.publicKeyPem,
    })
    const first = signed.files[0]
    if (!first) throw new Error('no file')
    expect(foundUpdateProblem(signed, { version: '0.3.0', files: signed.files })).toMatch(
      /offered version 0.3.0/,
    )
    expect(
      foundUpdateProblem(signed, { version: '0.2.0', files: [{ url: 'other.exe', sha512: first.sha512 }] }),
    ).toMatch(/not in the signed manifest/)
    expect(
      foundUpdateProblem(signed, {
        version: '0.2.0',
        files: [{ url: first.url, sha512: 'C'.repeat(86) + '==' }],
      }),
    ).toMatch(/another sha512/)
  })

  it('a server that does not answer is a failure to retry, not a refusal', async () => {
    const r = await release()
    await r.server.close()
    await expect(
      fetchSignedManifest({
        baseUrl: r.server.url,
        channelFile: 'latest.yml',
        publicKeyPem: r.keys.publicKeyPem,
      }),
    ).rejects.toBeInstanceOf(UpdateServerError)
  })
})

function tempDirFor(): string {
  const t = tempDir('tms-update-evil-')
  cleanups.push(t.cleanup)
  return t.dir
}
