import {resolve} from 'node:path'
import {migrationTargets, type EntryValues} from 'remark-session-log'
import {
  colorChoice,
  count,
  day,
  flag,
  flagSettings,
  format,
  groupingsOf,
  parseCommand,
  size,
  statsFormat,
  text,
} from './args.js'
import {check} from './commands/check.js'
import {init} from './commands/init.js'
import {migrateLogs} from './commands/migrate.js'
import {newEntry} from './commands/new.js'
import {statsCommand} from './commands/stats.js'
import {ConfigError} from './config.js'
import {InputError} from './files.js'
import type {Io} from './io.js'
import {visible} from './reporters/escape.js'
import {debugReport, help, UsageError} from './usage.js'
import {version} from './version.js'

/** Runs the command line and returns the exit code: 0 clean, 1 findings, 2 usage or I/O. */
export async function main(argv: string[], io: Io): Promise<number> {
  io = {...io, debug: argv.includes('--debug')}
  try {
    return await run(argv, io)
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof InputError ||
      error instanceof ConfigError
    ) {
      io.err(`session-log: ${visible(error.message)}\n`)
      if (io.debug) io.err(debugReport(error))
      return 2
    }
    const reason = error instanceof Error ? error.message : String(error)
    io.err(
      io.debug
        ? debugReport(error)
        : `session-log: unexpected error: ${visible(reason)}; run again with --debug to see where, and report it\n`,
    )
    return 2
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined) {
    throw new UsageError('no command; run `session-log check` or see `session-log --help`')
  }
  if (command === '--help' || command === '-h') return print(io, help)
  if (command === '--version' || command === '-v') return print(io, `${version}\n`)
  const {values, positionals} = parseCommand(command, rest)
  if (values.help) return print(io, help)
  io = {...io, color: colorChoice(values.color, io.env)}
  const settings = flagSettings(values, io.cwd)

  if (command === 'check' || command === 'fix') {
    const dryRun = flag(values, 'fix-dry-run') || flag(values, 'dry-run')
    if (dryRun && values.fix) throw new UsageError('use either --fix or --fix-dry-run, not both')
    const since = text(values, 'since')
    if (dryRun && since !== undefined) {
      throw new UsageError(
        '--since compares the file on disk, which --fix-dry-run leaves as it was; use one of them',
      )
    }
    return check(
      {
        paths: positionals,
        fix: command === 'fix' || flag(values, 'fix'),
        dryRun,
        format: format(values.format),
        outputFile: text(values, 'output-file'),
        maxWarnings: count(values['max-warnings']),
        maxSize: size(values['max-size']),
        quiet: flag(values, 'quiet'),
        settings,
        since,
        allowJsConfig: values['js-config'] !== false,
        cache: flag(values, 'cache')
          ? resolve(io.cwd, text(values, 'cache-location') ?? '.session-logcache')
          : undefined,
        threads: count(values.threads, 'threads', 1),
      },
      io,
    )
  }
  if (command === 'stats') {
    const from = day(values, 'from')
    const to = day(values, 'to')
    if (from !== undefined && to !== undefined && from > to) {
      throw new UsageError(`--from ${from} is after --to ${to}; swap them`)
    }
    return statsCommand(
      {
        paths: positionals,
        format: statsFormat(values.format),
        outputFile: text(values, 'output-file'),
        from,
        to,
        by: groupingsOf(values.by),
        maxSize: size(values['max-size']),
        settings,
        allowJsConfig: values['js-config'] !== false,
        linkBase: text(values, 'link-base'),
      },
      io,
    )
  }
  if (command === 'migrate') {
    const to = text(values, 'to')
    if (to === undefined) throw new UsageError('say which version to migrate to: --to 0.3')
    if (!(migrationTargets as readonly string[]).includes(to)) {
      throw new UsageError(`--to ${to}: logs can be migrated to ${migrationTargets.join(', ')}`)
    }
    if (values.template !== undefined) {
      throw new UsageError('migrate reads 0.2 logs and writes 0.3 ones; it takes no --template')
    }
    return migrateLogs(
      {
        paths: positionals,
        to,
        dryRun: flag(values, 'dry-run'),
        maxSize: size(values['max-size']),
        settings,
        allowJsConfig: values['js-config'] !== false,
      },
      io,
    )
  }
  if (positionals.length > 1) {
    throw new UsageError(`${command} takes one file, not ${positionals.length}`)
  }
  const path = positionals[0]
  const allowJsConfig = values['js-config'] !== false
  if (command === 'init') return init({path, settings, allowJsConfig}, io)
  const entry: EntryValues = {}
  for (const key of ['title', 'date', 'engineer', 'tool', 'feature', 'mode'] as const) {
    const value = text(values, key)
    if (value !== undefined) entry[key] = value
  }
  return newEntry(
    {
      path,
      values: entry,
      dryRun: flag(values, 'dry-run'),
      maxSize: size(values['max-size']),
      settings,
      allowJsConfig,
    },
    io,
  )
}

/** The Io of this process. */
export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    outIsTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
    errIsTTY: process.stderr.isTTY === true,
    color: (terminal) => terminal,
    debug: false,
  }
}

function print(io: Io, output: string): number {
  io.out(output)
  return 0
}
