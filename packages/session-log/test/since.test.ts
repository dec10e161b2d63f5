import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {run, tempDir, write} from './cli.js'

// A valid log of twelve entries, cut into its parts so that tests can break, add and
// remove entries. Its parts are joined by "\n---\n".
const valid = readFileSync(
  new URL('../../../fixtures/valid/checkout-team-twelve-entries.md', import.meta.url),
  'utf8',
)
const [header, ...rest] = valid.split('\n---\n')
const footer = rest.pop()!
const entries = rest

function log(parts: string[]): string {
  return [header, ...parts, footer].join('\n---\n')
}

/** An entry with an error only it has: a misspelt section heading. */
function broken(entry: string): string {
  if (!entry.includes('### Kill Switch')) throw new Error('no heading to break')
  return entry.replace('### Kill Switch', '### Kill switch')
}

/** A valid entry newer than every other, for a new session at the top. */
const newEntry = entries[0]!
  .replace('## Session: Guest checkout: order confirmation page', '## Session: Receipt emails')
  .replace('**Date:** 2026-05-29', '**Date:** 2026-05-30')
  .replace('**Feature:** Guest checkout', '**Feature:** Receipts')
  .replace('**Mode:** B (Heartbeat 5 of 5)', '**Mode:** A')

/** An entry with an error that no fix can repair: an empty field. */
function unfixable(entry: string): string {
  return entry.replace(/\*\*Engineer:\*\* .*/, '**Engineer:**')
}

/**
 * An old log whose seventh entry has an error (by default a misspelt heading), committed
 * in a fresh repository.
 */
function repository(breakEntry = broken): {dir: string; old: string[]} {
  const dir = tempDir()
  const old = entries.map((entry, index) => (index === 6 ? breakEntry(entry) : entry))
  write(dir, {'SESSION_LOG.md': log(old)})
  git(dir, 'init', '--quiet', '--initial-branch=main')
  git(dir, 'config', 'user.name', 'Test Engineer')
  git(dir, 'config', 'user.email', 'engineer@example.com')
  commit(dir, 'old log')
  return {dir, old}
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {cwd: dir, encoding: 'utf8', stdio: 'pipe'})
}

function commit(dir: string, message: string): void {
  git(dir, 'add', '--all')
  git(dir, 'commit', '--quiet', '-m', message)
}

/** The rule ids and lines of a JSON report. */
async function findings(dir: string, args: string[]) {
  const result = await run(['check', '--format', 'json', ...args], {cwd: dir})
  const report = result.stdout
    ? (JSON.parse(result.stdout) as Array<{ruleId: string; line: number; file: string}>)
    : []
  return {
    code: result.code,
    stderr: result.stderr,
    found: report.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`),
  }
}

/** The line of the first "### Kill switch" heading at or after `from`. */
function headingLine(text: string, from = 0): number {
  const at = text.indexOf('### Kill switch', from)
  return text.slice(0, at).split('\n').length
}

describe.concurrent('session-log check --since', () => {
  it('passes a long old log with an error when the change adds one good entry', async () => {
    const {dir, old} = repository()
    write(dir, {'SESSION_LOG.md': log([newEntry, ...old])})
    const all = await findings(dir, ['SESSION_LOG.md'])
    expect(all.code).toBe(1)
    expect(all.found).toHaveLength(1)
    const changed = await findings(dir, ['--since', 'main', 'SESSION_LOG.md'])
    expect(changed).toEqual({code: 0, stderr: '', found: []})
  })

  it('reports the errors of a new entry and not those of the old ones', async () => {
    const {dir, old} = repository()
    const text = log([broken(newEntry), ...old])
    write(dir, {'SESSION_LOG.md': text})
    // Committed or not, the change is measured against the ref.
    commit(dir, 'a new entry')
    const result = await findings(dir, ['--since', 'HEAD~1', 'SESSION_LOG.md'])
    expect(result.code).toBe(1)
    expect(result.found).toEqual([`SESSION_LOG.md:${headingLine(text)} section-heading`])
  })

  it('reports an old entry once one of its lines changes', async () => {
    const {dir, old} = repository()
    const edited = old.map((entry, index) =>
      index === 6 ? entry.replace('**Engineer:** ', '**Engineer:** Dr. ') : entry,
    )
    const text = log(edited)
    write(dir, {'SESSION_LOG.md': text})
    const result = await findings(dir, ['--since', 'main', 'SESSION_LOG.md'])
    expect(result.found).toEqual([`SESSION_LOG.md:${headingLine(text)} section-heading`])
  })

  it('reports an entry that lost a line, but not the neighbours of a removed entry', async () => {
    const {dir, old} = repository()
    // The broken entry loses its AI Tool line: a deletion inside it.
    const shortened = old.map((entry, index) =>
      index === 6 ? entry.replace(/\*\*AI Tool:\*\*.*\n/, '') : entry,
    )
    write(dir, {'SESSION_LOG.md': log(shortened)})
    const inside = await findings(dir, ['--since', 'main', 'SESSION_LOG.md'])
    expect(inside.found.map((finding) => finding.split(' ')[1])).toEqual([
      'required-field',
      'section-heading',
    ])

    // The entry after the broken one goes: nothing inside the broken entry changed.
    write(dir, {'SESSION_LOG.md': log(old.filter((_, index) => index !== 7))})
    const removed = await findings(dir, ['--since', 'main', 'SESSION_LOG.md'])
    expect(removed).toEqual({code: 0, stderr: '', found: []})
  })

  it('still runs the rules of the whole log on unchanged entries', async () => {
    const {dir, old} = repository()
    // Two old entries swapped: the order is wrong, though no entry's text changed.
    const swapped = [...old]
    ;[swapped[1], swapped[2]] = [swapped[2]!, swapped[1]!]
    write(dir, {'SESSION_LOG.md': log([newEntry, ...swapped])})
    const result = await findings(dir, ['--since', 'main', 'SESSION_LOG.md'])
    expect(result.code).toBe(1)
    const rules = result.found.map((finding) => finding.split(' ')[1])
    expect(rules).toContain('chronological-order')
    // The broken entry did not move, so its heading is not reported.
    expect(rules).not.toContain('section-heading')
  })

  it('treats a log the ref does not have as changed everywhere', async () => {
    const {dir, old} = repository()
    mkdirSync(join(dir, 'team'))
    write(dir, {'team/SESSION_LOG.md': log(old)})
    const untracked = await findings(dir, ['--since', 'main', 'team/SESSION_LOG.md'])
    expect(untracked.found).toEqual([
      `team/SESSION_LOG.md:${headingLine(log(old))} section-heading`,
    ])
    commit(dir, 'a second log')
    const committed = await findings(dir, ['--since', 'HEAD~1', 'team/SESSION_LOG.md'])
    expect(committed.found).toEqual(untracked.found)
  })

  it('follows a renamed log to its old name', async () => {
    const {dir, old} = repository()
    mkdirSync(join(dir, 'docs'))
    git(dir, 'mv', 'SESSION_LOG.md', 'docs/SESSION_LOG.md')
    write(dir, {'docs/SESSION_LOG.md': log([newEntry, ...old])})
    commit(dir, 'move the log')
    const result = await findings(dir, ['--since', 'HEAD~1', 'docs/SESSION_LOG.md'])
    expect(result).toEqual({code: 0, stderr: '', found: []})
    // Run from the folder of the log, the same.
    const inside = await findings(join(dir, 'docs'), ['--since', 'HEAD~1', 'SESSION_LOG.md'])
    expect(inside).toEqual(result)
  })

  it('reads a folder name with pathspec characters literally', async () => {
    const {dir, old} = repository()
    const folder = join(dir, '[team] *')
    mkdirSync(folder)
    write(folder, {'SESSION_LOG.md': log(old)})
    commit(dir, 'a team log')
    write(folder, {'SESSION_LOG.md': log([newEntry, ...old])})
    const result = await findings(folder, ['--since', 'HEAD', 'SESSION_LOG.md'])
    expect(result).toEqual({code: 0, stderr: '', found: []})
  })

  it('fixes, then reports what is left in the changed entries only', async () => {
    const {dir, old} = repository(unfixable)
    write(dir, {'SESSION_LOG.md': log([unfixable(broken(newEntry)), ...old])})
    const result = await findings(dir, ['--fix', '--since', 'main', 'SESSION_LOG.md'])
    const fixed = log([unfixable(newEntry), ...old])
    expect(readFileSync(join(dir, 'SESSION_LOG.md'), 'utf8')).toBe(fixed)
    const line = fixed.split('\n').indexOf('**Engineer:**') + 1
    expect(result.found).toEqual([`SESSION_LOG.md:${line} field-empty`])
    expect(result.code).toBe(1)
  })

  it('refuses a ref that is not a commit, and reads it as a name, never an option', async () => {
    const {dir} = repository()
    const missing = await run(['check', '--since', 'no-such-branch', 'SESSION_LOG.md'], {cwd: dir})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(
      'session-log: SESSION_LOG.md: --since no-such-branch: no such commit in its repository; fetch it first (in GitHub Actions, actions/checkout with `fetch-depth: 0`), or name another ref\n',
    )
    const option = await run(['check', '--since=--output=hacked', 'SESSION_LOG.md'], {cwd: dir})
    expect(option.code).toBe(2)
    expect(option.stderr).toContain('--since --output=hacked: no such commit')
    expect(existsSync(join(dir, 'hacked'))).toBe(false)
  })

  it('fails with a clear line outside a git repository', async () => {
    const {dir} = repository()
    rmSync(join(dir, '.git'), {recursive: true})
    const result = await run(['check', '--since', 'main', 'SESSION_LOG.md'], {
      cwd: dir,
      // Stop git from finding a repository above the temporary folder.
      env: {GIT_CEILING_DIRECTORIES: join(dir, '..')},
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'session-log: SESSION_LOG.md: --since main: the log is not in a git repository; check it out with git, or leave out --since\n',
    )
  })

  it('does not go with --fix-dry-run, which leaves the file as it was', async () => {
    const {dir} = repository()
    const result = await run(['check', '--fix-dry-run', '--since', 'main'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^session-log: --since compares the file on disk/)
  })

  it('reports nothing for a log that was only renamed', async () => {
    const {dir} = repository()
    // A rename changes no entry; without --since the same file reports its error.
    renameSync(join(dir, 'SESSION_LOG.md'), join(dir, 'LOG.md'))
    git(dir, 'add', '--all')
    const result = await findings(dir, ['--since', 'main', 'LOG.md'])
    expect(result).toEqual({code: 0, stderr: '', found: []})
    const all = await findings(dir, ['LOG.md'])
    expect(all.found).toHaveLength(1)
  })
})
