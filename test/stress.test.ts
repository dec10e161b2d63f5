// The stress corpus through the built command line, the way CI runs it: every file gets
// a report or one clear line on standard error, never a crash, and each run ends within
// a bound that catches a hang (the process is killed there), not a speed test.
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {baseLog, stressCases, writeCorpus} from './stress/corpus.js'

// The package's bin, which runs the command built into one file.
const bin = fileURLToPath(new URL('../packages/session-log/bin/session-log.js', import.meta.url))
const boundMs = 60_000
const timings: Array<{name: string; ms: number}> = []
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'session-log-stress-'))
  writeCorpus(dir)
})

afterAll(() => {
  rmSync(dir, {recursive: true, force: true})
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 3)
  console.log(
    `slowest stress runs: ${slowest.map(({name, ms}) => `${name} ${Math.round(ms)} ms`).join(', ')}`,
  )
})

function cli(args: string[], label: string) {
  const start = performance.now()
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: boundMs,
    maxBuffer: 64 * 1024 * 1024,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined},
  })
  const ms = performance.now() - start
  timings.push({name: label, ms})
  expect(result.signal, `${label} was killed after ${boundMs} ms`).toBeNull()
  expect(result.stderr).not.toContain('unexpected error')
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

// The one line each refused file gets.
const refusals: Record<string, string> = {
  'nul-bytes.md': 'is a binary file, not Markdown',
  'invalid-utf8.md': `is not valid UTF-8 (line ${baseLog.slice(0, 200).split('\n').length}, byte ${Buffer.byteLength(baseLog.slice(0, 200))})`,
  'SESSION_LOG.md': 'is a binary file, not Markdown',
  'empty.md': 'is not a session log',
  'only-rule.md': 'is not a session log',
}

describe('stress corpus through the command line', () => {
  for (const stress of stressCases()) {
    if (stress.outcome === 'refused') {
      it(`${stress.name}: refused with one clear line`, () => {
        const result = cli(['check', stress.name], `check ${stress.name}`)
        expect(result.code).toBe(2)
        const line = `session-log: ${stress.name}: ${refusals[stress.name]}`
        expect(result.stderr.startsWith(line), result.stderr).toBe(true)
        // One line: the problem, then what to do.
        expect(result.stderr.slice(line.length)).toMatch(/^[^\n]*; [^\n]+\n$/)
      })
      continue
    }

    it(`${stress.name}: checked, and reported as valid JSON`, () => {
      const result = cli(['check', stress.name, '--format', 'json'], `check ${stress.name}`)
      expect(result.stderr).toBe('')
      expect([0, 1]).toContain(result.code)
      const records = JSON.parse(result.stdout) as Array<{file: string}>
      for (const record of records) expect(record.file).toBe(stress.name)
    })

    it(`${stress.name}: fixed in place`, () => {
      const copy = `fix-${stress.name}`
      copyFileSync(join(dir, stress.name), join(dir, copy))
      const result = cli(['fix', copy, '--format', 'json'], `fix ${stress.name}`)
      expect([0, 1]).toContain(result.code)
      expect(JSON.parse(result.stdout)).toBeInstanceOf(Array)
    })
  }

  it('refuses a log over --max-size before linting it, naming both sizes', () => {
    const result = cli(['check', 'paragraph-2mb.md', '--max-size', '1MB'], 'check --max-size')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^session-log: paragraph-2mb\.md: is 2(\.\d)? MB, over the limit of 1 MB; split it into several logs, or raise the limit with --max-size\n$/,
    )
    expect(cli(['check', 'paragraph-2mb.md', '--max-size', '3MB'], 'check 3MB').code).toBe(0)
  })
})
