// `session-log/project` tells other programs (the language server) what the command
// applies to a log; these tests hold it to what the built command really does.
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {projectSettings} from '../src/project.js'
import {fixture, run, tempDir, write} from './cli.js'

const broken = fixture('team.md').replace('### Learnings', '### learnings')

/** The logs of `dir` that `session-log check` checks when asked for every log. */
async function checkedByCommand(dir: string): Promise<string[]> {
  const result = await run(['check', '-f', 'json', '**/SESSION_LOG.md'], {cwd: dir})
  expect(result.code, result.stderr).toBe(1)
  const findings = JSON.parse(result.stdout) as Array<{file: string}>
  return [...new Set(findings.map((finding) => finding.file))].sort()
}

describe('projectSettings', () => {
  it.each([
    ['a folder', {'.session-logignore': 'archive/\n'}],
    ['a glob, and a negation', {'.session-logignore': '**/SESSION_LOG.md\n!keep/SESSION_LOG.md\n'}],
    [
      'the nearest ignore file alone',
      {'.session-logignore': 'archive/\n', 'archive/.session-logignore': 'old/\n'},
    ],
  ])('ignores what the command ignores: %s', async (_name, ignoreFiles) => {
    const dir = tempDir()
    const logs = [
      'SESSION_LOG.md',
      'keep/SESSION_LOG.md',
      'archive/SESSION_LOG.md',
      'archive/old/SESSION_LOG.md',
    ]
    write(dir, {
      '.session-logrc.json': '{}',
      ...ignoreFiles,
      ...Object.fromEntries(logs.map((log) => [log, broken])),
    })
    const kept: string[] = []
    for (const log of logs) {
      if (!(await projectSettings(join(dir, log))).ignored) kept.push(log)
    }
    expect(kept.length).toBeLessThan(logs.length)
    expect(kept.sort()).toEqual(await checkedByCommand(dir))
  })

  it('reads the settings of the nearest config file, in any format the command reads', async () => {
    const dir = tempDir()
    write(dir, {
      '.session-logrc.json': '{"rules": {"placeholder": "off"}}',
      'team/.session-logrc.yaml': 'template: ../templates/ours.md\nrules:\n  kill-switch: warn\n',
      'team/SESSION_LOG.md': '',
    })
    expect(await projectSettings(join(dir, 'team', 'SESSION_LOG.md'))).toEqual({
      settings: {template: join(dir, 'templates', 'ours.md'), rules: {'kill-switch': 'warn'}},
      ignored: false,
    })
    expect((await projectSettings(join(dir, 'SESSION_LOG.md'))).settings).toEqual({
      rules: {placeholder: 'off'},
    })
  })

  it('names the config file that cannot be used', async () => {
    const dir = tempDir()
    write(dir, {'.session-logrc.json': '{"rules": {"no-such-rule": "off"}}'})
    await expect(projectSettings(join(dir, 'SESSION_LOG.md'))).rejects.toThrow(
      /cannot use the settings in [^:]*\.session-logrc\.json: unknown rule "no-such-rule"/,
    )
  })
})
