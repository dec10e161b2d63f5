import {readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixture, run, tempDir, write} from './cli.js'

interface CacheFile {
  logs: Record<string, {findings: Array<{message: string}>; chunks: string[]}>
  chunks: Record<string, {findings: Array<{findings: Array<{message: string}>}>}>
}

// Two lines of JSON: the logs (with the version), then the chunks.
function readCacheFile(path: string): CacheFile {
  const [head, chunks] = readFileSync(path, 'utf8').split('\n')
  return {...(JSON.parse(head!) as {logs: CacheFile['logs']}), chunks: JSON.parse(chunks!)}
}

function writeCacheFile(path: string, cache: CacheFile): void {
  const {chunks, ...head} = cache
  writeFileSync(path, `${JSON.stringify(head)}\n${JSON.stringify(chunks)}\n`)
}

const args = ['check', 'SESSION_LOG.md', '--cache', '--format', 'json']

describe('--cache', () => {
  it('answers an unchanged log from the cache file', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': fixture('team.md')})
    const first = await run(args, {cwd})
    expect(first.code).toBe(1)
    const cachePath = join(cwd, '.session-logcache')
    const cache = readCacheFile(cachePath)
    const [key] = Object.keys(cache.logs)
    expect(key).toBeDefined()
    // Marking the cached findings shows the second run read them instead of linting.
    for (const finding of cache.logs[key!]!.findings) finding.message = `cached: ${finding.message}`
    writeCacheFile(cachePath, cache)
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
    const cache = readCacheFile(join(cwd, 'my-cache'))
    expect(Object.keys(cache.logs)).toHaveLength(1)
  })

  it('in a changed log, checks again only the entries that changed', async () => {
    const cwd = tempDir()
    const team = fixture('team.md')
    write(cwd, {'SESSION_LOG.md': team})
    await run(args, {cwd})
    const cachePath = join(cwd, '.session-logcache')
    const cache = readCacheFile(cachePath)
    // Three chunks: the header, and one for each of the two entries.
    expect(Object.keys(cache.chunks)).toHaveLength(3)
    for (const chunk of Object.values(cache.chunks)) {
      for (const entry of chunk.findings) {
        for (const finding of entry.findings) finding.message = `cached: ${finding.message}`
      }
    }
    writeCacheFile(cachePath, cache)
    // The second entry (from line 103) changes; the first does not.
    const edited = team.replace(
      '## Session: Webhook signature check',
      '## Session: Webhook signatures',
    )
    write(cwd, {'SESSION_LOG.md': edited})
    const second = await run(args, {cwd})
    const found = JSON.parse(second.stdout) as Array<{message: string; line: number}>
    const first = found.filter((finding) => finding.line < 103)
    const changed = found.filter((finding) => finding.line >= 103)
    expect(first.length).toBeGreaterThan(0)
    expect(changed.length).toBeGreaterThan(0)
    expect(first.every((finding) => finding.message.startsWith('cached: '))).toBe(true)
    expect(changed.some((finding) => finding.message.startsWith('cached: '))).toBe(false)
    // Unmarked, the same findings as a check without the cache.
    const fresh = tempDir()
    write(fresh, {'SESSION_LOG.md': edited})
    const plain = await run(['check', 'SESSION_LOG.md', '--format', 'json'], {cwd: fresh})
    expect(found.map((finding) => finding.message.replace(/^cached: /, ''))).toEqual(
      (JSON.parse(plain.stdout) as Array<{message: string}>).map((finding) => finding.message),
    )
    // Only the chunks of the log as it is now stay in the cache.
    const after = readCacheFile(cachePath)
    expect(Object.keys(after.chunks)).toHaveLength(3)
    expect(Object.keys(after.logs)).toHaveLength(1)
  })

  it('leaves the cache file as it is when every log is unchanged', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': fixture('team.md')})
    await run(args, {cwd})
    const cachePath = join(cwd, '.session-logcache')
    const before = readFileSync(cachePath, 'utf8')
    const inode = statSync(cachePath).ino
    const second = await run(args, {cwd})
    expect(second.code).toBe(1)
    expect(statSync(cachePath).ino).toBe(inode)
    expect(readFileSync(cachePath, 'utf8')).toBe(before)
  })

  it('checks the whole log when the chunks of the cache file are unreadable', async () => {
    const cwd = tempDir()
    const team = fixture('team.md')
    write(cwd, {'SESSION_LOG.md': team})
    const first = await run(args, {cwd})
    const cachePath = join(cwd, '.session-logcache')
    const [head] = readFileSync(cachePath, 'utf8').split('\n')
    writeFileSync(cachePath, `${head}\n{"cut off`)
    write(cwd, {'SESSION_LOG.md': team.replace('signature check', 'signatures')})
    const second = await run(args, {cwd})
    expect(second.stderr).toBe('')
    expect(JSON.parse(second.stdout)).toHaveLength(JSON.parse(first.stdout).length)
  })
})
