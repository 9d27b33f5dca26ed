import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { signReleaseFolder } from '../main/services/update/sign-release'
import { UPDATE_PUBLIC_KEY_PEM } from '../main/services/update/update-key'
import { generateUpdateKeyPair } from '../main/services/update/verify-update'

/**
 * On the release machine (docs/UPDATES.md):
 *   npm run update:sign -- keygen <folder>                 a new key pair (once; keep the private key offline)
 *   npm run update:sign -- sign --key <private.pem> <release folder>
 * `sign` writes latest.yml.sig beside each latest*.yml after checking the files they list; exit 0 signed, 1 refused
 * (nothing written), 2 wrong use.
 */
const USAGE =
  'Usage: npm run update:sign -- keygen <folder>\n       npm run update:sign -- sign --key <private key .pem> <release folder>'

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { key: { type: 'string' } },
  allowPositionals: true,
})
const [command, folder] = positionals
if (!folder || positionals.length !== 2 || (command !== 'keygen' && command !== 'sign')) {
  console.error(USAGE)
  process.exit(2)
}

try {
  if (command === 'keygen') {
    const dir = path.resolve(folder)
    const privateFile = path.join(dir, 'update-signing-key.pem')
    const publicFile = path.join(dir, 'update-public-key.pem')
    if (fs.existsSync(privateFile) || fs.existsSync(publicFile))
      throw new Error(`${dir} already holds a key: nothing was written (a new key locks out installed apps)`)
    fs.mkdirSync(dir, { recursive: true })
    const keys = generateUpdateKeyPair()
    fs.writeFileSync(privateFile, keys.privateKeyPem, { mode: 0o600 })
    fs.writeFileSync(publicFile, keys.publicKeyPem)
    console.log(`Private key: ${privateFile} (keep it on the release machine only, and a copy offline)`)
    console.log(
      `Public key:  ${publicFile}; put it in main/services/update/update-key.ts:\n${keys.publicKeyPem}`,
    )
  } else {
    if (!values.key) {
      console.error(USAGE)
      process.exit(2)
    }
    const { signed } = await signReleaseFolder(
      path.resolve(folder),
      fs.readFileSync(path.resolve(values.key), 'utf8'),
      UPDATE_PUBLIC_KEY_PEM,
    )
    console.log(`Signed ${signed.join(', ')}: upload the folder's files and the .sig files together.`)
    if (UPDATE_PUBLIC_KEY_PEM === null)
      console.log(
        'Warning: this build carries no update key (update-key.ts): the apps built from it refuse updates.',
      )
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err))
  process.exitCode = 1
}
