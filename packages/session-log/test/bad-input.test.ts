import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixture, isRoot, nobody, run, tempDir, write} from './cli.js'

const team = fixture('team.md')

/** A folder holding `SESSION_LOG.md` with the given content. */
function withLog(content: string | Buffer): string {
  const cwd = tempDir()
  write(cwd, {'SESSION_LOG.md': content})
  return cwd
}

function expectOneLine(stderr: string, line: string): void {
  expect(stderr).toBe(`session-log: ${line}\n`)
}

describe.concurrent('bad input gets one clear line and exit 2', () => {
  it('a folder', async () => {
    const cwd = tempDir()
    mkdirSync(join(cwd, 'logs'))
    const result = await run(['check', 'logs'], {cwd})
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      'logs: is a folder, not a file; name the log inside it, such as logs/SESSION_LOG.md, or pass a glob',
    )
  })

  it('a missing file', async () => {
    const result = await run(['check', 'nope.md'], {cwd: tempDir()})
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      'nope.md: does not exist; check the path, or start a log with `session-log init`',
    )
  })

  it('a file that cannot be read', async () => {
    const cwd = withLog(team)
    const path = join(cwd, 'SESSION_LOG.md')
    chmodSync(path, 0o000)
    // Root reads any file, so the test runs the command as another user then.
    if (isRoot()) chmodSync(cwd, 0o755)
    const result = await run(['check'], {cwd, uid: isRoot() ? nobody : undefined})
    chmodSync(path, 0o644)
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      'SESSION_LOG.md: cannot be read: permission denied; make it and its folder readable, or run as their owner',
    )
  })

  it('a binary file', async () => {
    const result = await run(['check'], {
      cwd: withLog(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    })
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      'SESSION_LOG.md: is a binary file, not Markdown; pass the Markdown file of the log',
    )
  })

  it('invalid UTF-8, with the place of the first bad byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('# Session Log\n\nsäge\n'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\n'),
    ])
    const result = await run(['check'], {cwd: withLog(bytes)})
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      'SESSION_LOG.md: is not valid UTF-8 (line 4, byte 21); save it as UTF-8 and run again',
    )
  })

  it('UTF-16', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('# Session Log\n', 'utf16le'),
    ])
    const result = await run(['check'], {cwd: withLog(bytes)})
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      'SESSION_LOG.md: is UTF-16, not UTF-8; save it as UTF-8 and run again',
    )
  })

  it.each([
    ['some other Markdown', '# Release notes\n\n## 1.0\n\nFirst release.\n'],
    ['an empty file', ''],
  ])('%s', async (_, content) => {
    const result = await run(['check'], {cwd: withLog(content)})
    expect(result.code).toBe(2)
    expectOneLine(
      result.stderr,
      'SESSION_LOG.md: is not a session log: it has no "# Session Log" title and no "## Session:" entry; check the path, or start a log with `session-log init`',
    )
  })

  it('fix and new refuse the same files and leave them alone', async () => {
    const bytes = Buffer.from([0x23, 0x20, 0xff, 0x0a])
    const cwd = withLog(bytes)
    for (const args of [['fix'], ['new', '--title', 'x']]) {
      const result = await run(args, {cwd})
      expect(result.code).toBe(2)
      expectOneLine(
        result.stderr,
        'SESSION_LOG.md: is not valid UTF-8 (line 1, byte 2); save it as UTF-8 and run again',
      )
    }
  })

  it('shows no stack trace unless --debug is given', async () => {
    const cwd = tempDir()
    const plain = await run(['check', 'nope.md'], {cwd})
    expect(plain.stderr).not.toMatch(/^\s+at /m)
    const debug = await run(['check', 'nope.md', '--debug'], {cwd})
    expect(debug.code).toBe(2)
    expect(debug.stderr.startsWith(plain.stderr)).toBe(true)
    expect(debug.stderr).toMatch(/^\s+at /m)
  })

  it.skipIf(spawnSync('mkfifo', ['--version']).status !== 0)(
    'a named pipe, refused rather than read forever',
    async () => {
      const cwd = tempDir()
      spawnSync('mkfifo', [join(cwd, 'SESSION_LOG.md')])
      for (const args of [['check'], ['check', 'SESSION_LOG.md'], ['new', '--title', 'x']]) {
        const result = await run(args, {cwd})
        expect(result.code).toBe(2)
        expectOneLine(
          result.stderr,
          'SESSION_LOG.md: is not a regular file; pass the Markdown file of the log',
        )
      }
    },
  )
})
