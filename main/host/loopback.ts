import net from 'node:net'

/** True for 127.0.0.0/8, ::1 and the name localhost: addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true
  const bare = host.replace(/^\[|\]$/g, '')
  if (net.isIPv4(bare)) return bare.startsWith('127.')
  if (net.isIPv6(bare)) return bare === '::1'
  return false
}
