/**
 * `npm run update:sign` (scripts/update-sign.ts through jiti, as npm runs it) on a release folder written here: a
 * key pair made by the command, the folder signed, the signature checked as the app checks it; then a folder whose
 * manifest does not fit its installer, refused with nothing written. The folder-signing rules themselves are also
 * called directly (main/services/update/sign-release.ts) for the key the apps carry.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { signReleaseFolder } from '../../main/services/update/sign-release'
import { generateUpdateKeyPair, manifestSignatureProblem } from '../../main/services/update/verify-update'
import { tempDir } from '../helpers/temp-dir'
import { writeRelease } from '../helpers/update-release'

const ROOT = path.resolve(__dirname, '../..')
const JITI = path.join(ROOT, 'node_modules/jiti/lib/jiti-cli.mjs')

function updateSign(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [JITI, path.join(ROOT, 'scripts/update-sign.ts'), ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
const folder = (): string => {
  const t = tempDir('tms-update-sign-')
  cleanups.push(t.cleanup)
  return t.dir
}

describe('npm run update:sign', () => {
  it('keygen makes an Ed25519 pair; sign writes a .sig per manifest that verifies with the public key', async () => {
    const keys = folder()
    const made = updateSign('keygen', keys)
    expect(made.code).toBe(0)
    const privateKey = path.join(keys, 'update-signing-key.pem')
    expect(fs.statSync(privateKey).mode & 0o777).toBe(0o600)
    expect(updateSign('keygen', keys)).toMatchObject({
      code: 1,
      out: expect.stringMatching(/already holds a key/),
    })

    const dir = folder()
    await writeRelease(dir, { version: '0.2.0' })
    await writeRelease(dir, {
      version: '0.2.0',
      fileName: 'Track-My-Service-0.2.0.AppImage',
      channelFile: 'latest-linux.yml',
    })
    const signed = updateSign('sign', '--key', privateKey, dir)
    expect(signed).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Signed latest-linux.yml, latest.yml/),
    })
    const publicKey = fs.readFileSync(path.join(keys, 'update-public-key.pem'), 'utf8')
    for (const m of ['latest.yml', 'latest-linux.yml'])
      expect(
        manifestSignatureProblem(
          fs.readFileSync(path.join(dir, m)),
          fs.readFileSync(path.join(dir, `${m}.sig`), 'utf8'),
          publicKey,
        ),
      ).toBeNull()
  })

  it('refuses a folder whose installer is not the one latest.yml lists, and writes no .sig', async () => {
    const keys = generateUpdateKeyPair()
    const dir = folder()
    const keyFile = path.join(dir, '..', `${path.basename(dir)}.pem`)
    fs.writeFileSync(keyFile, keys.privateKeyPem)
    cleanups.push(() => fs.rmSync(keyFile, { force: true }))
    const r = await writeRelease(dir, { version: '0.2.0' })
    fs.appendFileSync(r.installer, 'x')
    expect(updateSign('sign', '--key', keyFile, dir)).toMatchObject({
      code: 1,
      out: expect.stringMatching(/not the file the manifest lists \(sha512\)\. Nothing was signed/),
    })
    fs.rmSync(r.installer)
    await expect(signReleaseFolder(dir, keys.privateKeyPem, null)).rejects.toThrow(/which is not in/)
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.sig'))).toEqual([])
    expect(updateSign('sign', dir)).toMatchObject({ code: 2, out: expect.stringMatching(/Usage/) })
  })

  it('refuses to sign with a key other than the one the apps carry', async () => {
    const carried = generateUpdateKeyPair()
    const other = generateUpdateKeyPair()
    const dir = folder()
    await writeRelease(dir, { version: '0.2.0' })
    await expect(signReleaseFolder(dir, other.privateKeyPem, carried.publicKeyPem)).rejects.toThrow(
      /not the one whose public key the app carries/,
    )
    expect(await signReleaseFolder(dir, carried.privateKeyPem, carried.publicKeyPem)).toEqual({
      signed: ['latest.yml'],
    })
  })
})
