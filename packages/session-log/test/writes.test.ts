// How fix and new write: atomically, through symbolic links, never over a file that
// changed or vanished since it was read, and byte for byte outside their edits.
import {spawn, spawnSync} from 'node:child_process'
import {
  chmodSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {open} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {InputError, readLog, writeAtomic} from '../dist/files.js'
import {bin, fixture, run, tempDir, write} from './cli.js'

const team = fixture('team.md')
const template = readFileSync(
  new URL('../../remark-session-log/templates/session-log.v0.2.md', import.meta.url),
  'utf8',
)

function bytes(dir: string, name = 'SESSION_LOG.md'): Buffer {
  return readFileSync(join(dir, name))
}

describe.concurrent('a log that vanished since it was read', () => {
  it('is not recreated when the file was deleted', () => {
    const cwd = tempDir()
    const path = join(cwd, 'SESSION_LOG.md')
    writeFileSync(path, team)
    const file = readLog(path, 'SESSION_LOG.md')
    rmSync(path)
    expect(() => writeAtomic(path, 'SESSION_LOG.md', 'fixed', file.bytes)).toThrow(
      new InputError(
        'SESSION_LOG.md',
        'was moved or deleted while the command ran, so nothing was written',
        'run the command again',
      ),
    )
    expect(readdirSync(cwd)).toEqual([])
  })

  it('is not recreated when its folder was deleted', () => {
    const cwd = tempDir()
    const path = join(cwd, 'logs/SESSION_LOG.md')
    write(cwd, {'logs/SESSION_LOG.md': team})
    const file = readLog(path, 'logs/SESSION_LOG.md')
    rmSync(join(cwd, 'logs'), {recursive: true})
    expect(() => writeAtomic(path, 'logs/SESSION_LOG.md', 'fixed', file.bytes)).toThrow(
      'logs/SESSION_LOG.md: was moved or deleted while the command ran',
    )
    expect(readdirSync(cwd)).toEqual([])
  })

  it('is not written through a link whose target vanished', () => {
    const cwd = tempDir()
    write(cwd, {'real.md': team})
    symlinkSync('real.md', join(cwd, 'SESSION_LOG.md'))
    const path = join(cwd, 'SESSION_LOG.md')
    const file = readLog(path, 'SESSION_LOG.md')
    rmSync(join(cwd, 'real.md'))
    expect(() => writeAtomic(path, 'SESSION_LOG.md', 'fixed', file.bytes)).toThrow(
      'was moved or deleted',
    )
    expect(readdirSync(cwd)).toEqual(['SESSION_LOG.md'])
    expect(lstatSync(path).isSymbolicLink()).toBe(true)
  })
})

describe('a log changed by someone else while fix runs', () => {
  it.skipIf(spawnSync('mkfifo', ['--version']).status !== 0)(
    'is left as they wrote it, and the command says so',
    async () => {
      const cwd = tempDir()
      write(cwd, {'SESSION_LOG.md': team})
      // `fix` reads the log, then the template. A named pipe as the template holds the
      // command right there until the test has changed the log.
      spawnSync('mkfifo', [join(cwd, 'template.md')])
      const child = spawn(process.execPath, [bin, 'fix', '--template', 'template.md'], {cwd})
      let stderr = ''
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve))

      const pipe = await open(join(cwd, 'template.md'), 'w')
      const theirs = `${team}\nA line the author added meanwhile.\n`
      writeFileSync(join(cwd, 'SESSION_LOG.md'), theirs)
      await pipe.writeFile(template)
      await pipe.close()

      expect(await exited).toBe(2)
      expect(stderr).toBe(
        'session-log: SESSION_LOG.md: changed on disk while the command ran, so nothing was written; run the command again\n',
      )
      expect(bytes(cwd).toString('utf8')).toBe(theirs)
      expect(readdirSync(cwd).sort()).toEqual(['SESSION_LOG.md', 'template.md'])
    },
  )
})

describe.concurrent('new writes like fix', () => {
  it('through a symbolic link, keeping the link and the mode of its target', async () => {
    const cwd = tempDir()
    write(cwd, {'logs/real.md': fixture('one-entry.md')})
    chmodSync(join(cwd, 'logs/real.md'), 0o640)
    symlinkSync('logs/real.md', join(cwd, 'SESSION_LOG.md'))
    const result = await run(['new', '--title', 'Linked', '--date', '2026-01-02'], {cwd})
    expect(result.code).toBe(0)
    expect(lstatSync(join(cwd, 'SESSION_LOG.md')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(join(cwd, 'SESSION_LOG.md'))).toBe('logs/real.md')
    expect(bytes(cwd, 'logs/real.md').toString('utf8')).toContain('## Session: Linked')
    expect(statSync(join(cwd, 'logs/real.md')).mode & 0o777).toBe(0o640)
    expect(readdirSync(join(cwd, 'logs'))).toEqual(['real.md'])
  })

  it('refuses a read-only log and leaves it alone', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': fixture('one-entry.md')})
    chmodSync(join(cwd, 'SESSION_LOG.md'), 0o444)
    chmodSync(cwd, 0o777)
    const result = await run(['new', '--title', 'x', '--date', '2026-01-02'], {
      cwd,
      uid: process.getuid?.() === 0 ? 65534 : undefined,
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'session-log: SESSION_LOG.md: cannot be written: permission denied; make the file and its folder writable\n',
    )
    expect(bytes(cwd).toString('utf8')).toBe(fixture('one-entry.md'))
  })
})

/** `text` with its lines ending alternately in CRLF and LF. */
function mixedEndings(text: string): string {
  let count = 0
  return text.replace(/\n/g, () => (count++ % 2 === 0 ? '\r\n' : '\n'))
}

describe.concurrent('line endings and the BOM, byte for byte', () => {
  it('fix keeps the ending of every line in a file that mixes them', async () => {
    const cwd = tempDir()
    const before = `\uFEFF${mixedEndings(team)}`
    write(cwd, {'SESSION_LOG.md': before})
    const result = await run(['fix'], {cwd})
    expect(result.code).toBe(1)
    expect(bytes(cwd).toString('utf8')).toBe(before.replace('### Kill switch', '### Kill Switch'))
  })

  it('new changes no byte of a file that mixes line endings, besides the entry', async () => {
    const cwd = tempDir()
    const before = `\uFEFF${mixedEndings(fixture('one-entry.md'))}`
    write(cwd, {'SESSION_LOG.md': before})
    const result = await run(['new', '--title', 'Mixed', '--date', '2026-01-02'], {cwd})
    expect(result.code).toBe(0)
    const after = bytes(cwd).toString('utf8')
    const at = before.indexOf('## Session:')
    const inserted = after.slice(at, after.length - (before.length - at))
    expect(after.slice(0, at) + after.slice(at + inserted.length)).toBe(before)
    expect(inserted).toContain('## Session: Mixed')
    // The entry takes one ending throughout: the file's first.
    expect(inserted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })
})
