import {dirname, relative, resolve} from 'node:path'
import {stats, type Grouping, type Stats, type StatsLog} from 'remark-session-log'
import {useTemplate, type Settings} from '../config.js'
import {readLog, writeReport, type InputError} from '../files.js'
import type {Io} from '../io.js'
import {forEachLog, type LogsOptions} from '../logs.js'
import {safeJson, visible} from '../reporters/escape.js'
import {statsMarkdown} from '../stats/markdown.js'
import {statsText} from '../stats/text.js'
import {UsageError} from '../usage.js'

export const statsFormats = ['text', 'markdown', 'json', 'html'] as const
export type StatsFormat = (typeof statsFormats)[number]

export interface StatsCommandOptions {
  /** Paths and globs; none means `SESSION_LOG.md` in the working folder. */
  paths: string[]
  format: StatsFormat
  outputFile: string | undefined
  from: string | undefined
  to: string | undefined
  by: Grouping[] | undefined
  maxSize?: number
  /** Settings from flags; they override configuration files. */
  settings: Settings
  allowJsConfig?: boolean
  /** HTML: takeaways link to `<linkBase><log path>#L<line>` instead of the log file. */
  linkBase: string | undefined
}

/** `stats`: the figures of every log named, in one report. Exit 0, or 2 when a log cannot be read. */
export async function statsCommand(options: StatsCommandOptions, io: Io): Promise<number> {
  const {logs, problems} = await readLogs(options, io)
  const window = {
    ...(options.from !== undefined ? {from: options.from} : {}),
    ...(options.to !== undefined ? {to: options.to} : {}),
  }
  const result = stats(logs, {...window, ...(options.by ? {by: options.by} : {})})
  const report = await render(result, options, io, logs.length, window)
  if (options.outputFile !== undefined) {
    writeReport(resolve(io.cwd, options.outputFile), options.outputFile, report)
  } else {
    io.out(report)
  }
  for (const problem of problems) io.err(`session-log: ${visible(problem.message)}\n`)
  return problems.length > 0 ? 2 : 0
}

/** The logs named by the options' paths and globs, each with its own settings. */
export async function readLogs(
  options: LogsOptions,
  io: Pick<Io, 'cwd'>,
): Promise<{logs: StatsLog[]; problems: InputError[]}> {
  const logs: StatsLog[] = []
  const {problems} = await forEachLog(options, io.cwd, ({name, path, settings}) => {
    // A template named in the settings must load; without one, the log's header picks it.
    if (settings.template !== undefined) useTemplate(settings.template)
    const file = readLog(path, name, options.maxSize)
    logs.push({
      text: file.text,
      path: name,
      ...(settings.template !== undefined ? {template: settings.template} : {}),
      ...(settings.rotSignals !== undefined ? {rotSignals: settings.rotSignals} : {}),
    })
  })
  return {logs, problems}
}

async function render(
  result: Stats,
  options: StatsCommandOptions,
  io: Io,
  logs: number,
  window: {from?: string; to?: string},
): Promise<string> {
  switch (options.format) {
    case 'json':
      return `${safeJson({logs, window, ...result})}\n`
    case 'markdown':
      return statsMarkdown(result, {logs, window})
    case 'html': {
      // Only the HTML report loads the charting library.
      const {statsHtml} = await import('../stats/html.js')
      try {
        return await statsHtml(result, {logs, window, link: linker(options, io)})
      } catch (error) {
        throw missingCharts(error) ?? error
      }
    }
    case 'text': {
      const toTerminal = options.outputFile === undefined && io.outIsTTY
      const columns = Number(io.env.COLUMNS) || io.columns || 80
      return statsText(result, {
        width: Math.max(40, Math.min(columns, 200)),
        color: options.outputFile === undefined && io.color(toTerminal),
        logs,
        window,
      })
    }
  }
}

/**
 * The copy of the command committed for pre-commit and the Action runs with no install,
 * and so without the charting library; the package from npm has it.
 */
function missingCharts(error: unknown): UsageError | undefined {
  const code = (error as NodeJS.ErrnoException).code
  if (code !== 'ERR_MODULE_NOT_FOUND' || !String((error as Error).message).includes('echarts')) {
    return undefined
  }
  return new UsageError(
    'the HTML report needs the echarts package, which this copy of session-log runs without; run the session-log package from npm (npx session-log stats -f html) for it',
  )
}

/** Where a takeaway links: the log beside the report, or its page under `--link-base`. */
function linker(options: StatsCommandOptions, io: Io) {
  return (path: string | undefined, line: number): string | undefined => {
    if (path === undefined) return undefined
    const forward = (value: string) => value.split(/[\\/]/).map(encodeURIComponent).join('/')
    if (options.linkBase !== undefined) {
      return `${options.linkBase}${forward(relative(io.cwd, resolve(io.cwd, path)))}#L${line}`
    }
    const from = options.outputFile ? dirname(resolve(io.cwd, options.outputFile)) : io.cwd
    return `${forward(relative(from, resolve(io.cwd, path)))}#L${line}`
  }
}
