import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {expectGolden, fixtures, run, tempDir, write} from './cli.js'

function read(dir: string, name = 'SESSION_LOG.md'): string {
  return readFileSync(join(dir, name), 'utf8')
}

describe.concurrent('session-log init', () => {
  it('writes SESSION_LOG.md with the header and footer of the template', async () => {
    const cwd = tempDir()
    const result = await run(['init'], {cwd})
    expect(result).toEqual({
      code: 0,
      stdout:
        'SESSION_LOG.md: created from the session-log.v0.2 template; add the first entry with `session-log new --title "…"`\n',
      stderr: '',
    })
    expectGolden('init.md', read(cwd))
    // A new file gets the usual mode: what the umask leaves of rw-rw-rw-.
    expect(statSync(join(cwd, 'SESSION_LOG.md')).mode & 0o777).toBe(0o666 & ~process.umask())
    expect((await run(['check'], {cwd})).code).toBe(0)
  })

  it('gives the same log as new in an empty folder once an entry is added', async () => {
    const viaInit = tempDir()
    const viaNew = tempDir()
    const args = ['new', '--title', 'Rate limiter', '--date', '2026-01-02']
    await run(['init'], {cwd: viaInit})
    await run(args, {cwd: viaInit})
    await run(args, {cwd: viaNew})
    expect(read(viaInit)).toBe(read(viaNew))
  })

  it('refuses to overwrite a file', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': 'my notes\n'})
    const result = await run(['init'], {cwd})
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'session-log: SESSION_LOG.md: already exists, so nothing was written; add an entry to it with `session-log new`\n',
    })
    expect(read(cwd)).toBe('my notes\n')
  })

  it('writes the file named, from the template chosen', async () => {
    const cwd = tempDir()
    write(cwd, {'docs/.keep': ''})
    const template = join(fixtures, 'reviewer-template.md')
    const result = await run(['init', 'docs/LOG.md', '--template', template], {cwd})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('created from the reviewer-template.md template')
    expect(read(cwd, 'docs/LOG.md')).toMatch(
      /^# Team Session Log\n[^]*\n---\n\n\*\(Copy the section above/,
    )
  })

  it('exits 2 when the log cannot be created there', async () => {
    const result = await run(['init', 'no/such/folder/SESSION_LOG.md'], {cwd: tempDir()})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'session-log: no/such/folder/SESSION_LOG.md: cannot be written: its folder does not exist; create it first\n',
    )
  })
})
