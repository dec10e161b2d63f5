import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {bin, expectGolden, fixture, fixtures, logDir, run, tempDir, write} from './cli.js'

/** The clean log with one warning (an estimated line count) and nothing else. */
const warnOnly = fixture('clean.md').replace(
  '| Lines kept after review | 150 |',
  '| Lines kept after review | ~150 |',
)

describe.concurrent('session-log check', () => {
  it('checks SESSION_LOG.md in the working folder when given no path', async () => {
    const result = await run(['check'], {cwd: logDir('team.md')})
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/^SESSION_LOG\.md$/m)
    for (const id of ['section-heading', 'metric-estimate', 'field-date']) {
      expect(result.stdout).toContain(id)
    }
    expect(result.stderr).toBe('')
  })

  it('exits 2 with one clear line when SESSION_LOG.md is missing', async () => {
    const result = await run(['check'], {cwd: tempDir()})
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'session-log: SESSION_LOG.md: is not in this folder; pass the path of the log, or start one with `session-log init`\n',
    )
  })

  it('exits 0 on a clean log', async () => {
    const result = await run(['check'], {cwd: logDir('clean.md')})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('SESSION_LOG.md: no issues found\n')
  })

  it('exits 0 when there are only warnings', async () => {
    const dir = tempDir()
    write(dir, {'SESSION_LOG.md': warnOnly})
    const result = await run(['check'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('warning')
  })

  it('reports errors only with --quiet', async () => {
    const result = await run(['check', '--quiet'], {cwd: logDir('team.md')})
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('field-date')
    expect(result.stdout).not.toContain('metric-estimate')
    expect((await run(['check', '-q'], {cwd: logDir('team.md')})).stdout).toBe(result.stdout)
  })

  it('fails on more warnings than --max-warnings', async () => {
    const dir = tempDir()
    write(dir, {'SESSION_LOG.md': warnOnly})
    const over = await run(['check', '--max-warnings', '0'], {cwd: dir})
    expect(over.code).toBe(1)
    expect(over.stderr).toBe('session-log: 1 warning, more than --max-warnings 0\n')
    expect((await run(['check', '--max-warnings', '1'], {cwd: dir})).code).toBe(0)
    const bad = await run(['check', '--max-warnings', 'many'], {cwd: dir})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--max-warnings many: write a whole number')
  })

  it('sets rule severities with --rule', async () => {
    const cwd = logDir('team.md')
    const relaxed = await run(
      ['check', '--rule', 'field-date=off', '--rule', 'section-heading=warn'],
      {
        cwd,
      },
    )
    expect(relaxed.code).toBe(0)
    expect(relaxed.stdout).not.toContain('field-date')
    expect(relaxed.stdout).toMatch(/warning.*section-heading/)

    const dir = tempDir()
    write(dir, {'SESSION_LOG.md': warnOnly})
    const strict = await run(['check', '--rule', 'metric-estimate=error'], {cwd: dir})
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(/error.*metric-estimate/)
  })

  it('refuses an unknown rule or a malformed --rule', async () => {
    const cwd = logDir('team.md')
    const unknown = await run(['check', '--rule', 'no-such-rule=off'], {cwd})
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(
      /^session-log: --rule no-such-rule=off: unknown rule "no-such-rule"; known rules: template-mismatch, not-a-session-log, unclosed-block, document-title, /,
    )
    const malformed = await run(['check', '--rule', 'field-date'], {cwd})
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toContain('write it as rule-id=off, rule-id=warn or rule-id=error')
  })

  it('checks against another template with --template', async () => {
    const cwd = logDir('clean.md')
    const custom = await run(['check', '--template', join(fixtures, 'reviewer-template.md')], {cwd})
    expect(custom.code).toBe(1)
    expect(custom.stdout).toContain('"**Reviewer:**"')
    expect((await run(['check', '--template', 'session-log.v0.2'], {cwd})).code).toBe(0)
    const missing = await run(['check', '--template', 'missing.md'], {cwd})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('--template missing.md: no such file')
  })

  it('names a template that is not one', async () => {
    const cwd = logDir('clean.md')
    write(cwd, {'broken-template.md': '# Just a title\n'})
    const result = await run(['check', '--template', 'broken-template.md'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/broken-template\.md: is not a usable template: /)
    expect(result.stderr.split('\n')).toHaveLength(2)
  })

  it('uses colors only on request or on a terminal', async () => {
    const cwd = logDir('team.md')
    const escape = '\u001b['
    expect((await run(['check'], {cwd})).stdout).not.toContain(escape)
    expect((await run(['check'], {cwd, env: {FORCE_COLOR: '1'}})).stdout).toContain(escape)
    expect(
      (await run(['check', '--no-color'], {cwd, env: {FORCE_COLOR: '1'}})).stdout,
    ).not.toContain(escape)
    expect((await run(['check', '--color'], {cwd, env: {NO_COLOR: '1'}})).stdout).toContain(escape)
    expect((await run(['check'], {cwd, env: {FORCE_COLOR: '0'}})).stdout).not.toContain(escape)
  })

  it.skipIf(!hasScript())('colors a terminal unless NO_COLOR is set', () => {
    const cwd = logDir('team.md')
    expect(onTerminal(['check'], cwd, {})).toContain('\u001b[')
    expect(onTerminal(['check'], cwd, {NO_COLOR: '1'})).not.toContain('\u001b[')
    expect(onTerminal(['check', '--no-color'], cwd, {})).not.toContain('\u001b[')
  })

  it('writes the report to --output-file and nothing to standard output', async () => {
    const cwd = logDir('team.md')
    const result = await run(['check', '--format', 'json', '--output-file', 'report.json'], {cwd})
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    const report = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')) as unknown[]
    expect(report).toHaveLength(3)
    const short = await run(['check', '-o', 'report.txt'], {cwd})
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).toContain('field-date')
    expect(short.stdout).toBe('')
    const nowhere = await run(['check', '-o', 'missing/report.txt'], {cwd})
    expect(nowhere.code).toBe(2)
    expect(nowhere.stderr).toContain('missing/report.txt: cannot write the report (ENOENT)')
  })

  it('checks every file that globs match and every path given', async () => {
    const cwd = tempDir()
    write(cwd, {
      'logs/a.md': fixture('clean.md'),
      'logs/b.md': fixture('team.md'),
      'logs/notes.txt': 'not markdown',
    })
    const result = await run(['check', 'logs/*.md'], {cwd})
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('logs/a.md: no issues found')
    expect(result.stdout).toMatch(/^logs\/b\.md$/m)
    const both = await run(['check', 'logs/a.md', 'logs/b.md'], {cwd})
    expect(both.stdout).toBe(result.stdout)
  })

  it('exits 2 when globs match no file', async () => {
    const result = await run(['check', 'logs/*.md'], {cwd: tempDir()})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'session-log: logs/*.md: matches no file that is not ignored; check the paths and globs, and .session-logignore\n',
    )
  })

  it('reports the logs it could read and exits 2 for the one it could not', async () => {
    const cwd = logDir('team.md')
    const result = await run(['check', 'SESSION_LOG.md', 'missing.md'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stdout).toContain('field-date')
    expect(result.stderr).toBe(
      'session-log: missing.md: does not exist; check the path, or start a log with `session-log init`\n',
    )
  })
})

describe.concurrent('session-log usage', () => {
  it('prints its help with --help, also after a command', async () => {
    const cwd = tempDir()
    const result = await run(['--help'], {cwd})
    expect(result.code).toBe(0)
    expectGolden('help.txt', result.stdout)
    expect((await run(['-h'], {cwd})).stdout).toBe(result.stdout)
    expect((await run(['check', '--help'], {cwd})).stdout).toBe(result.stdout)
    expect((await run(['new', '-h'], {cwd})).stdout).toBe(result.stdout)
    // Both READMEs show it as it is.
    for (const readme of ['../README.md', '../../../README.md']) {
      const text = readFileSync(new URL(readme, import.meta.url), 'utf8')
      expect(text).toContain(`\`\`\`text\n${result.stdout}\`\`\``)
    }
  })

  it('shows real output in its README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    for (const golden of ['stylish.txt', 'fix.txt']) {
      const output = readFileSync(new URL(`golden/${golden}`, import.meta.url), 'utf8')
      expect(readme).toContain(
        `\`\`\`text\n${golden === 'stylish.txt' ? '$ session-log check SESSION_LOG.md archive/2024.md\n' : ''}${output}\`\`\``,
      )
    }
  })

  it('prints the package version with --version', async () => {
    const {version} = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as {version: string}
    const result = await run(['--version'], {cwd: tempDir()})
    expect(result).toEqual({code: 0, stdout: `${version}\n`, stderr: ''})
    expect((await run(['-v'], {cwd: tempDir()})).stdout).toBe(`${version}\n`)
  })

  it.each([
    [[], 'no command; run `session-log check` or see `session-log --help`'],
    [['lint'], 'unknown command "lint"; commands: check, fix, new, init, stats, migrate'],
    [['check', '--frail'], 'unknown option --frail; see `session-log --help`'],
    [
      ['check', '--formt', 'json'],
      'unknown option --formt; did you mean --format? see `session-log --help`',
    ],
    [
      ['check', '--no-colr'],
      'unknown option --no-colr; did you mean --no-color? see `session-log --help`',
    ],
    [
      ['new', '--title', 'X', '--mode', 'C'],
      '--mode C: "Mode" is "C"; write "A" or "B (Heartbeat k of N)"',
    ],
    [['check', '--format'], 'option --format needs a value; see `session-log --help`'],
    [['check', '--format', 'xml'], '--format xml: use one of stylish, json, github, sarif'],
    [['check', '--fix', '--fix-dry-run'], 'use either --fix or --fix-dry-run, not both'],
    [['init', 'a.md', 'b.md'], 'init takes one file, not 2'],
    [['new', '--fix'], 'unknown option --fix; see `session-log --help`'],
  ])('exits 2 on the usage %j', async (args, message) => {
    const result = await run(args, {cwd: logDir('clean.md')})
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`session-log: ${message}\n`)
  })
})

function hasScript(): boolean {
  return spawnSync('script', ['--version']).status === 0
}

/** Runs the CLI with a pseudo-terminal as its standard output (util-linux `script`). */
function onTerminal(args: string[], cwd: string, env: Record<string, string>): string {
  const command = [process.execPath, bin, ...args].map((arg) => `'${arg}'`).join(' ')
  const clean: Record<string, string | undefined> = {...process.env, ...env}
  if (!('NO_COLOR' in env)) delete clean.NO_COLOR
  delete clean.FORCE_COLOR
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd,
    env: clean as NodeJS.ProcessEnv,
    encoding: 'utf8',
  })
  expect(existsSync(cwd)).toBe(true)
  return result.stdout
}
