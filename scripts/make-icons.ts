import fs from 'node:fs'
import path from 'node:path'
import { encodeBmp24, encodeIco, encodePng } from './icons/encode'
import { appIcon, blank, drawMark, HUDUMA_GREEN } from './icons/logo'

/**
 * `npm run icons`: writes the packaging images from scripts/icons/logo.ts, with Node's zlib only. The outputs are
 * committed (electron-builder reads them from build/ and resources/); run this again after changing the mark.
 *   build/icon.ico              Windows exe, installer and uninstaller: 16, 24, 32, 48, 64, 128 and 256 px
 *   build/icon.png              512 px, electron-builder's fallback for any target
 *   build/icons/NxN.png         Linux (AppImage and deb hicolor theme): 16 to 512 px
 *   build/installer-sidebar.bmp NSIS welcome and finish pages, 164 × 314, 24-bit
 *   resources/icon.png          the window's icon on Linux (main/electron/packaged-options.ts), 256 px
 */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]

export function iconFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  files.set('build/icon.ico', encodeIco(ICO_SIZES.map(appIcon)))
  files.set('build/icon.png', encodePng(appIcon(512)))
  for (const size of LINUX_SIZES) files.set(`build/icons/${size}x${size}.png`, encodePng(appIcon(size)))
  const sidebar = blank(164, 314, HUDUMA_GREEN)
  drawMark(sidebar, 2, 24, 160, false)
  files.set('build/installer-sidebar.bmp', encodeBmp24(sidebar, HUDUMA_GREEN))
  files.set('resources/icon.png', encodePng(appIcon(256)))
  return files
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = path.resolve(import.meta.dirname, '..')
  for (const [rel, bytes] of iconFiles()) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), bytes)
    console.log(`${rel}  ${bytes.length} B`)
  }
}
