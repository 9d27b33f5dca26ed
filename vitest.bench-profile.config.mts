import os from 'node:os'
import path from 'node:path'
import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.bench.config.mts'

/**
 * A benchmark with V8's CPU profiler on its test process (Node refuses --cpu-prof in NODE_OPTIONS):
 * `PROF_DIR=/tmp/prof npm exec -- vitest run --config vitest.bench-profile.config.mts bench/new-pc.bench.ts`
 * writes one .cpuprofile per thread there (by default in tms-cpu-profiles in the temp folder). Open one in Chrome's
 * DevTools, or sum the self times by function.
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      execArgv: [
        '--cpu-prof',
        `--cpu-prof-dir=${process.env.PROF_DIR ?? path.join(os.tmpdir(), 'tms-cpu-profiles')}`,
        '--cpu-prof-interval=500',
      ],
    },
  }),
)
