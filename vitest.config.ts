import {availableParallelism} from 'node:os'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/bench/**'],
    testTimeout: 120_000,
    // Vitest runs one file per core less one, a single file on a 2-core machine; most of
    // these files wait on processes they spawn (the CLI, the server, editors, git), so one
    // per core keeps both cores busy: 315 s instead of 518 s for the suite here.
    maxWorkers: Math.max(2, availableParallelism()),
  },
})
