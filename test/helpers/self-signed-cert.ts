import { generateKeyPairSync, randomBytes, sign } from 'node:crypto'

/**
 * A self-signed X.509 certificate for a local TLS server, made with node:crypto alone (no openssl on the machine,
 * no package): a P-256 key, the DER written by hand below, signed with ECDSA-SHA256.
 */
export interface TestCertificate {
  /** PEM, for `https.createServer({ cert, key })` and, to trust it, `ca`. */
  cert: string
  key: string
}

export function selfSignedCertificate(opts: {
  commonName: string
  /** Subject alternative names: IPv4 addresses and DNS names. */
  ips?: string[]
  dns?: string[]
  notBefore: Date
  notAfter: Date
}): TestCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'))
  const name = (cn: string) => seq(set(seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))))
  const altNames = [
    ...(opts.dns ?? []).map((d) => tlv(0x82, Buffer.from(d, 'ascii'))),
    ...(opts.ips ?? []).map((ip) => tlv(0x87, Buffer.from(ip.split('.').map(Number)))),
  ]
  const extensions = tlv(0xa3, seq(seq(oid('2.5.29.17'), tlv(0x04, seq(...altNames)))))
  const tbs = seq(
    tlv(0xa0, int(Buffer.from([2]))), // v3
    int(randomBytes(8)),
    ecdsaWithSha256,
    name(opts.commonName),
    seq(time(opts.notBefore), time(opts.notAfter)),
    name(opts.commonName),
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  )
  const signature = sign('sha256', tbs, privateKey)
  const der = seq(tbs, ecdsaWithSha256, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])))
  return {
    cert: pem('CERTIFICATE', der),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }
}

function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length
  const len =
    n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff])
  return Buffer.concat([Buffer.from([tag]), len, body])
}
const seq = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts))
const set = (...parts: Buffer[]) => tlv(0x31, Buffer.concat(parts))
/** A positive INTEGER: a leading 0 keeps a high first bit from reading as negative. */
const int = (b: Buffer) => tlv(0x02, (b[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b)

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number)
  const bytes = [a * 40 + b]
  for (const v of rest) {
    const chunk = [v & 0x7f]
    for (let x = v >> 7; x > 0; x >>= 7) chunk.unshift((x & 0x7f) | 0x80)
    bytes.push(...chunk)
  }
  return tlv(0x06, Buffer.from(bytes))
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 §4.1.2.5). */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso))
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}
