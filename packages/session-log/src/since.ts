import {execFileSync} from 'node:child_process'
import {basename, dirname} from 'node:path'
import {rules, type Entry, type Finding} from 'remark-session-log'
import {InputError} from './files.js'

/**
 * The lines of a log that differ from a git ref: `all` for a file the ref does not have,
 * else the new-side line ranges of `git diff` and the places where lines were deleted.
 */
export type ChangedLines =
  | {all: true}
  | {
      all: false
      /** Inclusive 1-based ranges of added or changed lines. */
      ranges: Array<[number, number]>
      /** Lines were deleted right after each of these lines (0: before the first). */
      deletions: number[]
    }

/** Findings of these rules are about the whole log (order, duplicates, header, footer). */
const documentRules = new Set(rules.filter((rule) => rule.checkDocument).map((rule) => rule.id))

/**
 * Keeps the findings that matter for a change: every finding of a document-wide rule,
 * and an entry's findings when the entry has a changed line.
 */
export function onlyChanged(
  findings: Finding[],
  entries: Entry[],
  changed: ChangedLines,
): Finding[] {
  if (changed.all) return findings
  return findings.filter((finding) => {
    if (documentRules.has(finding.ruleId)) return true
    const at = finding.start.offset
    const entry = entries.find((each) => each.start.offset <= at && at <= each.end.offset)
    // Rules of one entry report inside it; anything else is kept rather than lost.
    return entry === undefined || entryChanged(entry, changed)
  })
}

function entryChanged(entry: Entry, changed: Extract<ChangedLines, {all: false}>): boolean {
  const first = entry.start.line
  // An end at the start of a line belongs to the line before.
  const last =
    entry.end.column === 1 && entry.end.line > first ? entry.end.line - 1 : entry.end.line
  if (changed.ranges.some(([from, to]) => from <= last && to >= first)) return true
  // A deletion between two of its lines changes the entry; one between two entries (a
  // whole entry removed) changes neither neighbour.
  return changed.deletions.some((after) => after >= first && after < last)
}

/**
 * Which lines of the log at `path` (as it is on disk) differ from `ref`, by `git diff`.
 * A log that the ref does not have, under this name or an earlier one, is new: all of it
 * changed.
 */
export function changedLines(path: string, name: string, ref: string): ChangedLines {
  const folder = dirname(path)
  const top = git(folder, ['rev-parse', '--show-toplevel'], name, ref).trim()
  const file = git(folder, ['rev-parse', '--show-prefix'], name, ref).trim() + basename(path)
  const commit = resolveRef(top, name, ref)
  let paths = [file]
  if (!has(top, commit, file)) {
    const from = renamedFrom(top, commit, file, name, ref)
    if (from === undefined) return {all: true}
    paths = [from, file]
  }
  // --text: a .gitattributes that calls the log binary must not hide its changes.
  const options = ['--no-color', '--no-ext-diff', '--no-textconv', '--text', '--unified=0', '-M']
  const diff = git(top, ['diff', ...options, commit, '--', ...paths], name, ref)
  return parseHunks(diff)
}

/** The new-side line ranges and deletion points of a `--unified=0` diff. */
function parseHunks(diff: string): ChangedLines {
  const ranges: Array<[number, number]> = []
  const deletions: number[] = []
  for (const match of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(match[1])
    const count = match[2] === undefined ? 1 : Number(match[2])
    if (count === 0) deletions.push(start)
    else ranges.push([start, start + count - 1])
  }
  return {all: false, ranges, deletions}
}

function resolveRef(top: string, name: string, ref: string): string {
  try {
    // --end-of-options: a ref such as `--output=x` is a name to look up, not an option.
    return run(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])
      .toString()
      .trim()
  } catch {
    throw new InputError(
      name,
      `--since ${ref}: no such commit in its repository`,
      'fetch it first (in GitHub Actions, actions/checkout with `fetch-depth: 0`), or name another ref',
    )
  }
}

function has(top: string, commit: string, file: string): boolean {
  try {
    run(top, ['cat-file', '-e', `${commit}:${file}`])
    return true
  } catch {
    return false
  }
}

/** The name the file had at `commit`, when git sees it as renamed since. */
function renamedFrom(
  top: string,
  commit: string,
  file: string,
  name: string,
  ref: string,
): string | undefined {
  const out = git(
    top,
    ['diff', '--no-ext-diff', '--name-status', '-z', '-M', '--diff-filter=R', commit],
    name,
    ref,
  )
  const fields = out.split('\0')
  for (let i = 0; i + 2 < fields.length; i += 3) {
    if (fields[i + 2] === file) return fields[i + 1]
  }
  return undefined
}

function git(cwd: string, args: string[], name: string, ref: string): string {
  try {
    return run(cwd, args).toString('utf8')
  } catch (error) {
    const stderr = String((error as {stderr?: Buffer}).stderr ?? '').trim()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') {
      throw new InputError(
        name,
        `--since ${ref} needs git, which is not installed`,
        'install git',
        error,
      )
    }
    if (/not a git repository/i.test(stderr)) {
      throw new InputError(
        name,
        `--since ${ref}: the log is not in a git repository`,
        'check it out with git, or leave out --since',
        error,
      )
    }
    throw new InputError(
      name,
      `--since ${ref}: git failed: ${stderr.split('\n')[0]}`,
      'check the repository',
      error,
    )
  }
}

function run(cwd: string, args: string[]): Buffer {
  return execFileSync('git', ['--literal-pathspecs', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  })
}
