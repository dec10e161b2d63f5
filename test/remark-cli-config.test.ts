// The real remark-cli with remark-session-log installed in a project by its name, as a
// user runs it: `remark --use session-log`, options from .remarkrc files and --use.
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {builtPlugin} from './built-plugin.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const remark = join(root, 'node_modules/.bin/remark')
// The project links the package folder; its entry is the build, which must be current.
builtPlugin()

const valid = readFileSync(join(root, 'fixtures/valid/payments-team.md'), 'utf8')
/** One error: a misspelt heading. */
const oneError = valid.replace('### Kill Switch', '### Kill switch')
/** One warning: an estimated line count. */
const oneWarning = valid.replace(
  /\| Lines kept after review \| (\d+) \|/,
  '| Lines kept after review | ~$1 |',
)

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

/** A project with the plugin in its node_modules and `files` written into it. */
function projectWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'remark-session-log-project-'))
  made.push(dir)
  mkdirSync(join(dir, 'node_modules'))
  symlinkSync(
    join(root, 'packages/remark-session-log'),
    join(dir, 'node_modules/remark-session-log'),
  )
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

function remarkIn(dir: string, args: string[]) {
  const result = spawnSync(remark, [...args, '--no-color'], {
    cwd: dir,
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '1'},
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** The finding lines of remark's report: place, severity, rule. */
function reported(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) =>
      /^\s*(\d+:\d+-\d+:\d+)\s+(error|warning)\s.*?\s(\S+)\s+session-log\s*$/.exec(line),
    )
    .filter((match) => match !== null)
    .map((match) => `${match[1]} ${match[2]} ${match[3]}`)
}

describe.concurrent('remark --use session-log', () => {
  it('finds the plugin by its short name and turns on GFM itself', () => {
    const clean = remarkIn(projectWith({'SESSION_LOG.md': valid}), [
      '--use',
      'session-log',
      'SESSION_LOG.md',
    ])
    // Without GFM the tables and task lists would not parse, and every section would fail.
    expect(clean.stderr).toBe('SESSION_LOG.md: no issues found\n')
    expect(clean.code).toBe(0)

    const broken = remarkIn(projectWith({'SESSION_LOG.md': oneError}), [
      '--use',
      'session-log',
      'SESSION_LOG.md',
    ])
    expect(reported(broken.stderr)).toEqual(['51:1-51:16 error section-heading'])
    expect(broken.code).toBe(1)
  })

  it('passes warnings, and fails on them with --frail', () => {
    const dir = projectWith({'SESSION_LOG.md': oneWarning})
    const args = ['--use', 'session-log', 'SESSION_LOG.md', '--no-stdout', '--quiet']
    const lenient = remarkIn(dir, args)
    expect(reported(lenient.stderr)).toEqual(['78:29-78:33 warning metric-estimate'])
    expect(lenient.stdout).toBe('')
    expect(lenient.code).toBe(0)
    const frail = remarkIn(dir, [...args, '--frail'])
    expect(reported(frail.stderr)).toEqual(['78:29-78:33 warning metric-estimate'])
    expect(frail.code).toBe(1)
  })

  it('takes options from --use', () => {
    const dir = projectWith({'SESSION_LOG.md': oneWarning})
    const raised = remarkIn(dir, [
      '--use',
      'session-log=rules:{"metric-estimate":"error"}',
      'SESSION_LOG.md',
    ])
    expect(reported(raised.stderr)).toEqual(['78:29-78:33 error metric-estimate'])
    expect(raised.code).toBe(1)
    const off = remarkIn(dir, [
      '--use',
      'session-log=rules:{"metric-estimate":"off"}',
      'SESSION_LOG.md',
    ])
    expect(off.stderr).toBe('SESSION_LOG.md: no issues found\n')
  })

  it.each([
    [
      '.remarkrc',
      JSON.stringify({plugins: [['session-log', {rules: {'section-heading': 'warn'}}]]}),
    ],
    [
      '.remarkrc.json',
      JSON.stringify({plugins: [['remark-session-log', {rules: {'section-heading': 'warn'}}]]}),
    ],
    ['.remarkrc.yml', 'plugins:\n  - - session-log\n    - rules:\n        section-heading: warn\n'],
    [
      '.remarkrc.mjs',
      "export default {plugins: [['session-log', {rules: {'section-heading': 'warn'}}]]}\n",
    ],
    [
      'package.json',
      JSON.stringify({
        name: 'team',
        remarkConfig: {plugins: [['session-log', {rules: {'section-heading': 'warn'}}]]},
      }),
    ],
  ])('takes options from %s', (name, config) => {
    const dir = projectWith({'SESSION_LOG.md': oneError, [name]: config})
    // The file alone configures the plugin: no --use.
    const result = remarkIn(dir, ['SESSION_LOG.md'])
    expect(reported(result.stderr)).toEqual(['51:1-51:16 warning section-heading'])
    expect(result.code).toBe(0)
    expect(remarkIn(dir, ['SESSION_LOG.md', '--frail']).code).toBe(1)
  })

  it('writes minimal edits in fix mode with --output', () => {
    const twoErrors = valid.replace(/### Kill Switch/g, '### Kill switch')
    const dir = projectWith({'SESSION_LOG.md': twoErrors})
    const result = remarkIn(dir, ['--use', 'session-log=fix:true', 'SESSION_LOG.md', '--output'])
    expect(result.stderr).toBe('SESSION_LOG.md: written\n')
    expect(result.code).toBe(0)
    // Only the two misspelt letters changed; remark did not re-serialise the document.
    expect(readFileSync(join(dir, 'SESSION_LOG.md'), 'utf8')).toBe(valid)
  })
})
