import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import type { CentralSimOptions } from '../test/peers/central-sim'

/** The simulator of central-sim-process.ts, running in a child process (TypeScript through jiti). */
export interface SimProcess {
  url: string
  close(): Promise<void>
}

export async function startSimProcess(options: CentralSimOptions): Promise<SimProcess> {
  const root = path.resolve(__dirname, '..')
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/jiti/lib/jiti-cli.mjs'), path.join(root, 'bench/central-sim-process.ts')],
    {
      cwd: root,
      env: { ...process.env, TMS_SIM_OPTIONS: JSON.stringify(options) },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const lines = createInterface({ input: child.stdout })
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the simulator process stopped (exit ${code}) before listening`)),
    )
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url))
  })
  return {
    url,
    async close() {
      child.stdin.end()
      await exited
    },
  }
}
