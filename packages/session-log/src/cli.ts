import {existsSync} from 'node:fs'
import {resolve} from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {
  builtinTemplates,
  editDistance,
  groupings,
  isCalendarDate,
  migrationTargets,
  type Grouping,
  readRuleSetting,
  type EntryValues,
  type RuleSetting,
} from 'remark-session-log'
import {check} from './commands/check.js'
import {init} from './commands/init.js'
import {migrateLogs} from './commands/migrate.js'
import {newEntry} from './commands/new.js'
import {statsCommand, statsFormats, type StatsFormat} from './commands/stats.js'
import {checkRuleId, ConfigError, resolveTemplate, type Settings} from './config.js'
import {defaultMaxSize, InputError, parseSize} from './files.js'
import type {Io} from './io.js'
import {visible} from './reporters/escape.js'
import {formats, type Format} from './reporters/index.js'
import {debugReport, help, UsageError} from './usage.js'
import {version} from './version.js'

type Options = NonNullable<ParseArgsConfig['options']>

const everyCommand: Options = {
  template: {type: 'string'},
  'js-config': {type: 'boolean'},
  debug: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
}

const reportOptions: Options = {
  ...everyCommand,
  format: {type: 'string', short: 'f'},
  'output-file': {type: 'string', short: 'o'},
  'max-warnings': {type: 'string'},
  'max-size': {type: 'string'},
  quiet: {type: 'boolean', short: 'q'},
  rule: {type: 'string', multiple: true},
  color: {type: 'boolean'},
  since: {type: 'string'},
  cache: {type: 'boolean'},
  'cache-location': {type: 'string'},
}

const commands = {
  check: {...reportOptions, fix: {type: 'boolean'}, 'fix-dry-run': {type: 'boolean'}},
  fix: {...reportOptions, 'dry-run': {type: 'boolean'}, 'fix-dry-run': {type: 'boolean'}},
  new: {
    ...everyCommand,
    title: {type: 'string'},
    date: {type: 'string'},
    engineer: {type: 'string'},
    tool: {type: 'string'},
    feature: {type: 'string'},
    mode: {type: 'string'},
    'dry-run': {type: 'boolean'},
    'max-size': {type: 'string'},
  },
  init: everyCommand,
  stats: {
    ...everyCommand,
    format: {type: 'string', short: 'f'},
    'output-file': {type: 'string', short: 'o'},
    from: {type: 'string'},
    to: {type: 'string'},
    by: {type: 'string', multiple: true},
    'link-base': {type: 'string'},
    'max-size': {type: 'string'},
    color: {type: 'boolean'},
  },
  migrate: {
    ...everyCommand,
    to: {type: 'string'},
    'dry-run': {type: 'boolean'},
    'max-size': {type: 'string'},
  },
} satisfies Record<string, Options>

type Command = keyof typeof commands

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
  const [first, ...rest] = argv
  if (first === undefined) {
    throw new UsageError('no command; run `session-log check` or see `session-log --help`')
  }
  if (first === '--help' || first === '-h') return print(io, help)
  if (first === '--version' || first === '-v') return print(io, `${version}\n`)
  if (!Object.hasOwn(commands, first)) {
    throw new UsageError(
      `unknown command ${JSON.stringify(first)}; commands: ${Object.keys(commands).join(', ')}`,
    )
  }
  const command = first as Command
  const {values, positionals} = parse(rest, commands[command])
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

/** The known name a mistyped one is most likely to mean (`--formt`: format). */
function closest(option: string, names: string[]): string | undefined {
  const typed = option.replace(/^-+/, '').replace(/^no-/, '')
  let best: {name: string; distance: number} | undefined
  for (const name of names) {
    const distance = editDistance(typed, name, 2)
    if (distance <= 2 && (!best || distance < best.distance)) best = {name, distance}
  }
  return best?.name
}

type Values = ReturnType<typeof parse>['values']

function parse(args: string[], options: Options) {
  try {
    return parseArgs({args, options, allowPositionals: true, allowNegative: true, strict: true})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const guess = closest(option, Object.keys(options))
      const negated = /^--no-/.test(option) && options[guess ?? '']?.type === 'boolean'
      const hint = guess ? `did you mean --${negated ? 'no-' : ''}${guess}? ` : ''
      throw new UsageError(`unknown option ${option}; ${hint}see \`session-log --help\``)
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--[\w-]+/.exec(option)?.[0] ?? option
      throw new UsageError(`option ${name} needs a value; see \`session-log --help\``)
    }
    throw new UsageError((error as Error).message)
  }
}

function flagSettings(values: Values, cwd: string): Settings {
  const settings: Settings = {}
  const template = text(values, 'template')
  if (template !== undefined) {
    settings.template = resolveTemplate(template, cwd)
    const builtin = (builtinTemplates as readonly string[]).includes(template)
    if (!builtin && !existsSync(settings.template)) {
      throw new UsageError(
        `--template ${template}: no such file; name a template Markdown file or one of: ${builtinTemplates.join(', ')}`,
      )
    }
  }
  const rules: Record<string, RuleSetting> = {}
  for (const raw of (values.rule as string[] | undefined) ?? []) {
    const match = /^([^=]+)=(off|warn|warning|error)$/.exec(raw)
    if (!match) {
      throw new UsageError(`--rule ${raw}: write it as rule-id=off, rule-id=warn or rule-id=error`)
    }
    try {
      checkRuleId(match[1]!)
    } catch (error) {
      throw new UsageError(`--rule ${raw}: ${(error as Error).message}`)
    }
    rules[match[1]!] = readRuleSetting(match[2])!
  }
  if (Object.keys(rules).length > 0) settings.rules = rules
  return settings
}

function format(value: unknown): Format {
  if (value === undefined) return 'stylish'
  if (formats.includes(value as Format)) return value as Format
  throw new UsageError(`--format ${String(value)}: use one of ${formats.join(', ')}`)
}

function statsFormat(value: unknown): StatsFormat {
  if (value === undefined) return 'text'
  if (statsFormats.includes(value as StatsFormat)) return value as StatsFormat
  throw new UsageError(`--format ${String(value)}: stats writes ${statsFormats.join(', ')}`)
}

/** `--by engineer,tool --by month`: the groupings, each once, in the order given. */
function groupingsOf(value: unknown): Grouping[] | undefined {
  if (value === undefined) return undefined
  const names = (value as string[]).flatMap((item) => item.split(',')).map((n) => n.trim())
  const chosen: Grouping[] = []
  for (const name of names.filter(Boolean)) {
    if (!(groupings as readonly string[]).includes(name)) {
      const guess = closest(name, [...groupings])
      throw new UsageError(
        `--by ${name}: group by ${groupings.join(', ')}${guess ? `; did you mean ${guess}?` : ''}`,
      )
    }
    if (!chosen.includes(name as Grouping)) chosen.push(name as Grouping)
  }
  return chosen
}

/** A `--from`/`--to` day: `YYYY-MM-DD`, a day of the calendar. */
function day(values: Values, name: string): string | undefined {
  const value = text(values, name)
  if (value === undefined) return undefined
  if (!isCalendarDate(value)) {
    throw new UsageError(`--${name} ${value}: write a day of the calendar as YYYY-MM-DD`)
  }
  return value
}

function size(value: unknown): number {
  if (value === undefined) return defaultMaxSize
  const bytes = typeof value === 'string' ? parseSize(value) : undefined
  if (bytes === undefined) {
    throw new UsageError(
      `--max-size ${String(value)}: write a number of bytes, or one with a unit, such as 50MB`,
    )
  }
  return bytes
}

function count(value: unknown): number | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  throw new UsageError(`--max-warnings ${String(value)}: write a whole number, such as 0`)
}

function flag(values: Values, name: string): boolean {
  return values[name] === true
}

function text(values: Values, name: string): string | undefined {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}

/** The `--color` flag first, then FORCE_COLOR, then NO_COLOR, then whether it is a terminal. */
function colorChoice(flag: unknown, env: NodeJS.ProcessEnv): Io['color'] {
  if (typeof flag === 'boolean') return () => flag
  const force = env.FORCE_COLOR
  if (force !== undefined) return () => force !== '0' && force !== 'false'
  if (env.NO_COLOR) return () => false
  return (terminal) => terminal
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

function print(io: Io, text: string): number {
  io.out(text)
  return 0
}
