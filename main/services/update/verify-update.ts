import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import fs from 'node:fs'

/**
 * Our own signature on updates, the same on every platform (electron-updater's checks are a sha512 taken from the
 * very server that serves the file, and Authenticode on Windows only). The ministry's release machine signs each
 * update manifest (latest.yml, latest-linux.yml) with an Ed25519 private key that never leaves it; the app carries
 * the public key. The manifest lists every installer's sha512, so a verified manifest vouches for the files, and a
 * downloaded file is accepted only when its own sha512 is one the signed manifest lists.
 *
 * The manifest is signed rather than each installer because Ed25519 signs a message whole (no streaming): an
 * installer of 150 MB would have to be read into memory on every counter PC to be checked.
 */

/** The signature of `latest.yml` is served beside it as `latest.yml.sig`: one line, base64 of 64 bytes. */
export const SIGNATURE_SUFFIX = '.sig'

const SIGNATURE_TEXT = /^([A-Za-z0-9+/]{86}==)\r?\n?$/

/** A fresh key pair for the release machine (`npm run update:sign -- keygen`), both as PEM. */
export function generateUpdateKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }
}

/** Why `pem` is not an Ed25519 public key we can check with, or null. */
export function publicKeyProblem(pem: string): string | null {
  try {
    const key = createPublicKey(pem)
    return key.asymmetricKeyType === 'ed25519'
      ? null
      : `the update signing key is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519`
  } catch {
    return 'the update signing key is not a public key in PEM form'
  }
}

/** The `.sig` text for `manifest`, signed with the release machine's private key (PEM, Ed25519). */
export function signManifest(manifest: Uint8Array, privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem)
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The private key is not an Ed25519 key')
  return `${sign(null, manifest, key).toString('base64')}\n`
}

/**
 * Why `signatureText` is not a valid signature of exactly these manifest bytes under `publicKeyPem`, or null when it
 * is. Any change to the manifest (a version, a hash, a byte of whitespace) or another key fails it.
 */
export function manifestSignatureProblem(
  manifest: Uint8Array,
  signatureText: string,
  publicKeyPem: string,
): string | null {
  const keyProblem = publicKeyProblem(publicKeyPem)
  if (keyProblem) return keyProblem
  const m = SIGNATURE_TEXT.exec(signatureText)
  if (!m?.[1]) return 'the signature file is not one line of base64 (an Ed25519 signature)'
  const ok = verify(null, manifest, createPublicKey(publicKeyPem), Buffer.from(m[1], 'base64'))
  return ok ? null : 'the signature does not match the update manifest and this app’s update key'
}

/** The sha512 of a file, base64 as latest.yml writes it, read as a stream (installers are large). */
export function sha512File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512')
    fs.createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('base64')))
  })
}

/**
 * Why the downloaded file may not be installed, or null when it may: its sha512 (and size, where listed) must be
 * those of a file the signed manifest lists.
 */
export async function downloadedFileProblem(
  file: string,
  signed: { files: readonly { url: string; sha512: string; size?: number | undefined }[] },
): Promise<string | null> {
  let digest: string
  let size: number
  try {
    digest = await sha512File(file)
    size = fs.statSync(file).size
  } catch (err) {
    return `the downloaded update could not be read (${err instanceof Error ? err.message : String(err)})`
  }
  const listed = signed.files.find((f) => f.sha512 === digest)
  if (!listed) return 'the downloaded file is not one the signed update manifest lists (its sha512 differs)'
  if (listed.size !== undefined && listed.size !== size)
    return `the downloaded file has ${size} bytes, the signed manifest says ${listed.size}`
  return null
}
