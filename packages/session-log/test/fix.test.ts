import {spawnSync} from 'node:child_process'
import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {InputError, writeAtomic} from '../dist/files.js'
import {expectGolden, fixture, logDir, run, tempDir, write} from './cli.js'

const team = fixture('team.md')
/** The one fixable finding of team.md, fixed. */
const teamFixed = team.replace('### Kill switch', '### Kill Switch')

function read(dir: string, name = 'SESSION_LOG.md'): string {
  return readFileSync(join(dir, name), 'utf8')
}

describe.concurrent('session-log fix', () => {
  it('applies the fixes, prints them and what is left for the author', async () => {
    const cwd = logDir('team.md')
    const result = await run(['fix'], {cwd})
    expect(result.code).toBe(1)
    expect(read(cwd)).toBe(teamFixed)
    expectGolden('fix.txt', result.stdout)
    expect(result.stderr).toBe('')
  })

  it('is the same as check --fix', async () => {
    const viaFix = logDir('team.md')
    const viaCheck = logDir('team.md')
    const a = await run(['fix'], {cwd: viaFix})
    const b = await run(['check', '--fix'], {cwd: viaCheck})
    expect(b).toEqual(a)
    expect(read(viaCheck)).toBe(read(viaFix))
  })

  it('says there is nothing to fix, and leaves a fixed file alone', async () => {
    const cwd = logDir('team.md')
    await run(['fix'], {cwd})
    const before = statSync(join(cwd, 'SESSION_LOG.md'))
    const again = await run(['fix'], {cwd})
    expect(again.stdout).toMatch(/^SESSION_LOG\.md: nothing to fix\n/)
    expect(statSync(join(cwd, 'SESSION_LOG.md')).ino).toBe(before.ino)
    expect(read(cwd)).toBe(teamFixed)
  })

  it('exits 0 when fixing leaves no errors', async () => {
    const cwd = tempDir()
    write(cwd, {
      'SESSION_LOG.md': fixture('clean.md').replace('### Kill Switch', '### Kill switch'),
    })
    const result = await run(['fix'], {cwd})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('SESSION_LOG.md: no issues found')
  })

  it('prints a unified diff with --fix-dry-run and writes nothing', async () => {
    const cwd = logDir('team.md')
    const result = await run(['check', '--fix-dry-run'], {cwd})
    expect(result.code).toBe(1)
    expect(read(cwd)).toBe(team)
    expectGolden('fix-dry-run.diff', result.stdout)
    // The report and the summary go to standard error, so the diff can be applied.
    expect(result.stderr).toContain('SESSION_LOG.md: would fix 1 finding')
    expect(result.stderr).toContain('field-date')
    expect(await run(['fix', '--dry-run'], {cwd})).toEqual(result)

    writeFileSync(join(cwd, 'fix.diff'), result.stdout)
    const git = spawnSync('git', ['apply', 'fix.diff'], {cwd, encoding: 'utf8'})
    expect(git.stderr).toBe('')
    expect(read(cwd)).toBe(teamFixed)
  })

  it('keeps the BOM, CRLF line endings and everything else byte for byte', async () => {
    const cwd = tempDir()
    const crlf = '\uFEFF' + team.replace(/\n/g, '\r\n')
    write(cwd, {'SESSION_LOG.md': crlf})
    await run(['fix'], {cwd})
    expect(read(cwd)).toBe(crlf.replace('### Kill switch', '### Kill Switch'))
  })

  it('keeps the mode of the file and writes through a symbolic link', async () => {
    const cwd = tempDir()
    write(cwd, {'logs/real.md': team})
    chmodSync(join(cwd, 'logs/real.md'), 0o640)
    symlinkSync('logs/real.md', join(cwd, 'SESSION_LOG.md'))
    await run(['fix'], {cwd})
    expect(lstatSync(join(cwd, 'SESSION_LOG.md')).isSymbolicLink()).toBe(true)
    expect(read(cwd, 'logs/real.md')).toBe(teamFixed)
    expect(statSync(join(cwd, 'logs/real.md')).mode & 0o777).toBe(0o640)
    expect(readdirSync(join(cwd, 'logs'))).toEqual(['real.md'])
  })

  it('keeps standard output machine-readable, the summary going to standard error', async () => {
    const cwd = logDir('team.md')
    const result = await run(['fix', '--format', 'json'], {cwd})
    expect(JSON.parse(result.stdout)).toHaveLength(2)
    expect(result.stderr).toContain('SESSION_LOG.md: fixed 1 finding')
  })

  it('exits 2 and writes nothing when the file cannot be written', async () => {
    const cwd = logDir('team.md')
    chmodSync(cwd, 0o555)
    try {
      const result = await run(['fix'], {cwd, uid: process.getuid?.() === 0 ? 65534 : undefined})
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/SESSION_LOG\.md: cannot be (written|read): permission denied/)
    } finally {
      chmodSync(cwd, 0o755)
    }
    expect(read(cwd)).toBe(team)
  })
})

describe.concurrent('writeAtomic', () => {
  it('leaves a file the user cannot write alone, even in a folder they can write', async () => {
    const cwd = logDir('team.md')
    chmodSync(join(cwd, 'SESSION_LOG.md'), 0o444)
    chmodSync(cwd, 0o777)
    // Root may write any file, so the command runs as another user then.
    const result = await run(['fix'], {cwd, uid: process.getuid?.() === 0 ? 65534 : undefined})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'session-log: SESSION_LOG.md: cannot be written: permission denied; make the file and its folder writable\n',
    )
    expect(read(cwd)).toBe(team)
    expect(statSync(join(cwd, 'SESSION_LOG.md')).mode & 0o777).toBe(0o444)
  })

  it('refuses to write when the file changed on disk since it was read', async () => {
    const cwd = tempDir()
    const path = join(cwd, 'SESSION_LOG.md')
    writeFileSync(path, 'changed meanwhile')
    const write = () => writeAtomic(path, 'SESSION_LOG.md', 'fixed', Buffer.from('as read'))
    expect(write).toThrow(InputError)
    expect(write).toThrow(
      'SESSION_LOG.md: changed on disk while the command ran, so nothing was written; run the command again',
    )
    expect(readFileSync(path, 'utf8')).toBe('changed meanwhile')
    expect(readdirSync(cwd)).toEqual(['SESSION_LOG.md'])
  })

  it('writes when the file still holds what was read', async () => {
    const cwd = tempDir()
    const path = join(cwd, 'SESSION_LOG.md')
    writeFileSync(path, 'as read')
    writeAtomic(path, 'SESSION_LOG.md', 'fixed', Buffer.from('as read'))
    expect(readFileSync(path, 'utf8')).toBe('fixed')
    expect(readdirSync(cwd)).toEqual(['SESSION_LOG.md'])
  })

  it('never replaces a file it was to create', async () => {
    const cwd = tempDir()
    const path = join(cwd, 'SESSION_LOG.md')
    writeFileSync(path, 'created meanwhile')
    expect(() => writeAtomic(path, 'SESSION_LOG.md', 'new log')).toThrow(
      'SESSION_LOG.md: already exists',
    )
    expect(readFileSync(path, 'utf8')).toBe('created meanwhile')
    expect(readdirSync(cwd)).toEqual(['SESSION_LOG.md'])
  })
})
