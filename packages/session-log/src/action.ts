// The GitHub Action (action.yml runs the bundle of this file): checks the logs, annotates
// the pull request with workflow commands, writes the job summary and the step's outputs.
import {spawnSync} from 'node:child_process'
import {appendFileSync, existsSync, readFileSync} from 'node:fs'
import {builtinTemplates, stats} from 'remark-session-log'
import {processIo} from './cli.js'
import {collect} from './commands/check.js'
import {readLogs} from './commands/stats.js'
import {resolveTemplate, type Settings} from './config.js'
import {InputError} from './files.js'
import type {Io} from './io.js'
import {visible} from './reporters/escape.js'
import {github} from './reporters/github.js'
import type {FileResult} from './reporters/index.js'
import {summary} from './reporters/summary.js'
import {statsMarkdown} from './stats/markdown.js'
import {debugReport} from './usage.js'

/** An input that cannot be used as written. */
class InputsError extends Error {}

interface Inputs {
  files: string[]
  template: string | undefined
  failOn: 'error' | 'warning'
  fix: boolean
  /** Load JavaScript settings files, which run the repository's code (`allow-js-config`). */
  allowJsConfig: boolean
  /** The ref whose changed entries are checked; undefined: every entry. */
  since: string | undefined
  /** How the summary names `since`. */
  sinceLabel: string | undefined
  /** Add the logs' figures to the job summary. */
  stats: boolean
}

async function runAction(env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let inputs: Inputs
  try {
    inputs = readInputs(env, io.cwd)
  } catch (error) {
    if (!(error instanceof InputsError)) throw error
    io.out(command('error', [], `session-log: ${error.message}`))
    return 2
  }
  const settings: Settings = inputs.template === undefined ? {} : {template: inputs.template}
  let collected
  try {
    collected = await collect(
      {
        paths: inputs.files,
        fix: inputs.fix,
        dryRun: false,
        format: 'github',
        outputFile: undefined,
        maxWarnings: undefined,
        quiet: false,
        settings,
        since: inputs.since,
        allowJsConfig: inputs.allowJsConfig,
        // Settings may come from the pull request; their template must be the checkout's.
        templatesWithin: io.cwd,
      },
      io,
    )
  } catch (error) {
    const reason =
      error instanceof InputError ? error.message : `unexpected error: ${String(error)}`
    io.out(command('error', [], `session-log: ${reason}`))
    // Shown when the workflow is re-run with debug logging.
    if (!(error instanceof InputError)) io.out(command('debug', [], debugReport(error)))
    return 2
  }
  const {results, problems, fixed, skippedSettings} = collected
  for (const file of skippedSettings) {
    io.out(
      command(
        'notice',
        [['file', file]],
        `session-log did not load ${file}: a JavaScript settings file runs the repository's code, which on a pull request its author writes. The other settings apply; set the input allow-js-config: true to load it where that code is trusted.`,
      ),
    )
  }

  // One command per finding. GitHub shows the first ten errors and ten warnings as
  // annotations; the summary lists every finding.
  io.out(github({files: results, problems, color: false, quiet: false}))
  for (const problem of problems) {
    io.out(command('error', [['file', problem.file]], `session-log: ${problem.message}`))
  }

  const findings = results.flatMap((result) => result.findings)
  const errors = findings.filter((finding) => finding.severity === 'error').length
  const warnings = findings.length - errors
  const summaryFile = env.GITHUB_STEP_SUMMARY
  if (summaryFile) {
    appendFileSync(
      summaryFile,
      summary({
        files: results,
        problems,
        fixed,
        since: inputs.sinceLabel,
        fileUrl: fileUrl(env),
      }),
    )
  }
  if (summaryFile && inputs.stats && results.length > 0) {
    appendFileSync(summaryFile, await statsSection(results, settings, inputs, io))
  }
  const outputFile = env.GITHUB_OUTPUT
  if (outputFile) appendFileSync(outputFile, `errors=${errors}\nwarnings=${warnings}\n`)

  const failed = errors > 0 || (inputs.failOn === 'warning' && warnings > 0)
  io.out(
    `session-log: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} in ${results.length} ${results.length === 1 ? 'log' : 'logs'}\n`,
  )
  if (problems.length > 0) return 2
  return failed ? 1 : 0
}

/**
 * The figures of the logs just checked, as a short Markdown section of the summary; a
 * log that cannot be read for them is left out (the check has said why already).
 */
async function statsSection(
  results: FileResult[],
  settings: Settings,
  inputs: Inputs,
  io: Io,
): Promise<string> {
  const {logs} = await readLogs(
    {paths: results.map((result) => result.name), settings, allowJsConfig: inputs.allowJsConfig},
    io,
  )
  const figures = stats(logs, {by: ['engineer', 'tool', 'month']})
  return `\n${statsMarkdown(figures, {logs: logs.length, window: {}, depth: 3, notes: 10})}`
}

function readInputs(env: NodeJS.ProcessEnv, cwd: string): Inputs {
  const input = (name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim()
  const files = input('files')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  const failOn = input('fail-on') || 'error'
  if (failOn !== 'error' && failOn !== 'warning') {
    throw new InputsError(`fail-on is ${JSON.stringify(failOn)}; use error or warning`)
  }
  const fix = input('fix') || 'false'
  if (fix !== 'true' && fix !== 'false') {
    throw new InputsError(`fix is ${JSON.stringify(fix)}; use true or false`)
  }
  const stats = input('stats') || 'true'
  if (stats !== 'true' && stats !== 'false') {
    throw new InputsError(`stats is ${JSON.stringify(stats)}; use true or false`)
  }
  const allowJs = input('allow-js-config') || 'false'
  if (allowJs !== 'true' && allowJs !== 'false') {
    throw new InputsError(`allow-js-config is ${JSON.stringify(allowJs)}; use true or false`)
  }
  const given = input('template')
  let template: string | undefined
  if (given) {
    template = resolveTemplate(given, cwd)
    if (!(builtinTemplates as readonly string[]).includes(given) && !existsSync(template)) {
      throw new InputsError(
        `template ${JSON.stringify(given)}: no such file; name a template Markdown file or one of: ${builtinTemplates.join(', ')}`,
      )
    }
  }
  return {
    files: files.length > 0 ? files : ['**/SESSION_LOG.md'],
    template,
    failOn,
    fix: fix === 'true',
    allowJsConfig: allowJs === 'true',
    stats: stats === 'true',
    ...sinceOf(input('since'), env, cwd),
  }
}

/**
 * `since`: a ref as given; `all` for every entry; empty for the default, which on a pull
 * request is its base commit, so that an old log does not block a pull request that
 * adds one good entry.
 */
function sinceOf(
  given: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): Pick<Inputs, 'since' | 'sinceLabel'> {
  if (given === 'all') return {since: undefined, sinceLabel: undefined}
  if (given !== '') return {since: given, sinceLabel: given}
  const base = pullRequestBase(env)
  if (base === undefined) return {since: undefined, sinceLabel: undefined}
  if (!hasCommit(base, cwd)) {
    // actions/checkout fetches one commit by default; the base is one more.
    spawnSync('git', ['fetch', '--no-tags', '--depth=1', 'origin', base], {cwd, stdio: 'ignore'})
  }
  if (!hasCommit(base, cwd)) {
    throw new InputsError(
      `cannot fetch the pull request's base commit ${base}; use actions/checkout with fetch-depth: 0, or set since: all`,
    )
  }
  return {since: base, sinceLabel: `the pull request's base (${base.slice(0, 7)})`}
}

function pullRequestBase(env: NodeJS.ProcessEnv): string | undefined {
  const event = env.GITHUB_EVENT_NAME
  if (event !== 'pull_request' && event !== 'pull_request_target') return undefined
  if (!env.GITHUB_EVENT_PATH) return undefined
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: {base?: {sha?: unknown}}
    }
    const sha = payload.pull_request?.base?.sha
    return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined
  } catch {
    return undefined
  }
}

function hasCommit(sha: string, cwd: string): boolean {
  return (
    spawnSync('git', ['cat-file', '-e', `${sha}^{commit}`], {cwd, stdio: 'ignore'}).status === 0
  )
}

/** A log's page on GitHub at the commit checked, for links to its lines. */
function fileUrl(env: NodeJS.ProcessEnv): ((name: string) => string) | undefined {
  const {GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha} = env
  if (!server || !repository || !sha) return undefined
  return (name) => `${server}/${repository}/blob/${sha}/${name.split('/').map(urlPart).join('/')}`
}

// encodeURIComponent leaves `(` and `)`, which would end a Markdown link early, and
// throws on half a surrogate pair, which stands for a character no URL can name.
function urlPart(part: string): string {
  return encodeURIComponent(part.replace(/\p{Cs}/gu, '\ufffd')).replace(/[()]/g, (char) =>
    char === '(' ? '%28' : '%29',
  )
}

/**
 * A workflow command for what is not a finding (a log that could not be read, a bad
 * input). Its text may quote a file name: escaped as the runner expects, and with control
 * characters shown, it stays inside this one command.
 */
function command(name: string, properties: Array<[string, string]>, message: string): string {
  const data = (text: string) =>
    visible(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const list = properties.map(
    ([key, value]) => `${key}=${data(value).replace(/:/g, '%3A').replace(/,/g, '%2C')}`,
  )
  return `::${name}${list.length > 0 ? ` ${list.join(',')}` : ''}::${data(message)}\n`
}

const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
process.exitCode = await runAction(process.env, {...processIo(), cwd: workspace})
