import {existsSync, realpathSync} from 'node:fs'
import {isAbsolute, relative, resolve} from 'node:path'
import {
  builtinTemplates,
  fix,
  FixError,
  formatDate,
  isSessionLog,
  Linter,
  type ChunkStore,
  type Entry,
  type Finding,
  type Fixed,
  type Options,
  type SessionLog,
} from 'remark-session-log'
import {useTemplate, type Settings} from '../config.js'
import {forEachLog, type NamedLog} from '../logs.js'
import {InputError, readLog, writeAtomic, writeReport, type LogFile} from '../files.js'
import {fileDiff} from '../diff.js'
import type {Io} from '../io.js'
import {visible} from '../reporters/escape.js'
import {reporters, type FileResult, type Format} from '../reporters/index.js'
import {FindingsCache} from '../cache.js'
import {changedLines, onlyChanged} from '../since.js'
import {CheckThreads} from '../threads.js'
import {debugReport} from '../usage.js'

export interface CheckOptions {
  /** Paths and globs; none means `SESSION_LOG.md` in the working folder. */
  paths: string[]
  fix: boolean
  /** Fix in memory and print a diff instead of writing. */
  dryRun: boolean
  format: Format
  outputFile: string | undefined
  maxWarnings: number | undefined
  /** Logs larger than this many bytes are refused (`--max-size`). */
  maxSize?: number
  /** Errors only. */
  quiet: boolean
  /** Settings from flags; they override configuration files. */
  settings: Settings
  /** Report only entries whose lines differ from this git ref (document rules always). */
  since?: string | undefined
  /** The file of `--cache`: findings of unchanged logs are read from it. */
  cache?: string | undefined
  /** Load JavaScript settings files (`--no-js-config` turns it off): they run code. */
  allowJsConfig?: boolean
  /**
   * The folder a template named by settings must stay inside (the Action's workspace);
   * undefined: anywhere.
   */
  templatesWithin?: string
  /** Threads that check a large log, this one included (`--threads`); 1: this one only. */
  threads?: number
}

/** What `check` found in every log, before it is reported. */
export interface Collected {
  results: FileResult[]
  /** Logs that could not be checked. */
  problems: InputError[]
  /** Per log, the findings whose fixes were applied (`fix`). */
  fixed: Array<{name: string; applied: Finding[]}>
  /** Unified diffs of the fixes (`--fix-dry-run`). */
  diffs: string[]
  /** JavaScript settings files that were not loaded (`allowJsConfig: false`). */
  skippedSettings: string[]
}

/** `check` and `fix`: returns the exit code. */
export async function check(options: CheckOptions, io: Io): Promise<number> {
  const {results, problems, fixed, diffs, skippedSettings} = await collect(options, io)
  const fixes = fixed.map(({name, applied}) => describeFixes(name, applied, options))
  for (const file of skippedSettings) {
    io.err(
      `session-log: did not load ${visible(file)} (--no-js-config): JavaScript settings run code; the other settings apply\n`,
    )
  }

  // With --fix-dry-run the diff alone goes to standard output, so it can be piped to
  // `git apply`; with a machine-readable report, the report alone does.
  const reportToTerminal = options.dryRun ? io.errIsTTY : io.outIsTTY
  const report = reporters[options.format]({
    files: results,
    problems,
    color: !options.outputFile && io.color(reportToTerminal),
    quiet: options.quiet,
  })
  const humanReport = options.format === 'stylish' && !options.outputFile && !options.dryRun
  if (options.dryRun) io.out(diffs.map((diff) => shown(diff, io)).join(''))
  if (fixes.length > 0) (humanReport ? io.out : io.err)(fixes.join(''))
  if (options.outputFile) {
    writeReport(resolve(io.cwd, options.outputFile), options.outputFile, report)
  } else {
    ;(options.dryRun ? io.err : io.out)(report)
  }
  for (const problem of problems) {
    io.err(`session-log: ${visible(problem.message)}\n`)
    if (io.debug) io.err(debugReport(problem))
  }
  return problems.length > 0 ? 2 : exitCode(results, options.maxWarnings, io)
}

/** Checks (and fixes) every log named by the options; reports nothing. */
export async function collect(options: CheckOptions, io: Io): Promise<Collected> {
  const results: FileResult[] = []
  const fixed: Collected['fixed'] = []
  const diffs: string[] = []
  const cache = options.cache ? new FindingsCache(options.cache) : undefined
  const threads = new CheckThreads(options.threads)
  const {problems, skippedSettings} = await forEachLog(options, io.cwd, async (named) => {
    const {name, settings} = named
    if (options.templatesWithin !== undefined) {
      keepTemplateWithin(settings.template, options.templatesWithin, name)
    }
    const result = await checkLog(named, options, cache, threads, io)
    if (options.fix || options.dryRun) fixed.push({name, applied: result.applied})
    if (result.diff) diffs.push(result.diff)
    const findings = options.quiet
      ? result.findings.filter((finding) => finding.severity === 'error')
      : result.findings
    results.push({name, findings})
  })
  await threads.close()
  cache?.save()
  return {results, problems, fixed, diffs, skippedSettings}
}

/**
 * Refuses a template file outside `folder`: in CI, settings come from the pull request,
 * and a template path that climbs out of the checkout would read the runner's files.
 */
function keepTemplateWithin(template: string | undefined, folder: string, name: string): void {
  if (template === undefined || (builtinTemplates as readonly string[]).includes(template)) return
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path))
  const local = relative(real(folder), real(template))
  if (local !== '' && !local.startsWith('..') && !isAbsolute(local)) return
  throw new InputError(
    name,
    `its settings name the template ${template}, which is outside the repository`,
    'keep template files inside the repository',
  )
}

function exitCode(results: FileResult[], maxWarnings: number | undefined, io: Io): number {
  const all = results.flatMap((result) => result.findings)
  const errors = all.filter((finding) => finding.severity === 'error').length
  const warnings = all.length - errors
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    const counted = warnings === 1 ? '1 warning' : `${warnings} warnings`
    io.err(`session-log: ${counted}, more than --max-warnings ${maxWarnings}\n`)
    return 1
  }
  return errors > 0 ? 1 : 0
}

/** What checking one log came to. */
interface LogOutcome {
  findings: Finding[]
  /** The findings whose fixes were applied. */
  applied: Finding[]
  diff: string | undefined
}

/**
 * Reads the log, looks it up in the cache, lints it (a large one on every thread), and
 * with `fix` fixes and writes it.
 */
async function checkLog(
  {name, path, settings}: NamedLog,
  options: CheckOptions,
  cache: FindingsCache | undefined,
  threads: CheckThreads,
  io: Io,
): Promise<LogOutcome> {
  const file = readLog(path, name, options.maxSize)
  // A template named in the settings must load; without one, the log's header picks it.
  if (settings.template !== undefined) useTemplate(settings.template)
  // One day for the cache key and the check alike.
  const today = formatDate(new Date())
  const reportOnly = !options.fix && !options.dryRun
  // Fixes are made from a fresh lint; a check may take what an earlier run kept.
  const cached = reportOnly ? lookUp(cache, file.text, settings, today) : undefined
  if (cached?.findings && options.since === undefined) {
    return {findings: cached.findings, applied: [], diff: undefined}
  }
  const lintOptions = {...settings, today}
  const problemBefore = threads.problem
  const shared = await threads.check(file.text, lintOptions, cached?.store)
  if (shared && io.debug) {
    io.err(
      `session-log: ${visible(name)}: ${shared.elsewhere} of ${shared.chunks} chunks checked on worker threads\n`,
    )
  }
  // The log is still checked, on this thread; why the threads did not help is for --debug.
  if (threads.problem !== problemBefore && io.debug) {
    io.err(`session-log: ${visible(name)}: checked on one thread: ${visible(threads.problem!)}\n`)
  }
  const linted = lintLog(file, lintOptions, cached, shared?.store)
  if (reportOnly) {
    const findings = inChanges(linted.findings, linted.log.entries, file, options.since)
    return {findings, applied: [], diff: undefined}
  }

  // A ref that cannot be used stops the run before anything is written.
  if (options.since !== undefined) changedLines(path, name, options.since)
  const fixed = fixLog(file, linted)
  const diff = writeFixed(file, fixed.output, options.dryRun)
  const findings = remaining(fixed, file, linted, options.since)
  return {findings, applied: fixed.applied, diff}
}

/** A log's place in the findings cache: what an earlier run kept, and how to keep more. */
interface CacheSlot {
  findings: Finding[] | undefined
  store: ChunkStore
  keep: (findings: Finding[], linter: Linter) => void
}

function lookUp(
  cache: FindingsCache | undefined,
  text: string,
  settings: Settings,
  today: string,
): CacheSlot | undefined {
  if (!cache) return undefined
  const context = cache.context(text, settings, today)
  return {
    findings: cache.get(context, text),
    store: cache.store(context),
    keep: (findings, linter) => cache.set(context, text, findings, linter),
  }
}

interface Linted {
  /** The linter that checked the log; fixing starts from it, with its options. */
  linter: Linter
  options: Options
  log: SessionLog
  findings: Finding[]
}

/**
 * Lints the log (with the chunks the cache kept and those other threads checked),
 * refusing a file that is no log.
 */
function lintLog(
  file: LogFile,
  options: Options,
  cached: CacheSlot | undefined,
  fromThreads: ChunkStore | undefined,
): Linted {
  const linter = new Linter(
    options,
    (text, last) => cached?.store(text, last) ?? fromThreads?.(text, last),
  )
  const {log, findings} = linter.lint(file.text)
  if (!isSessionLog(log)) {
    const {title, entryDepth, entryPrefix} = log.schema
    throw new InputError(
      file.name,
      `is not a session log: it has no "# ${title}" title and no "${'#'.repeat(entryDepth)} ${entryPrefix}" entry`,
      'check the path, or start a log with `session-log init`',
    )
  }
  cached?.keep(findings, linter)
  return {linter, options, log, findings}
}

/** Fixes from the lint just made: the same linter does not check an entry twice. */
function fixLog(file: LogFile, {linter, options}: Linted): Fixed {
  try {
    return fix(file.text, options, linter)
  } catch (error) {
    if (!(error instanceof FixError)) throw error
    throw new InputError(
      file.name,
      `cannot be fixed: ${error.message}`,
      'nothing was written; please report it',
    )
  }
}

/**
 * Writes the fixed text over the log (unless the log changed meanwhile), or with
 * `--fix-dry-run` returns it as a diff instead.
 */
function writeFixed(file: LogFile, output: string, dryRun: boolean): string | undefined {
  if (output === file.text) return undefined
  if (dryRun) return fileDiff(file.name, file.text, output)
  writeAtomic(file.path, file.name, output, file.bytes)
  return undefined
}

/** The findings the fixes left, in `--since`'s changes. */
function remaining(
  fixed: Fixed,
  file: LogFile,
  {linter, log}: Linted,
  since: string | undefined,
): Finding[] {
  // What is left is placed in the fixed text, whose entries may stand elsewhere.
  const entries =
    since && fixed.output !== file.text ? linter.lint(fixed.output).log.entries : log.entries
  return inChanges(fixed.remaining, entries, file, since)
}

/**
 * With `--since`, the findings in entries changed since that ref, and those of document
 * rules. `git diff` compares the file on disk, so the command line refuses `--since` with
 * `--fix-dry-run`, which leaves the file as it was.
 */
function inChanges(
  findings: Finding[],
  entries: Entry[],
  file: LogFile,
  since: string | undefined,
): Finding[] {
  if (since === undefined) return findings
  return onlyChanged(findings, entries, changedLines(file.path, file.name, since))
}

function describeFixes(name: string, applied: Finding[], options: CheckOptions): string {
  if (applied.length === 0) return `${visible(name)}: nothing to fix\n`
  const verb = options.dryRun ? 'would fix' : 'fixed'
  const count = applied.length === 1 ? '1 finding' : `${applied.length} findings`
  const places = applied.map((finding) => `${finding.start.line}:${finding.start.column}`)
  const placeWidth = Math.max(...places.map((place) => place.length))
  const idWidth = Math.max(...applied.map((finding) => finding.ruleId.length))
  const lines = applied.map(
    (finding, index) =>
      `  ${places[index]!.padEnd(placeWidth)}  ${finding.ruleId.padEnd(idWidth)}  ${visible(finding.message)}\n`,
  )
  return `${visible(name)}: ${verb} ${count}\n${lines.join('')}\n`
}

/** A diff shows the log's own text; on a terminal its control characters are escaped. */
function shown(diff: string, io: Io): string {
  return io.outIsTTY ? diff.split('\n').map(visible).join('\n') : diff
}
