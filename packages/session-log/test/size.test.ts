import {describe, expect, it} from 'vitest'
import {defaultMaxSize, formatSize, parseSize} from '../dist/files.js'
import {run, tempDir, write} from './cli.js'

describe('--max-size', () => {
  it.each([
    ['1000', 1000],
    ['50MB', 50_000_000],
    ['50 mb', 50_000_000],
    ['1.5KB', 1500],
    ['2KiB', 2048],
    ['1MiB', 1_048_576],
    ['1G', 1_000_000_000],
  ])('reads %s as %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes)
  })

  it.each(['', 'MB', '-1', '0', '10x', '1e6', '5 M B', '0.1'])('refuses %j', (text) => {
    expect(parseSize(text)).toBeUndefined()
  })

  it('defaults to 50 MB, and shows sizes as people read them', () => {
    expect(formatSize(defaultMaxSize)).toBe('50 MB')
    expect(formatSize(999)).toBe('999 bytes')
    expect(formatSize(2_345_678)).toBe('2.3 MB')
  })

  it('is a usage error when it cannot be read, for check and new alike', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': '# Session Log\n'})
    for (const command of ['check', 'new']) {
      const result = await run([command, '--max-size', '10x'], {cwd})
      expect(result.code).toBe(2)
      expect(result.stderr).toBe(
        'session-log: --max-size 10x: write a number of bytes, or one with a unit, such as 50MB\n',
      )
    }
  })

  it('refuses a log over the limit in new as in check, writing nothing', async () => {
    const cwd = tempDir()
    const log = '# Session Log\n\n' + 'x'.repeat(2000)
    write(cwd, {'SESSION_LOG.md': log})
    const result = await run(['new', '--title', 'x', '--max-size', '1KB'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'session-log: SESSION_LOG.md: is 2 KB, over the limit of 1 KB; split it into several logs, or raise the limit with --max-size\n',
    )
  })
})
