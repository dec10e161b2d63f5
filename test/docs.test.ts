import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

it('keeps the rule reference in the plugin README in step with the rules', () => {
  // Throws (and fails the test) when the script exits non-zero.
  const run = () =>
    execFileSync('node', ['scripts/docs.mjs', '--check'], {cwd: root, stdio: 'pipe'})
  expect(run).not.toThrow()
})
