import {describe, expect, it} from 'vitest'
import {rules as allRules} from 'remark-session-log'
import {expectGolden, fixture, run, tempDir, write} from './cli.js'
import {sarifValidator} from './sarif-schema.js'

/** Two logs: one with two errors (one fixable) and a warning, one clean. */
function twoLogs(): string {
  const cwd = tempDir()
  write(cwd, {'SESSION_LOG.md': fixture('team.md'), 'archive/2024.md': fixture('clean.md')})
  return cwd
}

const args = ['check', 'SESSION_LOG.md', 'archive/2024.md']

// A date field that quotes control characters back: an ANSI colour, a bidi override,
// a backspace and DEL. The file names carry a line break and a fake workflow command.
const hostileDate = '2025-0\u001b[31m1-1\u202e5\b\u007f'
const hostileName = 'evil\n::error file=x::pwned, 100% :.md'

function hostileLogs(): string {
  const cwd = tempDir()
  const text = fixture('clean.md').replace('**Date:** 2025-03-14', `**Date:** ${hostileDate}`)
  write(cwd, {'SESSION_LOG.md': text, [hostileName]: fixture('team.md')})
  return cwd
}

/** A control character other than the line feed, or the bidi override of the log. */
const unsafe = /[^\P{Cc}\n]|\u202e/u

describe.concurrent('reporters', () => {
  it('stylish: vfile-reporter, one block per log', async () => {
    const result = await run(args, {cwd: twoLogs()})
    expect(result.code).toBe(1)
    expectGolden('stylish.txt', result.stdout)
  })

  it('json: one record per finding in the documented schema', async () => {
    const result = await run([...args, '--format', 'json'], {cwd: twoLogs()})
    expect(result.code).toBe(1)
    expectGolden('report.json', result.stdout)
    const records = JSON.parse(result.stdout) as Array<Record<string, unknown>>
    expect(records).toHaveLength(3)
    for (const record of records) {
      expect(Object.keys(record)).toEqual([
        'file',
        'ruleId',
        'severity',
        'line',
        'column',
        'endLine',
        'endColumn',
        'message',
        'url',
        'fixable',
      ])
    }
    expect(records.map((record) => [record.ruleId, record.fixable])).toEqual([
      ['section-heading', true],
      ['metric-estimate', false],
      ['field-date', false],
    ])
  })

  it('github: one workflow command per finding', async () => {
    const result = await run([...args, '--format', 'github'], {cwd: twoLogs()})
    expect(result.code).toBe(1)
    expectGolden('github.txt', result.stdout)
  })

  it('sarif: valid SARIF 2.1.0 with rule metadata and help links', async () => {
    const result = await run([...args, '--format', 'sarif'], {cwd: twoLogs()})
    expect(result.code).toBe(1)
    expectGolden('report.sarif', result.stdout)
    const log = JSON.parse(result.stdout) as SarifLog
    expect(sarifValidator(log), JSON.stringify(sarifValidator.errors)).toBe(true)
    // The schema is really applied: a run without its tool is refused.
    expect(sarifValidator({version: '2.1.0', runs: [{results: []}]})).toBe(false)
    const run0 = log.runs[0]!
    const rules = run0.tool.driver.rules
    expect(rules.map((rule) => rule.id)).toEqual(
      ['section-heading', 'metric-estimate', 'field-date'].sort(byRuleOrder),
    )
    for (const rule of rules) expect(rule.helpUri).toMatch(new RegExp(`^https://.+#${rule.id}$`))
    expect(run0.results.map((r) => [r.ruleId, rules[r.ruleIndex]?.id, r.level])).toEqual([
      ['section-heading', 'section-heading', 'error'],
      ['metric-estimate', 'metric-estimate', 'warning'],
      ['field-date', 'field-date', 'error'],
    ])
  })

  it('sarif: a log that cannot be read is a notification of a failed run', async () => {
    const cwd = twoLogs()
    const result = await run(['check', 'SESSION_LOG.md', 'missing.md', '--format', 'sarif'], {cwd})
    expect(result.code).toBe(2)
    const log = JSON.parse(result.stdout) as SarifLog
    expect(sarifValidator(log), JSON.stringify(sarifValidator.errors)).toBe(true)
    expect(log.runs[0]?.invocations?.[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [
        {level: 'error', message: {text: expect.stringContaining('missing.md: does not exist')}},
      ],
    })
  })
})

describe.concurrent('text from a log is neutralised in every format', () => {
  const cwd = hostileLogs()

  it('stylish shows control characters as escapes', async () => {
    const {stdout, code} = await run(['check', 'SESSION_LOG.md', hostileName], {cwd})
    expect(code).toBe(1)
    expect(stdout).not.toMatch(unsafe)
    expect(stdout).toContain('2025-0\\x1b[31m1-1\\u202e5\\x08\\x7f')
    expect(stdout).toContain('evil\\x0a::error file=x::pwned, 100% :.md')
  })

  it('json stays valid and keeps the text exactly', async () => {
    const {stdout} = await run(['check', 'SESSION_LOG.md', hostileName, '-f', 'json'], {cwd})
    expect(stdout).not.toMatch(unsafe)
    const records = JSON.parse(stdout) as Array<{file: string; message: string}>
    expect(records.some((record) => record.message.includes(hostileDate))).toBe(true)
    expect(records.some((record) => record.file === hostileName)).toBe(true)
  })

  it('github: nothing in a log or a file name starts a command of its own', async () => {
    const {stdout} = await run(['check', 'SESSION_LOG.md', hostileName, '-f', 'github'], {cwd})
    const {stdout: json} = await run(['check', 'SESSION_LOG.md', hostileName, '-f', 'json'], {cwd})
    const lines = stdout.split('\n').slice(0, -1)
    expect(lines).toHaveLength((JSON.parse(json) as unknown[]).length)
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,:]*,line=\d+,/)
    expect(stdout).not.toMatch(unsafe)
    expect(stdout).toContain('file=evil\\x0a%3A%3Aerror file=x%3A%3Apwned%2C 100%25 %3A.md,')
    expect(stdout).toContain('2025-0\\x1b[31m1-1\\u202e5\\x08\\x7f')
  })

  it('sarif stays valid', async () => {
    const {stdout} = await run(['check', 'SESSION_LOG.md', hostileName, '-f', 'sarif'], {cwd})
    expect(stdout).not.toMatch(unsafe)
    const log = JSON.parse(stdout) as SarifLog
    expect(sarifValidator(log), JSON.stringify(sarifValidator.errors)).toBe(true)
    const uris = log.runs[0]!.results.map(
      (result) => result.locations[0]?.physicalLocation.artifactLocation.uri,
    )
    expect(uris).toContain('evil%0A%3A%3Aerror%20file%3Dx%3A%3Apwned%2C%20100%25%20%3A.md')
  })
})

function byRuleOrder(a: string, b: string): number {
  const order = allRules.map((rule) => rule.id)
  return order.indexOf(a) - order.indexOf(b)
}

interface SarifLog {
  runs: Array<{
    tool: {driver: {rules: Array<{id: string; helpUri: string}>}}
    invocations: Array<Record<string, unknown>>
    results: Array<{
      ruleId: string
      ruleIndex: number
      level: string
      locations: Array<{physicalLocation: {artifactLocation: {uri: string}}}>
    }>
  }>
}
