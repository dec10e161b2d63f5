import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, describe, expect, it} from 'vitest'
import {fix} from '../packages/remark-session-log/src/fix/fix.js'
import {builtPlugin} from './built-plugin.js'

// The real remark-cli, with the plugin as it ships (its build, checked to be current).
const root = fileURLToPath(new URL('..', import.meta.url))
const remark = join(root, 'node_modules/.bin/remark')
const plugin = builtPlugin()
const today = '2026-06-01'

const valid = readFileSync(join(root, 'fixtures/valid/payments-team.md'), 'utf8')
/** The valid fixture with every section heading of its first entry misspelt or mis-levelled. */
const brokenHeadings = valid
  .replace('### Inputs', '### inputs')
  .replace('### Kill Switch', '## Kill switch')
  .replace('### Learnings', '### Learnigns')
const missingFields = readFileSync(
  join(root, 'fixtures/invalid/section-heading/case-and-level.md'),
  'utf8',
)

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'remark-session-log-'))
  dirs.push(dir)
  return dir
}

/** Writes `text` to a fresh folder and runs remark on it there. */
function run(text: string, args: string[], files: Record<string, string> = {}) {
  const dir = tempDir()
  const path = join(dir, 'SESSION_LOG.md')
  writeFileSync(path, text)
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  const result = spawnSync(remark, ['SESSION_LOG.md', '--no-color', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
  })
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    written: readFileSync(path, 'utf8'),
  }
}

const use = (options: string) => ['--use', `${plugin}=${options}`]

describe('remark --use session-log=fix:true --output', () => {
  it('writes exactly the bytes fix() returns', () => {
    const expected = fix(brokenHeadings, {today}).output
    expect(expected).not.toBe(brokenHeadings)
    const result = run(brokenHeadings, [...use(`fix:true,today:"${today}"`), '--output', '--frail'])
    expect(result.written).toBe(expected)
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/written/)
    expect(result.stderr).not.toMatch(/warning|error/)
  })

  it('keeps a BOM and CRLF line endings', () => {
    const crlf = `\uFEFF${brokenHeadings.replace(/\n/g, '\r\n')}`
    const result = run(crlf, [...use(`fix:true,today:"${today}"`), '--output'])
    expect(result.written).toBe(fix(crlf, {today}).output)
    expect(result.written.startsWith('\uFEFF# Session Log\r\n')).toBe(true)
    expect(result.written).toContain('\r\n### Kill Switch\r\n')
    expect(result.status).toBe(0)
  })

  it('reads fix mode from .remarkrc and prints to stdout without --output', () => {
    const rc = JSON.stringify({plugins: [[plugin, {fix: true, today}]]})
    const result = run(brokenHeadings, [], {'.remarkrc.json': rc})
    expect(result.stdout).toBe(fix(brokenHeadings, {today}).output)
    expect(result.written).toBe(brokenHeadings)
  })

  it('writes the fix and reports what is left as warnings, failing with --frail', () => {
    const expected = fix(missingFields, {today})
    expect(expected.remaining.length).toBeGreaterThan(0)
    const lenient = run(missingFields, [...use(`fix:true,today:"${today}"`), '--output'])
    expect(lenient.written).toBe(expected.output)
    expect(lenient.status).toBe(0)
    // Every finding left is reported once, as a warning, and nothing else is.
    const warnings = lenient.stderr.split('\n').filter((line) => /^\s*\d+:\d+/.test(line))
    expect(warnings).toHaveLength(expected.remaining.length)
    for (const finding of expected.remaining) {
      const place = `${finding.start.line}:${finding.start.column}`
      const line = warnings.find(
        (each) => each.trim().startsWith(place) && each.includes(finding.message),
      )
      expect(line, `${place} ${finding.message}`).toMatch(/\bwarning\b/)
    }

    const frail = run(missingFields, [...use(`fix:true,today:"${today}"`), '--output', '--frail'])
    expect(frail.written).toBe(expected.output)
    expect(frail.status).toBe(1)
  })

  it('leaves a file with bytes that are not UTF-8 untouched', () => {
    const dir = tempDir()
    const path = join(dir, 'SESSION_LOG.md')
    const bytes = Buffer.concat([Buffer.from(brokenHeadings), Buffer.from([0xff, 0xfe, 0x0a])])
    writeFileSync(path, bytes)
    const result = spawnSync(
      remark,
      ['SESSION_LOG.md', '--no-color', ...use('fix:true'), '--output'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    )
    expect(readFileSync(path)).toEqual(bytes)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/not UTF-8/)
  })
})

describe('remark --use session-log', () => {
  it('passes a valid log, even with --frail', () => {
    const result = run(valid, [...use(`today:"${today}"`), '--frail'])
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/no issues found/)
  })

  it('fails on error findings and names their rule', () => {
    const result = run(brokenHeadings, use(`today:"${today}"`))
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(
      /error\s+Heading "### inputs" should read "### Inputs"\s+section-heading/,
    )
    expect(result.written).toBe(brokenHeadings)
  })

  it('passes warnings unless --frail is given', () => {
    const rc = JSON.stringify({plugins: [[plugin, {today, rules: {'section-heading': 'warn'}}]]})
    const lenient = run(brokenHeadings, [], {'.remarkrc.json': rc})
    expect(lenient.stderr).toMatch(/warning\s+Heading "### inputs"/)
    expect(lenient.status).toBe(0)
    const frail = run(brokenHeadings, ['--frail'], {'.remarkrc.json': rc})
    expect(frail.status).toBe(1)
  })
})
