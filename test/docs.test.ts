import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

it('keeps the rule reference in the plugin README in step with the rules', () => {
  // Throws (and fails the test) when the script exits non-zero.
  const run = () =>
    execFileSync('node', ['scripts/docs.mjs', '--check'], {cwd: root, stdio: 'pipe'})
  expect(run).not.toThrow()
})

// remark prints the document it serialises again unless told not to, and `--output`
// writes it over the log; only fix mode writes the log's own bytes.
it('shows remark only in ways that never re-serialise a log', () => {
  const readmes = ['README.md', 'packages/remark-session-log/README.md'].map((path) =>
    readFileSync(join(root, path), 'utf8'),
  )
  const commands = readmes.flatMap((text) =>
    [...text.matchAll(/^(?:npx )?remark [^\n]*$/gm)].map((match) => match[0]),
  )
  expect(commands.length).toBeGreaterThanOrEqual(3)
  for (const command of commands) {
    if (command.includes('--output')) {
      expect(command, command).toMatch(/session-log=fix:true/)
      expect(command, command).toMatch(/--frail/)
    } else {
      expect(command, command).toMatch(/--no-stdout/)
    }
  }
})

it('shows the output of `session-log stats` as the command prints it', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const shown = /```sh\n(session-log stats [^\n]+)\n```\n\n```text\n([^]*?)```/.exec(readme)
  expect(shown, 'a stats command and its output in README.md').not.toBeNull()
  const args = shown![1]!.split(' ').slice(1)
  const printed = execFileSync(
    process.execPath,
    [join(root, 'packages/session-log/bin/session-log.js'), ...args],
    {cwd: root, encoding: 'utf8', env: {...process.env, COLUMNS: '100', NO_COLOR: '1'}},
  )
  expect(shown![2]).toBe(printed)
})
