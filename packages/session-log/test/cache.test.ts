import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixture, run, tempDir, write} from './cli.js'

interface CacheFile {
  findings: Record<string, Array<{message: string}>>
}

const args = ['check', 'SESSION_LOG.md', '--cache', '--format', 'json']

describe('--cache', () => {
  it('answers an unchanged log from the cache file', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': fixture('team.md')})
    const first = await run(args, {cwd})
    expect(first.code).toBe(1)
    const cachePath = join(cwd, '.session-logcache')
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as CacheFile
    const [key] = Object.keys(cache.findings)
    expect(key).toBeDefined()
    // Marking the cached findings shows the second run read them instead of linting.
    for (const finding of cache.findings[key!]!) finding.message = `cached: ${finding.message}`
    writeFileSync(cachePath, JSON.stringify(cache))
    const second = await run(args, {cwd})
    expect(second.code).toBe(1)
    const messages = (JSON.parse(second.stdout) as Array<{message: string}>).map((f) => f.message)
    expect(messages.length).toBeGreaterThan(0)
    expect(messages.every((message) => message.startsWith('cached: '))).toBe(true)
  })

  it('checks a changed log again', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': fixture('team.md')})
    await run(args, {cwd})
    write(cwd, {'SESSION_LOG.md': fixture('clean.md')})
    const second = await run(args, {cwd})
    expect(second.code).toBe(0)
    expect(JSON.parse(second.stdout)).toEqual([])
  })

  it('treats a broken cache file as empty and writes a good one', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': fixture('team.md'), 'my-cache': '{not json'})
    const result = await run([...args, '--cache-location', 'my-cache'], {cwd})
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const cache = JSON.parse(readFileSync(join(cwd, 'my-cache'), 'utf8')) as CacheFile
    expect(Object.keys(cache.findings)).toHaveLength(1)
  })
})
