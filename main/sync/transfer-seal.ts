import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { z } from 'zod'
import { MIN_TRANSFER_PASSPHRASE } from '../../common/contract/sync-methods'

/**
 * A transfer file crosses the centre on a USB stick, and sticks get lost: its events hold customers' names, phones
 * and ID numbers, so it is sealed with a passphrase the manager chooses at export and types again on the PC that
 * sends it (AES-256-GCM, the key from scrypt at N = 2^17, r = 8, p = 1). GCM's tag makes a wrong passphrase, a
 * changed byte or a cut-short file fail as one: nothing is sent from a file that does not open whole.
 */
export const TRANSFER_FORMAT = 'tms-transfer/2'

const N = 2 ** 17
const R = 8
const P = 1

const envelope = z.strictObject({
  format: z.literal(TRANSFER_FORMAT),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.literal(N),
    r: z.literal(R),
    p: z.literal(P),
    salt: z.base64(),
  }),
  iv: z.base64(),
  tag: z.base64(),
  data: z.base64(),
})

/** The file cannot be opened: not sealed by this app, or the passphrase or the content is wrong. */
export class TransferSealError extends Error {
  constructor(
    message: string,
    readonly field: 'content' | 'passphrase',
  ) {
    super(message)
    this.name = 'TransferSealError'
  }
}

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // Asynchronous: scrypt runs on libuv's thread pool, and the core goes on answering meanwhile.
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r: R, p: P, maxmem: 256 * N * R }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

export async function sealTransfer(plain: string, passphrase: string): Promise<string> {
  if (passphrase.length < MIN_TRANSFER_PASSPHRASE)
    throw new TransferSealError(
      `The passphrase has at least ${MIN_TRANSFER_PASSPHRASE} characters.`,
      'passphrase',
    )
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv, { authTagLength: 16 })
  cipher.setAAD(Buffer.from(TRANSFER_FORMAT))
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `${JSON.stringify({
    format: TRANSFER_FORMAT,
    kdf: { name: 'scrypt', N, r: R, p: P, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  })}\n`
}

/** True for a file sealTransfer made (whether or not it opens); false for an older, unsealed one. */
export function isSealedTransfer(text: string): boolean {
  return text.trimStart().startsWith(`{"format":"${TRANSFER_FORMAT}"`)
}

export async function openTransfer(text: string, passphrase: string | undefined): Promise<string> {
  let parsed: z.infer<typeof envelope>
  try {
    parsed = envelope.parse(JSON.parse(text))
  } catch {
    throw new TransferSealError(
      'This is not a transfer file this app can open (it is damaged or cut short).',
      'content',
    )
  }
  if (!passphrase)
    throw new TransferSealError(
      'This transfer file is locked: type the passphrase it was saved with.',
      'passphrase',
    )
  const key = await deriveKey(passphrase, Buffer.from(parsed.kdf.salt, 'base64'))
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parsed.iv, 'base64'), {
    authTagLength: 16,
  })
  decipher.setAAD(Buffer.from(TRANSFER_FORMAT))
  try {
    decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(parsed.data, 'base64')), decipher.final()]).toString(
      'utf8',
    )
  } catch {
    throw new TransferSealError(
      'The passphrase does not open this transfer file, or the file was changed. Nothing was sent.',
      'passphrase',
    )
  }
}
