import { z } from 'zod'
import { LOOPBACK_HOST } from './central-url'

const httpsUrl = z.url({ protocol: /^https$/ })
const loopbackHttpUrl = z.url({ protocol: /^http$/, hostname: LOOPBACK_HOST })

/**
 * Why `url` may not be the update server's address, or null when it may. Empty means "the address this build was
 * made with" (electron-builder's `publish` setting). Plain http is refused beyond this PC: the signature check would
 * still refuse a forged update, but anyone on the way could see which version every PC runs and hold updates back.
 */
export function updateUrlProblem(url: string): string | null {
  if (url === '') return null
  if (httpsUrl.safeParse(url).success || loopbackHttpUrl.safeParse(url).success) return null
  if (/^http:\/\//i.test(url))
    return 'The update server address starts with https:// (http:// is only for a test server on this PC: 127.0.0.1 or localhost)'
  return 'The update server address is a web address starting with https://, or empty for the address this build came with'
}

/** The centre's update server (a folder holding latest.yml and the installers), or '' for the build's default. */
export const updateServerUrl = z
  .string({ error: 'The update server address is text' })
  .trim()
  .max(300, 'The update server address has at most 300 characters')
  .superRefine((url, ctx) => {
    const problem = updateUrlProblem(url)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
