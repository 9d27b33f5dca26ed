import path from 'node:path'

/**
 * Maps an `app://tms/...` path to a file of the built renderer. Anything outside the renderer folder, and any path
 * without a file extension (an in-app route), gets index.html.
 */
export function resolveAppFile(rendererDir: string, pathname: string): string {
  const root = path.resolve(rendererDir)
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return path.join(root, 'index.html')
  }
  const wanted = path.resolve(root, '.' + decoded)
  return wanted.startsWith(root + path.sep) && path.extname(wanted) !== ''
    ? wanted
    : path.join(root, 'index.html')
}
