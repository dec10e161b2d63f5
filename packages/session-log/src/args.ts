import {existsSync} from 'node:fs'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {
  builtinTemplates,
  editDistance,
  groupings,
  isCalendarDate,
  readRuleSetting,
  type Grouping,
  type RuleSetting,
} from 'remark-session-log'
import {statsFormats, type StatsFormat} from './commands/stats.js'
import {checkRuleId, resolveTemplate, type Settings} from './config.js'
import {defaultMaxSize, parseSize} from './files.js'
import type {Io} from './io.js'
import {formats, type Format} from './reporters/index.js'
import {UsageError} from './usage.js'

// The command line's options: which each command takes, and how their values read. A
// value that cannot be used is a `UsageError` that says what to write instead.

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
  threads: {type: 'string'},
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

/** The options and paths given to `command`; an unknown command is a `UsageError`. */
export function parseCommand(command: string, args: string[]) {
  if (!Object.hasOwn(commands, command)) {
    throw new UsageError(
      `unknown command ${JSON.stringify(command)}; commands: ${Object.keys(commands).join(', ')}`,
    )
  }
  return parse(args, commands[command as Command])
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

export function flagSettings(values: Values, cwd: string): Settings {
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

export function format(value: unknown): Format {
  if (value === undefined) return 'stylish'
  if (formats.includes(value as Format)) return value as Format
  throw new UsageError(`--format ${String(value)}: use one of ${formats.join(', ')}`)
}

export function statsFormat(value: unknown): StatsFormat {
  if (value === undefined) return 'text'
  if (statsFormats.includes(value as StatsFormat)) return value as StatsFormat
  throw new UsageError(`--format ${String(value)}: stats writes ${statsFormats.join(', ')}`)
}

/** `--by engineer,tool --by month`: the groupings, each once, in the order given. */
export function groupingsOf(value: unknown): Grouping[] | undefined {
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
export function day(values: Values, name: string): string | undefined {
  const value = text(values, name)
  if (value === undefined) return undefined
  if (!isCalendarDate(value)) {
    throw new UsageError(`--${name} ${value}: write a day of the calendar as YYYY-MM-DD`)
  }
  return value
}

export function size(value: unknown): number {
  if (value === undefined) return defaultMaxSize
  const bytes = typeof value === 'string' ? parseSize(value) : undefined
  if (bytes === undefined) {
    throw new UsageError(
      `--max-size ${String(value)}: write a number of bytes, or one with a unit, such as 50MB`,
    )
  }
  return bytes
}

export function count(value: unknown, name = 'max-warnings', least = 0): number | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && /^\d+$/.test(value) && Number(value) >= least) {
    return Number(value)
  }
  throw new UsageError(`--${name} ${String(value)}: write a whole number, such as ${least}`)
}

export function flag(values: Values, name: string): boolean {
  return values[name] === true
}

export function text(values: Values, name: string): string | undefined {
  const value = values[name]
  return typeof value === 'string' ? value : undefined
}

/** The `--color` flag first, then FORCE_COLOR, then NO_COLOR, then whether it is a terminal. */
export function colorChoice(flag: unknown, env: NodeJS.ProcessEnv): Io['color'] {
  if (typeof flag === 'boolean') return () => flag
  const force = env.FORCE_COLOR
  if (force !== undefined) return () => force !== '0' && force !== 'false'
  if (env.NO_COLOR) return () => false
  return (terminal) => terminal
}
