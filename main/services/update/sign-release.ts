import { createPrivateKey, createPublicKey } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseUpdateManifest } from './update-manifest'
import { manifestSignatureProblem, sha512File, signManifest, SIGNATURE_SUFFIX } from './verify-update'

/** The manifests electron-builder writes for the generic provider, one per platform (and Linux architecture). */
export const MANIFEST_FILE = /^latest(-[a-z0-9-]+)?\.yml$/

/** The public key (SPKI PEM) of an Ed25519 private key (PKCS#8 PEM). */
export function publicKeyOf(privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem)
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The private key is not an Ed25519 key')
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString()
}

/**
 * Signs every manifest in a release folder, as it will be put on the update server. Checks everything first and
 * writes nothing when any of it is wrong: each manifest must parse, and every file it lists must be in the folder
 * with that sha512 and size (a manifest left from another build would otherwise be signed and vouch for nothing
 * the server has). `expectedPublicKeyPem` is the key the apps carry: signing with another is refused, since every
 * installed app would refuse the update.
 */
export async function signReleaseFolder(
  dir: string,
  privateKeyPem: string,
  expectedPublicKeyPem: string | null,
): Promise<{ signed: string[] }> {
  const publicKeyPem = publicKeyOf(privateKeyPem)
  if (expectedPublicKeyPem !== null && expectedPublicKeyPem.trim() !== publicKeyPem.trim())
    throw new Error(
      'This private key is not the one whose public key the app carries (main/services/update/update-key.ts): ' +
        'installed apps would refuse the update. Nothing was signed.',
    )
  const manifests = fs
    .readdirSync(dir)
    .filter((f) => MANIFEST_FILE.test(f))
    .sort()
  if (manifests.length === 0)
    throw new Error(`No latest*.yml in ${dir}: run electron-builder first. Nothing was signed.`)
  const plan: { file: string; bytes: Buffer }[] = []
  for (const name of manifests) {
    const file = path.join(dir, name)
    const bytes = fs.readFileSync(file)
    const parsed = parseUpdateManifest(bytes.toString('utf8'))
    if (!parsed.ok) throw new Error(`${name}: ${parsed.problem}. Nothing was signed.`)
    for (const f of parsed.manifest.files) {
      const listed = path.join(dir, path.basename(f.url))
      if (!fs.existsSync(listed))
        throw new Error(`${name} lists ${f.url}, which is not in ${dir}. Nothing was signed.`)
      if ((await sha512File(listed)) !== f.sha512)
        throw new Error(
          `${name}: ${f.url} in the folder is not the file the manifest lists (sha512). Nothing was signed.`,
        )
      if (f.size !== undefined && fs.statSync(listed).size !== f.size)
        throw new Error(`${name}: ${f.url} has another size than the manifest lists. Nothing was signed.`)
    }
    plan.push({ file, bytes })
  }
  for (const { file, bytes } of plan) {
    const sig = signManifest(bytes, privateKeyPem)
    // Checked as the app will check it before it is written.
    const problem = manifestSignatureProblem(bytes, sig, publicKeyPem)
    if (problem) throw new Error(`${path.basename(file)}: ${problem}`)
    fs.writeFileSync(file + SIGNATURE_SUFFIX, sig)
  }
  return { signed: plan.map((p) => path.basename(p.file)) }
}
