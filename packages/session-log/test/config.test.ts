import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {fixture, fixtures, logDir, run, tempDir, write} from './cli.js'

const team = fixture('team.md')

/** The rule ids a check reports, from the json format. */
async function ruleIds(cwd: string, args: string[] = []): Promise<string[]> {
  const result = await run(['check', '--format', 'json', ...args], {cwd})
  expect(result.stderr).toBe('')
  return (JSON.parse(result.stdout) as Array<{ruleId: string; severity: string}>).map(
    (finding) => `${finding.ruleId}:${finding.severity}`,
  )
}

const all = ['section-heading:error', 'metric-estimate:warn', 'field-date:error']

describe.concurrent('settings files', () => {
  it.each([
    ['.session-logrc', JSON.stringify({rules: {'field-date': 'off'}})],
    ['.session-logrc.json', JSON.stringify({rules: {'field-date': 'off'}})],
    ['.session-logrc.yaml', 'rules:\n  field-date: "off"\n'],
    ['.session-logrc.yml', 'rules:\n  field-date: "off"\n'],
    ['.session-logrc.mjs', "export default {rules: {'field-date': 'off'}}\n"],
    ['.session-logrc.cjs', "module.exports = {rules: {'field-date': 'off'}}\n"],
    ['package.json', JSON.stringify({name: 'team', sessionLog: {rules: {'field-date': 'off'}}})],
  ])('reads %s', async (name, content) => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': team, [name]: content})
    expect(await ruleIds(cwd)).toEqual(['section-heading:error', 'metric-estimate:warn'])
  })

  it('ignores a package.json without the sessionLog key', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': team, 'package.json': '{"name": "team"}'})
    expect(await ruleIds(cwd)).toEqual(all)
  })

  it('uses the nearest settings above each log', async () => {
    const cwd = tempDir()
    write(cwd, {
      '.session-logrc.json': JSON.stringify({rules: {'field-date': 'off'}}),
      'SESSION_LOG.md': team,
      'mobile/.session-logrc.json': JSON.stringify({rules: {'metric-estimate': 'error'}}),
      'mobile/SESSION_LOG.md': team,
    })
    const result = await run(['check', '-f', 'json', '**/SESSION_LOG.md'], {cwd})
    const found = (
      JSON.parse(result.stdout) as Array<{file: string; ruleId: string; severity: string}>
    ).map((finding) => `${finding.file} ${finding.ruleId}:${finding.severity}`)
    expect(found).toEqual([
      'SESSION_LOG.md section-heading:error',
      'SESSION_LOG.md metric-estimate:warn',
      'mobile/SESSION_LOG.md section-heading:error',
      'mobile/SESSION_LOG.md metric-estimate:error',
      'mobile/SESSION_LOG.md field-date:error',
    ])
  })

  it('lets flags override the settings file', async () => {
    const cwd = tempDir()
    write(cwd, {
      'SESSION_LOG.md': team,
      '.session-logrc.json': JSON.stringify({
        rules: {'field-date': 'off', 'metric-estimate': 'off'},
      }),
    })
    expect(await ruleIds(cwd, ['--rule', 'field-date=warn'])).toEqual([
      'section-heading:error',
      'field-date:warn',
    ])
  })

  it('reads a template path relative to the settings file', async () => {
    const cwd = tempDir()
    write(cwd, {
      '.session-logrc.json': JSON.stringify({template: 'templates/team.md'}),
      'templates/team.md': fixture('reviewer-template.md'),
      'logs/SESSION_LOG.md': fixture('clean.md'),
    })
    const result = await run(['check', 'logs/SESSION_LOG.md'], {cwd})
    expect(result.stdout).toContain('"**Reviewer:**"')
    expect(
      (await run(['check', 'logs/SESSION_LOG.md', '--template', 'session-log.v0.2'], {cwd})).code,
    ).toBe(0)
  })

  it('takes thresholds', async () => {
    const cwd = tempDir()
    const bigger = fixture('clean.md').replace(
      '| Lines written manually | 40 |',
      '| Lines written manually | 240 |',
    )
    write(cwd, {'SESSION_LOG.md': bigger})
    expect(await ruleIds(cwd)).toEqual(['heartbeat-budget:warn'])
    write(cwd, {'.session-logrc.json': JSON.stringify({maxLines: 500})})
    expect(await ruleIds(cwd)).toEqual([])
  })

  it.each([
    ['.session-logrc.json', '{"rules": {', 'cannot use the settings in .session-logrc.json: '],
    [
      '.session-logrc.json',
      '{"rule": {}}',
      'cannot use the settings in .session-logrc.json: unknown setting "rule"; known settings: template, rules, ',
    ],
    [
      '.session-logrc.json',
      '{"rules": {"field-date": "loud"}}',
      'cannot use the settings in .session-logrc.json: rule "field-date" is set to "loud"; use off, warn or error',
    ],
    [
      '.session-logrc.json',
      '{"rules": {"no-such-rule": "off"}}',
      'cannot use the settings in .session-logrc.json: unknown rule "no-such-rule"; known rules: ',
    ],
    [
      '.session-logrc.yaml',
      'maxLines: lots\n',
      'cannot use the settings in .session-logrc.yaml: "maxLines" must be a number of 0 or more',
    ],
    [
      '.session-logrc.json',
      '[]',
      'cannot use the settings in .session-logrc.json: expected an object of settings',
    ],
  ])('refuses %s holding %s', async (name, content, message) => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': team, [name]: content})
    for (const args of [['check'], ['new', '--title', 'x', '--dry-run'], ['init', 'OTHER.md']]) {
      const result = await run(args, {cwd})
      expect(result.code).toBe(2)
      expect(result.stderr.split('\n')).toHaveLength(2)
      expect(result.stderr).toContain(message)
      expect(result.stderr).toMatch(/; correct that file \(see `session-log --help`\)\n$/)
    }
  })

  it('skips what .session-logignore lists', async () => {
    const cwd = tempDir()
    write(cwd, {
      '.session-logignore': 'archive/\n',
      'SESSION_LOG.md': fixture('clean.md'),
      'archive/SESSION_LOG.md': team,
    })
    const result = await run(['check', '**/*.md'], {cwd})
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('SESSION_LOG.md: no issues found\n')
    const only = await run(['check', 'archive/*.md'], {cwd})
    expect(only.code).toBe(2)
    expect(only.stderr).toContain('archive/*.md: matches no file that is not ignored')
  })

  it('is read by new and init too', async () => {
    const cwd = tempDir()
    write(cwd, {
      '.session-logrc.json': JSON.stringify({template: join(fixtures, 'reviewer-template.md')}),
    })
    expect((await run(['init'], {cwd})).code).toBe(0)
    const entry = await run(['new', '--title', 'x', '--dry-run'], {cwd})
    expect(entry.stdout).toContain('**Reviewer:** [name]\n')
  })
})

describe.concurrent('settings as people write them', () => {
  it('takes "warning" for warn, in a settings file and with --rule', async () => {
    const cwd = logDir('team.md')
    write(cwd, {'.session-logrc.json': JSON.stringify({rules: {'field-date': 'warning'}})})
    expect(await ruleIds(cwd)).toEqual([
      'section-heading:error',
      'metric-estimate:warn',
      'field-date:warn',
    ])
    expect(await ruleIds(cwd, ['--rule', 'section-heading=warning'])).toEqual([
      'section-heading:warn',
      'metric-estimate:warn',
      'field-date:warn',
    ])
  })

  it('quotes the line a YAML settings file breaks on', async () => {
    const cwd = logDir('team.md')
    write(cwd, {'.session-logrc.yaml': 'rules:\n  footer: [off\n'})
    const result = await run(['check'], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'session-log: SESSION_LOG.md: cannot use the settings in .session-logrc.yaml: Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1: "footer: [off"; correct that file (see `session-log --help`)\n',
    )
  })

  it('prints an object naming the error with -f json, never a clean-looking []', async () => {
    const cwd = logDir('team.md')
    write(cwd, {'.session-logrc.json': '{"rules": {"footer": "loud"}}'})
    const result = await run(['check', '-f', 'json'], {cwd})
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout)).toEqual({
      errors: [
        {
          file: 'SESSION_LOG.md',
          message:
            'SESSION_LOG.md: cannot use the settings in .session-logrc.json: rule "footer" is set to "loud"; use off, warn or error; correct that file (see `session-log --help`)',
        },
      ],
      findings: [],
    })
  })
})
