// The GitHub Action as the runner starts it: `node <runs.main>` with its inputs in INPUT_*
// variables, files for the summary and the outputs, in a workspace.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const actionYml = readFileSync(join(root, 'action.yml'), 'utf8')
const docs =
  'https://github.com/remark-session-log/remark-session-log/tree/main/packages/remark-session-log'

/** The inputs of action.yml with their defaults, as the runner passes them. */
function defaults(): Record<string, string> {
  const section = /^inputs:\n([^]*?)^\S/m.exec(actionYml)?.[1] ?? ''
  const inputs: Record<string, string> = {}
  let name = ''
  for (const line of section.split('\n')) {
    const start = /^ {2}([\w-]+):$/.exec(line)
    if (start) name = start[1]!
    const value = /^ {4}default: (.*)$/.exec(line)?.[1]
    if (value !== undefined) inputs[name] = value.replace(/^'(.*)'$/, '$1')
  }
  return inputs
}

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'session-log-action-'))
  made.push(dir)
  return dir
}

interface Ran {
  code: number | null
  stdout: string
  stderr: string
  summary: string
  outputs: string
}

/** Runs the action in a workspace holding `files`. */
function action(
  files: Record<string, string>,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  workspace = tempDir(),
): Ran {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), {recursive: true})
    writeFileSync(join(workspace, path), text)
  }
  const runner = tempDir()
  const summaryFile = join(runner, 'step_summary')
  const outputFile = join(runner, 'output')
  writeFileSync(summaryFile, '')
  writeFileSync(outputFile, '')
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(GITHUB_|INPUT_|RUNNER_)/.test(key)),
  )
  const given = {...defaults(), ...inputs}
  const main = /^ {2}main: (.+)$/m.exec(actionYml)![1]!
  const result = spawnSync(process.execPath, [join(root, main)], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      ...clean,
      ...Object.fromEntries(
        Object.entries(given).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
      ),
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_OUTPUT: outputFile,
      ...env,
    },
  })
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    outputs: readFileSync(outputFile, 'utf8'),
  }
}

const valid = readFileSync(join(root, 'fixtures/valid/checkout-team-twelve-entries.md'), 'utf8')

/** The summary's findings, without the stats section that follows them (input `stats`). */
function findingsOf(summary: string): string {
  const stats = summary.indexOf('\n### Session log stats\n')
  return stats === -1 ? summary : summary.slice(0, stats)
}

/** The valid log with its first `count` Kill Switch headings misspelt (errors). */
function badHeadings(text: string, count: number): string {
  let left = count
  return text.replace(/### Kill Switch/g, (heading) => (left-- > 0 ? '### Kill switch' : heading))
}

/** The valid log with its first `count` kept-line counts estimated (warnings). */
function estimates(text: string, count: number): string {
  let left = count
  return text.replace(/\| Lines kept after review \| (\d+) \|/g, (row, n: string) =>
    left-- > 0 ? `| Lines kept after review | ~${n} |` : row,
  )
}

describe.concurrent('the GitHub Action', () => {
  it('declares its inputs, outputs and the committed bundle it runs', () => {
    expect(Object.keys(defaults())).toEqual([
      'files',
      'template',
      'fail-on',
      'fix',
      'allow-js-config',
      'since',
      'stats',
    ])
    expect(defaults()).toMatchObject({
      'fail-on': 'error',
      fix: 'false',
      'allow-js-config': 'false',
      stats: 'true',
    })
    expect(actionYml).toMatch(/^outputs:\n {2}errors:\n[^]*^ {2}warnings:\n/m)
    expect(actionYml).toMatch(/^runs:\n {2}using: node20\n {2}main: dist-bundle\/action\.mjs\n/m)
  })

  it('annotates each finding and summarizes them with links', () => {
    const ran = action(
      {'SESSION_LOG.md': estimates(badHeadings(valid, 1), 1)},
      {},
      {
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'octo/shop',
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      },
    )
    expect(ran.stdout).toBe(
      [
        `::error file=SESSION_LOG.md,line=51,endLine=51,col=1,endColumn=16,title=section-heading::Heading "### Kill switch" should read "### Kill Switch"%0ASee ${docs}#section-heading`,
        `::warning file=SESSION_LOG.md,line=78,endLine=78,col=29,endColumn=33,title=metric-estimate::"Lines kept after review" is "~115", an estimate; write the counted number%0ASee ${docs}#metric-estimate`,
        'session-log: 1 error, 1 warning in 1 log',
        '',
      ].join('\n'),
    )
    expect(ran.stderr).toBe('')
    const blob = 'https://github.com/octo/shop/blob/0123456789abcdef0123456789abcdef01234567'
    expect(findingsOf(ran.summary)).toBe(
      [
        '## Session logs',
        '',
        '1 error and 1 warning in 1 log.',
        '',
        '### SESSION\\_LOG.md',
        '',
        '| Line | Severity | Rule | Finding |',
        '| --: | --- | --- | --- |',
        `| [51](${blob}/SESSION_LOG.md#L51) | error | [section-heading](${docs}#section-heading) | Heading "\\#\\#\\# Kill switch" should read "\\#\\#\\# Kill Switch" |`,
        `| [78](${blob}/SESSION_LOG.md#L78) | warning | [metric-estimate](${docs}#metric-estimate) | "Lines kept after review" is "\\~115", an estimate; write the counted number |`,
        '',
      ].join('\n'),
    )
    expect(ran.outputs).toBe('errors=1\nwarnings=1\n')
    expect(ran.code).toBe(1)
  })

  it('links a log whose path holds parentheses without ending the link early', () => {
    const ran = action(
      {'notes (old)/SESSION_LOG.md': badHeadings(valid, 1)},
      {files: 'notes (old)/SESSION_LOG.md'},
      {
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'octo/shop',
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      },
    )
    expect(ran.summary).toContain(
      '/blob/0123456789abcdef0123456789abcdef01234567/notes%20%28old%29/SESSION_LOG.md#L51)',
    )
  })

  it('passes warnings unless fail-on is warning', () => {
    const files = {'SESSION_LOG.md': estimates(valid, 2)}
    const lenient = action(files)
    expect(lenient.code).toBe(0)
    expect(lenient.outputs).toBe('errors=0\nwarnings=2\n')
    expect(lenient.stdout.match(/^::warning /gm)).toHaveLength(2)
    const strict = action(files, {'fail-on': 'warning'})
    expect(strict.code).toBe(1)
    expect(strict.outputs).toBe('errors=0\nwarnings=2\n')
  })

  it('passes a clean log and says so in the summary', () => {
    const ran = action({'SESSION_LOG.md': valid, 'team/SESSION_LOG.md': valid})
    expect(ran.code).toBe(0)
    expect(ran.stdout).toBe('session-log: 0 errors, 0 warnings in 2 logs\n')
    expect(findingsOf(ran.summary)).toBe('## Session logs\n\nNo findings in 2 logs.\n')
    expect(ran.outputs).toBe('errors=0\nwarnings=0\n')
  })

  it('lists in the summary what GitHub does not show as annotations', () => {
    const ran = action({'SESSION_LOG.md': estimates(badHeadings(valid, 12), 11)})
    expect(ran.stdout.match(/^::error /gm)).toHaveLength(12)
    expect(ran.stdout.match(/^::warning /gm)).toHaveLength(11)
    expect(ran.summary).toContain(
      '\n\nGitHub shows the first 10 errors and 10 warnings of a step as annotations: 2 more errors and 1 more warning are listed only here.\n\n',
    )
    expect(ran.summary.match(/^\| \d+ \| error \|/gm)).toHaveLength(12)
    expect(ran.summary.match(/^\| \d+ \| warning \|/gm)).toHaveLength(11)
    expect(ran.outputs).toBe('errors=12\nwarnings=11\n')
  })

  it('fixes the logs when fix is true and reports what is left', () => {
    const workspace = tempDir()
    const ran = action({'SESSION_LOG.md': badHeadings(valid, 2)}, {fix: 'true'}, {}, workspace)
    expect(readFileSync(join(workspace, 'SESSION_LOG.md'), 'utf8')).toBe(valid)
    expect(ran.stdout).toBe('session-log: 0 errors, 0 warnings in 1 log\n')
    expect(findingsOf(ran.summary)).toBe(
      '## Session logs\n\nNo findings in 1 log.\n\nFixed 2 findings in SESSION\\_LOG.md (section-heading).\n',
    )
    expect(ran.code).toBe(0)
  })

  it('checks every log matching the files globs and a template given by path', () => {
    const template = readFileSync(
      join(root, 'packages/remark-session-log/templates/session-log.v0.2.md'),
      'utf8',
    )
    const ran = action(
      {
        'a/SESSION_LOG.md': badHeadings(valid, 1),
        'b/notes.md': valid,
        'c/SESSION_LOG.md': valid,
        'team-template.md': template,
      },
      {files: 'a/*.md\nb/notes.md\n', template: 'team-template.md'},
    )
    expect(ran.stdout).toMatch(/^::error file=a\/SESSION_LOG\.md,line=51,/m)
    expect(ran.stdout).toMatch(/ in 2 logs\n$/)
    expect(ran.code).toBe(1)
  })

  it('annotates a log it cannot read once, and checks the others', () => {
    const ran = action({
      'SESSION_LOG.md': badHeadings(valid, 1),
      'old/SESSION_LOG.md': 'binary\u0000data',
    })
    expect(ran.stdout.split('\n').filter((line) => line.startsWith('::'))).toEqual([
      expect.stringMatching(/^::error file=SESSION_LOG\.md,line=51,/),
      '::error file=old/SESSION_LOG.md::session-log: old/SESSION_LOG.md: is a binary file, not Markdown; pass the Markdown file of the log',
    ])
    expect(findingsOf(ran.summary)).toMatch(
      /\n### Not checked\n\n- old\/SESSION\\_LOG\.md: is a binary file, not Markdown; pass the Markdown file of the log\n$/,
    )
    expect(ran.outputs).toBe('errors=1\nwarnings=0\n')
    expect(ran.code).toBe(2)
  })

  it("adds the logs' figures to the summary, unless stats is false", () => {
    const ran = action({'SESSION_LOG.md': valid, 'team/SESSION_LOG.md': valid})
    const stats = ran.summary.slice(findingsOf(ran.summary).length)
    expect(stats).toMatch(/^\n### Session log stats\n\n24 entries in 2 logs\.\n/)
    // The two copies of the twelve-entry log: twice its 18h 20m and its 1,700 lines.
    expect(stats).toContain('| Session time | 36h 40m |')
    expect(stats).toContain('| Lines generated by AI | 3,400 |')
    expect(stats).toContain('#### By engineer')
    expect(stats).toContain('#### By month')
    expect(stats).not.toContain('#### By feature')
    const off = action({'SESSION_LOG.md': valid}, {stats: 'false'})
    expect(off.summary).toBe('## Session logs\n\nNo findings in 1 log.\n')
    const bad = action({'SESSION_LOG.md': valid}, {stats: 'yes'})
    expect(bad.stdout).toBe('::error::session-log: stats is "yes"; use true or false\n')
    expect(bad.code).toBe(2)
  })

  it('stops with one command for an input it cannot use', () => {
    const ran = action({'SESSION_LOG.md': valid}, {'fail-on': 'sometimes'})
    expect(ran.stdout).toBe('::error::session-log: fail-on is "sometimes"; use error or warning\n')
    expect(ran.outputs).toBe('')
    expect(ran.code).toBe(2)
  })

  describe('on a pull request', () => {
    /** A repository whose base commit has a log with an old error; HEAD adds an entry. */
    function pullRequest(newEntry: string) {
      const workspace = tempDir()
      const [header, ...rest] = badHeadings(valid, 12).split('\n---\n')
      const git = (...args: string[]) =>
        execFileSync('git', args, {cwd: workspace, encoding: 'utf8', stdio: 'pipe'}).trim()
      writeFileSync(join(workspace, 'SESSION_LOG.md'), [header, ...rest].join('\n---\n'))
      git('init', '--quiet', '--initial-branch=main')
      git('config', 'user.name', 'Test Engineer')
      git('config', 'user.email', 'engineer@example.com')
      git('add', '--all')
      git('commit', '--quiet', '-m', 'old log')
      const base = git('rev-parse', 'HEAD')
      writeFileSync(join(workspace, 'SESSION_LOG.md'), [header, newEntry, ...rest].join('\n---\n'))
      git('commit', '--quiet', '--all', '-m', 'a new entry')
      const event = join(tempDir(), 'event.json')
      writeFileSync(event, JSON.stringify({pull_request: {number: 7, base: {sha: base}}}))
      return {
        workspace,
        base,
        env: {GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event},
      }
    }

    // The newest entry of the log, renamed and one day newer, as a new session.
    const first = valid.split('\n---\n')[1]!
    const goodEntry = first
      .replace('## Session: Guest checkout: order confirmation page', '## Session: Receipts')
      .replace('**Date:** 2026-05-29', '**Date:** 2026-05-30')
      .replace('**Mode:** B (Heartbeat 5 of 5)', '**Mode:** A')

    it('checks only the entries the pull request changed, by default', () => {
      const pr = pullRequest(goodEntry)
      const ran = action({}, {}, pr.env, pr.workspace)
      expect(ran.stdout).toBe('session-log: 0 errors, 0 warnings in 1 log\n')
      expect(findingsOf(ran.summary)).toBe(
        [
          '## Session logs',
          '',
          'No findings in 1 log.',
          '',
          `Only entries changed since the pull request's base (${pr.base.slice(0, 7)}) are checked; the rules of the whole log (order, duplicates, header, footer) check all of it.`,
          '',
        ].join('\n'),
      )
      expect(ran.code).toBe(0)
    })

    it('reports a broken new entry, and every entry with since: all', () => {
      const pr = pullRequest(goodEntry.replace('### Kill Switch', '### Kill switch'))
      const changed = action({}, {}, pr.env, pr.workspace)
      expect(changed.outputs).toBe('errors=1\nwarnings=0\n')
      expect(changed.stdout).toMatch(/^::error file=SESSION_LOG\.md,line=51,/m)
      expect(changed.code).toBe(1)
      const all = action({}, {since: 'all'}, pr.env, pr.workspace)
      expect(all.outputs).toBe('errors=13\nwarnings=0\n')
    })

    it('fails clearly when the base commit cannot be had', () => {
      const pr = pullRequest(goodEntry)
      const event = join(tempDir(), 'event.json')
      const missing = 'f'.repeat(40)
      writeFileSync(event, JSON.stringify({pull_request: {base: {sha: missing}}}))
      const ran = action({}, {}, {...pr.env, GITHUB_EVENT_PATH: event}, pr.workspace)
      expect(ran.stdout).toBe(
        `::error::session-log: cannot fetch the pull request's base commit ${missing}; use actions/checkout with fetch-depth: 0, or set since: all\n`,
      )
      expect(ran.code).toBe(2)
    })
  })
})

/** What the runner reads as a command in a line: `::name ...::data` or `##[name ...]data`. */
interface Command {
  name: string
  properties: Record<string, string>
  data: string
}

// The runner reads lines split at CR, LF or CRLF; a line is a command when, leading
// spaces trimmed, it starts with "::" and has a second "::", or when it holds "##[" with a
// "]" after it anywhere (the older syntax).
function commandsIn(output: string): {commands: Command[]; stray: string[]} {
  const commands: Command[] = []
  const stray: string[] = []
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw.trimStart()
    const end = line.startsWith('::') ? line.indexOf('::', 2) : -1
    if (end >= 0) {
      const info = line.slice(2, end)
      const space = info.indexOf(' ')
      const name = space < 0 ? info : info.slice(0, space)
      const properties: Record<string, string> = {}
      if (space >= 0) {
        for (const pair of info.slice(space + 1).split(',')) {
          const at = pair.indexOf('=')
          if (at > 0) properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1))
        }
      }
      commands.push({name, properties, data: unescapeData(line.slice(end + 2))})
    } else if (/##\[[^]*\]/.test(line)) {
      stray.push(raw)
    }
  }
  return {commands, stray}
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

// Control characters other than the line feed: what a terminal or the runner acts on.
// eslint-disable-next-line no-control-regex -- these are what the test looks for
const controls = /[\x00-\x09\x0b-\x1f\x7f]/

describe('code in the repository', () => {
  // A settings script that leaves a mark when it runs, and turns a rule off.
  const script = (marker: string) =>
    `import {writeFileSync} from 'node:fs'\nwriteFileSync(${JSON.stringify(marker)}, process.env.GITHUB_TOKEN ?? 'ran')\nexport default {rules: {'section-heading': 'off'}}\n`
  const headingIds = (ran: Ran) =>
    ran.stdout.split('\n').filter((line) => line.includes('title=section-heading')).length

  it('is not run by default: the action says so once and applies the other settings', () => {
    const workspace = tempDir()
    const marker = join(tempDir(), 'ran')
    const ran = action(
      {
        'SESSION_LOG.md': badHeadings(valid, 2),
        'docs/SESSION_LOG.md': badHeadings(valid, 1),
        '.session-logrc.mjs': script(marker),
        'docs/.session-logrc.yaml': 'rules:\n  footer: off\n',
      },
      {},
      {GITHUB_TOKEN: 'secret-token'},
      workspace,
    )
    expect(existsSync(marker)).toBe(false)
    const notices = ran.stdout.split('\n').filter((line) => line.startsWith('::notice'))
    expect(notices).toEqual([
      "::notice file=.session-logrc.mjs::session-log did not load .session-logrc.mjs: a JavaScript settings file runs the repository's code, which on a pull request its author writes. The other settings apply; set the input allow-js-config: true to load it where that code is trusted.",
    ])
    expect(headingIds(ran)).toBe(3)
    expect(ran.code).toBe(1)
  })

  it('is run with allow-js-config: true, and its settings apply', () => {
    const marker = join(tempDir(), 'ran')
    const ran = action(
      {'SESSION_LOG.md': badHeadings(valid, 2), '.session-logrc.mjs': script(marker)},
      {'allow-js-config': 'true'},
    )
    expect(readFileSync(marker, 'utf8')).toBe('ran')
    expect(ran.stdout).not.toMatch(/::notice/)
    expect(headingIds(ran)).toBe(0)
    expect(ran.code).toBe(0)
  })

  it('refuses a template path from settings that leaves the workspace', () => {
    const outside = tempDir()
    writeFileSync(
      join(outside, 'template.md'),
      readFileSync(join(root, 'fixtures/templates/pairing-log.template.md')),
    )
    const workspace = tempDir()
    const ran = action(
      {
        'SESSION_LOG.md': valid,
        '.session-logrc.json': JSON.stringify({
          template: `${'../'.repeat(12)}${outside.slice(1)}/template.md`,
        }),
        'other/SESSION_LOG.md': valid,
        'other/.session-logrc.json': JSON.stringify({
          template: '../../../../../../../../../etc/passwd',
        }),
      },
      {},
      {},
      workspace,
    )
    const errors = ran.stdout.split('\n').filter((line) => line.startsWith('::error'))
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(
      /^::error file=SESSION_LOG\.md::session-log: SESSION_LOG\.md: its settings name the template .*template\.md, which is outside the repository; keep template files inside the repository$/,
    )
    expect(errors[1]).toMatch(
      /^::error file=other\/SESSION_LOG\.md::.*\/etc\/passwd, which is outside the repository/,
    )
    expect(ran.code).toBe(2)
  })

  it('is not run by session-log --no-js-config, which says so', () => {
    const workspace = tempDir()
    const marker = join(tempDir(), 'ran')
    writeFileSync(join(workspace, 'SESSION_LOG.md'), valid)
    writeFileSync(
      join(workspace, '.session-logrc.cjs'),
      script(marker)
        .replace(/^import .*$/m, "const {writeFileSync} = require('node:fs')")
        .replace('export default', 'module.exports ='),
    )
    const cli = join(root, 'packages/session-log/bin/session-log.js')
    const off = spawnSync(process.execPath, [cli, 'check', '--no-js-config'], {
      cwd: workspace,
      encoding: 'utf8',
    })
    expect(existsSync(marker)).toBe(false)
    expect(off.stderr).toBe(
      'session-log: did not load .session-logrc.cjs (--no-js-config): JavaScript settings run code; the other settings apply\n',
    )
    expect(off.status).toBe(0)
    spawnSync(process.execPath, [cli, 'check'], {cwd: workspace, encoding: 'utf8'})
    expect(existsSync(marker)).toBe(true)
  })
})

describe('workflow command injection', () => {
  const payload = '::error::owned%0A::stop-commands::tok ##[warning]x \x1b[31mred'
  // Entry titles, field values and a folder name carrying command syntax, escapes, raw
  // CR and LF and an ANSI escape.
  const hostile = (() => {
    const [header, first, second, ...rest] = valid.split('\n---\n')
    const evil = (entry: string, title: string) =>
      entry.replace(/^## Session: .*$/m, `## Session: ${title}`)
    const entries = [
      // Twice the same: a duplicate entry, whose message quotes the title.
      evil(first!, payload),
      evil(first!, payload),
      evil(second!, '::stop-commands::pause').replace(
        /\*\*Date:\*\* .*/,
        `**Date:** 2026-05-27 ::warning::%0D%0A\rx\x1b]0;title\x07`,
      ),
      ...rest.slice(0, -1),
    ]
    return [header, ...entries, rest.at(-1)].join('\n---\n')
  })()
  const folder = 'team\n::error file=x::y,\r%0A'

  it('holds exactly one command per finding and nothing else the runner would read', () => {
    const ran = action({'SESSION_LOG.md': hostile, [`${folder}/SESSION_LOG.md`]: hostile})
    const errors = Number(/^errors=(\d+)$/m.exec(ran.outputs)?.[1])
    const warnings = Number(/^warnings=(\d+)$/m.exec(ran.outputs)?.[1])
    expect(errors).toBeGreaterThan(2)

    const {commands, stray} = commandsIn(`${ran.stdout}\n${ran.stderr}`)
    expect(stray).toEqual([])
    expect(commands).toHaveLength(errors + warnings)
    expect(commands.filter((command) => command.name === 'error')).toHaveLength(errors)
    expect(commands.filter((command) => command.name === 'warning')).toHaveLength(warnings)
    const files = new Set(commands.map((command) => command.properties.file))
    expect(files).toEqual(
      new Set([
        'SESSION_LOG.md',
        `${folder}/SESSION_LOG.md`.replace(/[\r\n]/g, (char) =>
          char === '\r' ? '\\x0d' : '\\x0a',
        ),
      ]),
    )
    for (const command of commands) {
      expect(Object.keys(command.properties)).toEqual(
        expect.arrayContaining(['file', 'line', 'endLine', 'title']),
      )
      // The message reaches the annotation whole, with its control characters shown.
      expect(command.data).toMatch(/\nSee https:\/\/github\.com\/\S+#[a-z-]+$/)
      expect(command.data).not.toMatch(controls)
    }
    const quoted = commands.filter((command) => command.data.includes('::stop-commands::'))
    expect(quoted.length).toBeGreaterThan(0)
    expect(commands.some((command) => command.data.includes('\\x1b[31m'))).toBe(true)

    // The summary shows the same text as Markdown that renders it literally.
    expect(ran.summary).not.toMatch(controls)
    expect(ran.summary).not.toMatch(/(^|[^\\])[<>]/m)
    expect(ran.summary).toContain(
      '"::error::owned%0A::stop-commands::tok \\#\\#\\[warning\\]x \\\\x1b\\[31mred"',
    )
  })
})
