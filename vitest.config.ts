import {availableParallelism} from 'node:os'
import {defineConfig} from 'vitest/config'

const everyTest = ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts']
const notTests = ['**/node_modules/**', 'test/bench/**']
// The files that replace a module with vi.mock run in a fresh module graph of their own.
const mocking = ['**/test/fix-error.test.ts']

export default defineConfig({
  test: {
    testTimeout: 120_000,
    globalSetup: ['test/temp-root.ts'],
    // Vitest runs one file per core less one, a single file on a 2-core machine; most of
    // these files wait on processes they spawn (the CLI, the server, editors, git), so one
    // per core keeps both cores busy: 315 s instead of 518 s for the suite here.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {extends: true, test: {name: 'mocking', include: mocking, exclude: notTests}},
      // Every other file shares its worker's modules with the files run before it: not
      // importing the plugin, the server and their dependencies afresh for each file took
      // the suite from 324 s to 234 s here (imports 68 s → 21 s), and a fixture's lint,
      // memoised in its module, serves every file of the worker.
      {
        extends: true,
        test: {
          name: 'shared',
          include: everyTest,
          exclude: [...notTests, ...mocking],
          isolate: false,
        },
      },
    ],
  },
})
