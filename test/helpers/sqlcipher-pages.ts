import { createDecipheriv } from 'node:crypto'
import fs from 'node:fs'

const PAGE = 4096
/** SQLCipher 4's reserve at the end of each page: a 16-byte IV and a 64-byte HMAC-SHA512. */
const RESERVE = 80

/**
 * Every page of a database file in the SQLCipher 4 scheme, decrypted here with its raw key (AES-256-CBC, the IV at
 * the start of each page's reserve; page 1's first 16 bytes are the KDF salt, not encrypted). Unlike a decrypting
 * copy made by SQLite (`rekey`, `VACUUM`), which rewrites pages, this shows free space and free pages exactly as they
 * lie in the file: what secure_delete zeroed, or did not. HMACs are not checked: nothing here trusts the content.
 */
export function decryptedPages(file: string, key: Buffer): Buffer {
  const bytes = fs.readFileSync(file)
  const pages: Buffer[] = []
  for (let at = 0; at + PAGE <= bytes.length; at += PAGE) {
    const page = bytes.subarray(at, at + PAGE)
    const start = at === 0 ? 16 : 0
    const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16)
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false)
    pages.push(Buffer.concat([decipher.update(page.subarray(start, PAGE - RESERVE)), decipher.final()]))
  }
  return Buffer.concat(pages)
}
