import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateKeyPairSync } from 'node:crypto'
import {
  downloadedFileProblem,
  generateUpdateKeyPair,
  manifestSignatureProblem,
  publicKeyProblem,
  signManifest,
} from '../../../main/services/update/verify-update'
import {
  buildUpdateUrl,
  channelFileFor,
  parseUpdateManifest,
} from '../../../main/services/update/update-manifest'
import { tempDir } from '../../helpers/temp-dir'
import { writeRelease } from '../../helpers/update-release'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
const folder = (): string => {
  const t = tempDir('tms-update-')
  cleanups.push(t.cleanup)
  return t.dir
}

describe('the Ed25519 signature on an update manifest (real key pairs, real files)', () => {
  it('verifies a manifest signed with the matching private key', async () => {
    const keys = generateUpdateKeyPair()
    const { manifest } = await writeRelease(folder(), { version: '0.2.0' })
    const bytes = fs.readFileSync(manifest)
    expect(
      manifestSignatureProblem(bytes, signManifest(bytes, keys.privateKeyPem), keys.publicKeyPem),
    ).toBeNull()
  })

  it('refuses the signature once one byte of the manifest changed (a version, a hash)', async () => {
    const keys = generateUpdateKeyPair()
    const { manifest } = await writeRelease(folder(), { version: '0.2.0' })
    const bytes = fs.readFileSync(manifest)
    const sig = signManifest(bytes, keys.privateKeyPem)
    const tampered = Buffer.from(bytes.toString('utf8').replace('version: 0.2.0', 'version: 0.2.1'))
    expect(manifestSignatureProblem(tampered, sig, keys.publicKeyPem)).toMatch(/does not match/)
    const flipped = Buffer.from(bytes)
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] ?? 0) ^ 1
    expect(manifestSignatureProblem(flipped, sig, keys.publicKeyPem)).toMatch(/does not match/)
  })

  it('refuses a manifest signed with another key than the one the app carries', async () => {
    const ours = generateUpdateKeyPair()
    const theirs = generateUpdateKeyPair()
    const bytes = fs.readFileSync((await writeRelease(folder(), { version: '0.2.0' })).manifest)
    expect(
      manifestSignatureProblem(bytes, signManifest(bytes, theirs.privateKeyPem), ours.publicKeyPem),
    ).toMatch(/does not match/)
  })

  it('refuses a signature file that is not one line of base64, and a key that is not Ed25519', () => {
    const keys = generateUpdateKeyPair()
    const bytes = Buffer.from('version: 0.2.0\n')
    expect(manifestSignatureProblem(bytes, '', keys.publicKeyPem)).toMatch(/not one line of base64/)
    expect(manifestSignatureProblem(bytes, 'not a signature\n', keys.publicKeyPem)).toMatch(/base64/)
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    })
    expect(publicKeyProblem(rsa.toString())).toMatch(/rsa, not Ed25519/)
    expect(publicKeyProblem('hello')).toMatch(/not a public key/)
    expect(() =>
      signManifest(
        bytes,
        generateKeyPairSync('rsa', { modulusLength: 2048 })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      ),
    ).toThrow(/not an Ed25519/)
  })
})

describe('a downloaded installer against the signed manifest', () => {
  it('accepts the file the manifest lists, by its sha512 and size', async () => {
    const { installer, manifestText } = await writeRelease(folder(), { version: '0.2.0' })
    const parsed = parseUpdateManifest(manifestText)
    if (!parsed.ok) throw new Error(parsed.problem)
    expect(await downloadedFileProblem(installer, parsed.manifest)).toBeNull()
  })

  it('refuses a file with one byte changed, and one cut short', async () => {
    const dir = folder()
    const { installer, manifestText } = await writeRelease(dir, { version: '0.2.0' })
    const parsed = parseUpdateManifest(manifestText)
    if (!parsed.ok) throw new Error(parsed.problem)
    const bytes = fs.readFileSync(installer)
    bytes[1000] = (bytes[1000] ?? 0) ^ 0xff
    const tampered = path.join(dir, 'tampered.exe')
    fs.writeFileSync(tampered, bytes)
    expect(await downloadedFileProblem(tampered, parsed.manifest)).toMatch(
      /not one the signed update manifest lists/,
    )
    const short = path.join(dir, 'short.exe')
    fs.writeFileSync(short, bytes.subarray(0, 1000))
    expect(await downloadedFileProblem(short, parsed.manifest)).toMatch(/sha512 differs/)
    expect(await downloadedFileProblem(path.join(dir, 'gone.exe'), parsed.manifest)).toMatch(
      /could not be read/,
    )
  })
})

describe('reading latest.yml', () => {
  it('reads the version and each file, and says what is wrong with one that is not a manifest', () => {
    const sha = 'A'.repeat(86) + '=='
    const good = parseUpdateManifest(
      `version: 1.2.3\nfiles:\n  - url: a.exe\n    sha512: ${sha}\n    size: 5\n`,
    )
    expect(good).toEqual({
      ok: true,
      manifest: { version: '1.2.3', files: [{ url: 'a.exe', sha512: sha, size: 5 }] },
    })
    expect(parseUpdateManifest('version: 1.2.3\nfiles: []\n')).toEqual({
      ok: false,
      problem: 'the manifest lists no files',
    })
    expect(
      parseUpdateManifest(`version: latest\nfiles:\n  - url: a.exe\n    sha512: ${sha}\n`),
    ).toMatchObject({ ok: false, problem: expect.stringMatching(/not a version/) })
    expect(parseUpdateManifest(`version: 1.2.3\nfiles:\n  - url: a.exe\n    sha512: abc\n`)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/sha512/),
    })
    expect(parseUpdateManifest('{ not: [yaml')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not YAML/),
    })
  })
})

describe('where the manifests and the build’s address come from', () => {
  it('names the manifest per platform as electron-updater’s generic provider does', () => {
    expect(channelFileFor('win32', 'x64')).toBe('latest.yml')
    expect(channelFileFor('linux', 'x64')).toBe('latest-linux.yml')
    expect(channelFileFor('linux', 'arm64')).toBe('latest-linux-arm64.yml')
  })

  it('reads the build’s update address from app-update.yml only for the generic provider', () => {
    expect(buildUpdateUrl('provider: generic\nurl: https://u.example/tms/\n')).toBe('https://u.example/tms/')
    expect(buildUpdateUrl('provider: github\nowner: x\nrepo: y\n')).toBeNull()
    expect(buildUpdateUrl(null)).toBeNull()
    expect(buildUpdateUrl('{ not yaml')).toBeNull()
  })
})
