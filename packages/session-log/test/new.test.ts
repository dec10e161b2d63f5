import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {userInfo} from 'node:os'
import {join} from 'node:path'
import {buildModel, lint, loadTemplate, type Finding} from 'remark-session-log'
import {describe, expect, it} from 'vitest'
import {bin, expectGolden, fixture, fixtures, logDir, run, tempDir, write} from './cli.js'

/** Rules about the shape of a log, which a new entry must not break. */
const structural = new Set([
  'document-title',
  'template-version',
  'footer',
  'entry-heading',
  'entry-separator',
  'duplicate-entry',
  'chronological-order',
  'required-field',
  'field-order',
  'section-heading',
  'required-section',
  'section-order',
  'checkbox-format',
  'checkbox-items',
  'table-columns',
  'metric-rows',
])

function structuralFindings(text: string): Finding[] {
  return lint(text).filter((finding) => structural.has(finding.ruleId))
}

function read(dir: string, name = 'SESSION_LOG.md'): string {
  return readFileSync(join(dir, name), 'utf8')
}

const values = ['--title', 'Rate limiter', '--date', '2026-01-02']

/** A log of `count` entries built from the clean fixture's first entry, newest first. */
function longLog(count: number): string {
  const clean = fixture('clean.md')
  const first = clean.indexOf('## Session:')
  const block = clean.slice(first, clean.indexOf('## Session:', first + 1))
  const entries = Array.from({length: count}, (_, index) => {
    const day = new Date(Date.UTC(2025, 11, 31) - index * 86_400_000).toISOString().slice(0, 10)
    return block
      .replace('Webhook retry queue', `Task number ${count - index}`)
      .replace('2025-03-14', day)
  })
  return clean.slice(0, first) + entries.join('') + clean.slice(clean.lastIndexOf('*(Copy'))
}

/** Checks that `after` is `before` with one insert at `at`, and returns the insert. */
function insertedAt(before: string, after: string, at: number): string {
  const inserted = after.slice(at, after.length - (before.length - at))
  expect(after.slice(0, at)).toBe(before.slice(0, at))
  expect(after.slice(at + inserted.length)).toBe(before.slice(at))
  return inserted
}

describe.concurrent('session-log new', () => {
  it('creates the log, header and footer included, in an empty folder', async () => {
    const cwd = tempDir()
    const result = await run(
      ['new', ...values, '--tool', 'Claude Code', '--feature', 'API', '--mode', 'A'],
      {cwd},
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      'SESSION_LOG.md: added "## Session: Rate limiter" at line 11; fill in its placeholders, `session-log check` lists them\n',
    )
    const text = read(cwd)
    expectGolden('new-empty.md', text)
    expect(structuralFindings(text)).toEqual([])
    const [entry] = buildModel(text, loadTemplate()).entries
    expect(entry?.fields.map((field) => [field.name.text, field.value.text])).toEqual([
      ['Date', '2026-01-02'],
      ['Engineer', 'Test Engineer'],
      ['Feature', 'API'],
      ['Heartbeat', '[e.g., T3 — Event Publisher]'],
      ['AI Tool', 'Claude Code'],
      ['Mode', 'A'],
    ])
  })

  it('inserts the entry above the only entry, taking its tool and feature', async () => {
    const cwd = logDir('one-entry.md')
    const before = read(cwd)
    expect((await run(['new', ...values], {cwd})).code).toBe(0)
    const after = read(cwd)
    const inserted = insertedAt(before, after, before.indexOf('## Session:'))
    expect(inserted).toMatch(/^## Session: Rate limiter\n[^]*\n---\n\n$/)
    expect(inserted).toContain('**AI Tool:** ChatGPT-4o (web, copy-paste)\n')
    expect(inserted).toContain('**Feature:** Invoice export\n')
    expect(structuralFindings(after)).toEqual(structuralFindings(before))
  })

  it('inserts the entry first in a log of 100 entries and leaves the rest byte-identical', async () => {
    const cwd = tempDir()
    const before = longLog(100)
    write(cwd, {'SESSION_LOG.md': before})
    expect((await run(['new', ...values], {cwd})).code).toBe(0)
    const after = read(cwd)
    const inserted = insertedAt(before, after, before.indexOf('## Session:'))
    expect(inserted.startsWith('## Session: Rate limiter\n')).toBe(true)
    const log = buildModel(after, loadTemplate())
    expect(log.entries).toHaveLength(101)
    expect(log.entries.map((entry) => entry.heading.name?.text).slice(0, 3)).toEqual([
      'Rate limiter',
      'Task number 100',
      'Task number 99',
    ])
    // Linting 100 entries twice more would only slow the suite: the model shows the shape.
    expect(log.entries[0]?.sections.map((section) => section.spec?.heading)).toEqual(
      loadTemplate().sections.map((section) => section.heading),
    )
  }, 120_000)

  it('inserts an entry of an older date where its date belongs, newest first', async () => {
    const cwd = logDir('clean.md')
    const run13 = await run(['new', '--title', 'Backfilled', '--date', '2025-03-13'], {cwd})
    expect(run13.code).toBe(0)
    const names = () =>
      buildModel(read(cwd), loadTemplate()).entries.map((entry) => entry.heading.name?.text)
    expect(names()).toEqual(['Webhook retry queue', 'Backfilled', 'Webhook signature check'])
    await run(['new', '--title', 'Oldest', '--date', '2024-01-01'], {cwd})
    expect(names().at(-1)).toBe('Oldest')
    const check = await run(['check', '-f', 'json'], {cwd})
    expect(check.stdout).not.toMatch(/chronological-order/)
  })

  it('keeps the BOM and CRLF line endings, changing only the inserted bytes', async () => {
    const cwd = tempDir()
    const before = '\uFEFF' + fixture('one-entry.md').replace(/\n/g, '\r\n')
    write(cwd, {'SESSION_LOG.md': before})
    await run(['new', ...values], {cwd})
    const after = read(cwd)
    const inserted = insertedAt(before, after, before.indexOf('## Session:'))
    expect(inserted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(after.startsWith('\uFEFF# Session Log\r\n')).toBe(true)
  })

  it('follows the template the log names in its header (0.3)', async () => {
    const cwd = logDir('heartbeat-v0.3.md')
    const before = read(cwd)
    const args = ['new', '--title', 'Rate limiter', '--date', '2026-06-01']
    expect((await run(args, {cwd})).code).toBe(0)
    const after = read(cwd)
    const inserted = insertedAt(before, after, before.indexOf('## Heartbeat:'))
    expect(inserted).toMatch(/^## Heartbeat: Rate limiter\n\n\*\*Date:\*\* 2026-06-01\n/)
    expect(inserted).toContain('\n**Task:** [e.g., T3 — Event Publisher]\n')
    expect(inserted).toContain('\n### Inputs Fed to AI\n')
    expect(structuralFindings(after)).toEqual(structuralFindings(before))
  })

  it('writes the bullets the log uses', async () => {
    const cwd = logDir('star-bullets.md')
    const before = read(cwd)
    // Newer than every entry, so that it goes on top.
    await run(['new', '--title', 'Rate limiter', '--date', '2026-09-01'], {cwd})
    const inserted = insertedAt(before, read(cwd), before.indexOf('## Session:'))
    expect(inserted).toContain('\n* [ ] project-context.md\n')
    expect(inserted).not.toMatch(/^- /m)
  })

  it('keeps the placeholders of values it does not know, so check points at them', async () => {
    const cwd = tempDir()
    await run(['new', '--title', 'Rate limiter'], {cwd})
    const text = read(cwd)
    expect(text).toContain('**AI Tool:** [e.g., Cursor + Claude Sonnet 4, ChatGPT-4o]\n')
    expect(text).toContain('**Mode:** A / B (Heartbeat # of N)\n')
    const check = await run(['check', '--format', 'json'], {cwd})
    const findings = JSON.parse(check.stdout) as Array<{ruleId: string; line: number}>
    const toolLine = text.split('\n').findIndex((line) => line.startsWith('**AI Tool:**')) + 1
    expect(findings.some((finding) => finding.line === toolLine)).toBe(true)
  })

  it('dates the entry today by default', async () => {
    const cwd = tempDir()
    const early = today()
    await run(['new', '--title', 'Rate limiter'], {cwd})
    const date = /\*\*Date:\*\* (\S+)/.exec(read(cwd))?.[1]
    expect([early, today()]).toContain(date)
  })

  it('takes the engineer from git, then from the user account', async () => {
    const cwd = tempDir()
    write(cwd, {'empty-gitconfig': ''})
    const fromGit = (await run(['new', ...values, '--dry-run'], {cwd})).stdout
    expect(fromGit).toContain('**Engineer:** Test Engineer\n')
    const fromUser = (
      await run(['new', ...values, '--dry-run'], {
        cwd,
        env: {GIT_CONFIG_GLOBAL: join(cwd, 'empty-gitconfig')},
      })
    ).stdout
    expect(fromUser).toContain(`**Engineer:** ${userInfo().username}\n`)
    const given = (await run(['new', ...values, '--engineer', 'Ana Lima', '--dry-run'], {cwd}))
      .stdout
    expect(given).toContain('**Engineer:** Ana Lima\n')
  })

  it('prints the entry with --dry-run and writes nothing', async () => {
    const cwd = logDir('one-entry.md')
    const before = read(cwd)
    const result = await run(['new', ...values, '--dry-run'], {cwd})
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^## Session: Rate limiter\n\n\*\*Date:\*\* 2026-01-02\n/)
    expect(result.stdout.endsWith('\n---\n')).toBe(true)
    expect(read(cwd)).toBe(before)
    const empty = tempDir()
    expect((await run(['new', ...values, '--dry-run'], {cwd: empty})).stdout).toBe(
      result.stdout
        .replace(
          /\*\*AI Tool:\*\* .*\n/,
          '**AI Tool:** [e.g., Cursor + Claude Sonnet 4, ChatGPT-4o]\n',
        )
        .replace(/\*\*Feature:\*\* .*\n/, '**Feature:** [parent feature name]\n'),
    )
    expect(existsSync(join(empty, 'SESSION_LOG.md'))).toBe(false)
  })

  it('writes a title as one line, whatever it holds', async () => {
    const cwd = tempDir()
    const result = await run(['new', '--title', 'Two\nlines \u001b[31m$& too', '--dry-run'], {cwd})
    expect(result.stdout.split('\n')[0]).toBe('## Session: Two lines [31m$& too')
  })

  it('adds to the file named, and uses the template of the settings', async () => {
    const cwd = tempDir()
    write(cwd, {
      'docs/.session-logrc.json': JSON.stringify({template: '../team-template.md'}),
      'team-template.md': readFileSync(join(fixtures, 'reviewer-template.md')),
    })
    expect((await run(['new', 'docs/LOG.md', ...values], {cwd})).code).toBe(0)
    const text = read(cwd, 'docs/LOG.md')
    expect(text).toMatch(/^# Team Session Log\n/)
    expect(text).toContain('**Reviewer:** [name]\n')
  })

  it.each([
    [['--date', '2026-02-30'], '--date "2026-02-30" is not a date; write it as YYYY-MM-DD'],
    [['--date', 'tomorrow'], '--date "tomorrow" is not a date; write it as YYYY-MM-DD'],
    [[], '--title is required, such as --title "Webhook retry queue"'],
    [['a.md', 'b.md', '--title', 'x'], 'new takes one file, not 2'],
  ])('exits 2 on %j', async (args, message) => {
    const cwd = tempDir()
    const result = await run(['new', ...args], {cwd})
    expect(result).toEqual({code: 2, stdout: '', stderr: `session-log: ${message}\n`})
    expect(existsSync(join(cwd, 'SESSION_LOG.md'))).toBe(false)
  })

  it('refuses a file that is not a session log', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': '# Shopping list\n\n- milk\n'})
    const result = await run(['new', ...values], {cwd})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'session-log: SESSION_LOG.md: is not a session log: it has no "# Session Log" title and no entry; check the path; `session-log new` only adds entries to a log\n',
    )
    expect(read(cwd)).toBe('# Shopping list\n\n- milk\n')
  })

  it('fills an empty file with a whole log', async () => {
    const cwd = tempDir()
    write(cwd, {'SESSION_LOG.md': ''})
    await run(['new', ...values], {cwd})
    const empty = tempDir()
    await run(['new', ...values], {cwd: empty})
    expect(read(cwd)).toBe(read(empty))
  })

  it('exits 2 when the folder of the log does not exist', async () => {
    const result = await run(['new', 'missing/SESSION_LOG.md', ...values], {cwd: tempDir()})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'session-log: missing/SESSION_LOG.md: cannot be written: its folder does not exist; create it first\n',
    )
  })

  it.skipIf(spawnSync('script', ['--version']).status !== 0)(
    'asks for the title on a terminal',
    () => {
      const cwd = tempDir()
      const command = `'${process.execPath}' '${bin}' new --dry-run`
      const result = spawnSync('script', ['-qec', command, '/dev/null'], {
        cwd,
        input: 'Asked title\n',
        encoding: 'utf8',
        env: {...process.env, GIT_CONFIG_NOSYSTEM: '1'},
        timeout: 20_000,
      })
      expect(result.stdout).toContain('Title of the session: ')
      expect(result.stdout).toContain('## Session: Asked title')
    },
  )
})

function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
