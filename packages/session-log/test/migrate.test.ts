import {spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {expectGolden, fixture, logDir, run, write} from './cli.js'

function read(dir: string, name = 'SESSION_LOG.md'): string {
  return readFileSync(join(dir, name), 'utf8')
}

describe.concurrent('session-log migrate', () => {
  it('rewrites a 0.2 log as 0.3 that then checks clean', async () => {
    const cwd = logDir('clean.md')
    const result = await run(['migrate', '--to', '0.3'], {cwd})
    expect(result).toMatchObject({code: 0, stdout: ''})
    expect(result.stderr).toBe('SESSION_LOG.md: migrated to 0.3; it checks clean\n')
    expect(read(cwd)).toMatch(/^# Heartbeat Log\n\n\*\*Stage:\*\* .* \*\*Version:\*\* 0\.3\n/)
    const check = await run(['check'], {cwd})
    expect(check).toMatchObject({code: 0, stdout: 'SESSION_LOG.md: no issues found\n'})
  })

  it('prints a unified diff with --dry-run and writes nothing', async () => {
    const cwd = logDir('clean.md')
    const result = await run(['migrate', '--to', '0.3', '--dry-run'], {cwd})
    expect(result.code).toBe(0)
    expectGolden('migrate-dry-run.diff', result.stdout)
    expect(result.stderr).toBe('SESSION_LOG.md: would be migrated to 0.3; it checks clean\n')
    expect(read(cwd)).toBe(fixture('clean.md'))
    // git applies it to exactly the bytes migrate writes.
    const migrated = logDir('clean.md')
    await run(['migrate', '--to', '0.3'], {cwd: migrated})
    writeFileSync(join(cwd, 'migrate.diff'), result.stdout)
    const applied = spawnSync('git', ['apply', 'migrate.diff'], {cwd, encoding: 'utf8'})
    expect(applied.stderr).toBe('')
    expect(read(cwd)).toBe(read(migrated))
  })

  it('leaves a 0.3 log alone, and a migrated one on a second run', async () => {
    const cwd = logDir('heartbeat-v0.3.md')
    const result = await run(['migrate', '--to', '0.3'], {cwd})
    expect(result).toMatchObject({code: 0, stdout: ''})
    expect(result.stderr).toBe('SESSION_LOG.md: already a 0.3 log; nothing to do\n')
    expect(read(cwd)).toBe(fixture('heartbeat-v0.3.md'))
    const twice = logDir('clean.md')
    await run(['migrate', '--to', '0.3'], {cwd: twice})
    const once = read(twice)
    expect((await run(['migrate', '--to', '0.3'], {cwd: twice})).code).toBe(0)
    expect(read(twice)).toBe(once)
  })

  it('exits 1 when a migrated log still has errors, and names the settings that pin 0.2', async () => {
    const cwd = logDir('team.md')
    write(cwd, {'.session-logrc.json': '{"template": "session-log.v0.2"}'})
    const result = await run(['migrate', '--to', '0.3', 'SESSION_LOG.md'], {cwd})
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(
      'SESSION_LOG.md: migrated to 0.3; 2 errors remain; `session-log check` lists them\n' +
        'SESSION_LOG.md: your settings check it against session-log.v0.2; set "template" to heartbeat-log.v0.3 or remove it\n',
    )
  })

  it('refuses what it cannot migrate, writing nothing', async () => {
    const cwd = logDir('clean.md')
    writeFileSync(join(cwd, 'README.md'), '# Tool\n\n## Install\n\nnpm i\n\n## Use\n\nRun it.\n')
    const refused = await run(['migrate', '--to', '0.3', 'README.md'], {cwd})
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(
      /^session-log: README\.md: does not read as a Session Log 0\.2: /,
    )
    expect(read(cwd, 'README.md')).toMatch(/^# Tool/)
    expect((await run(['migrate'], {cwd})).stderr).toBe(
      'session-log: say which version to migrate to: --to 0.3\n',
    )
    expect((await run(['migrate', '--to', '0.4'], {cwd})).stderr).toBe(
      'session-log: --to 0.4: logs can be migrated to 0.3\n',
    )
    expect(read(cwd)).toBe(fixture('clean.md'))
  })

  it('keeps CRLF line endings, a BOM and star bullets', async () => {
    const cwd = logDir('star-bullets.md')
    const crlf = `\uFEFF${fixture('star-bullets.md').replace(/\n/g, '\r\n')}`
    write(cwd, {'SESSION_LOG.md': crlf})
    expect((await run(['migrate', '--to', '0.3'], {cwd})).code).toBe(0)
    const after = read(cwd)
    expect(after.startsWith('\uFEFF# Heartbeat Log\r\n')).toBe(true)
    expect(/(?<!\r)\n/.test(after)).toBe(false)
    expect(after).toContain('\r\n* **Name:**\r\n* **Rule:**\r\n')
  })
})
