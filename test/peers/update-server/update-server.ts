import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

/**
 * A generic update server on 127.0.0.1, as a ministry would host one: a plain folder served over HTTP (latest.yml,
 * latest-linux.yml, their .sig files, the installers). Files can be replaced while it runs (`put`) to play a
 * server that was tampered with. `requests` records every path asked for, in order.
 */
export interface UpdateServer {
  readonly url: string
  readonly requests: string[]
  put(name: string, content: string | Buffer): void
  remove(name: string): void
  close(): Promise<void>
}

export async function startUpdateServer(folder: string): Promise<UpdateServer> {
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/updates\//, ''))
    requests.push(name)
    const file = path.join(folder, path.basename(name))
    if (req.method !== 'GET' || name.includes('/') || !fs.existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    const body = fs.readFileSync(file)
    res
      .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
      .end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/updates/`,
    requests,
    put: (name, content) => fs.writeFileSync(path.join(folder, name), content),
    remove: (name) => fs.rmSync(path.join(folder, name), { force: true }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
