import {spawnSync} from 'node:child_process'
import {userInfo} from 'node:os'
import {dirname, resolve} from 'node:path'
import {createInterface} from 'node:readline/promises'
import {
  buildModel,
  insertEntry,
  isSessionLog,
  lint,
  templateFor,
  type EntryValues,
  type SessionLog,
} from 'remark-session-log'
import {loadSettings, useTemplate, type Settings} from '../config.js'
import {exists, InputError, readLog, writeAtomic, type LogFile} from '../files.js'
import type {Io} from '../io.js'
import {visible} from '../reporters/escape.js'
import {UsageError} from '../usage.js'

export interface NewOptions {
  /** The log; default `SESSION_LOG.md` in the working folder. */
  path: string | undefined
  /** Values from flags; the rest take their defaults or keep the template's placeholders. */
  values: EntryValues
  dryRun: boolean
  /** A log larger than this many bytes is refused (`--max-size`). */
  maxSize?: number
  settings: Settings
  /** Load JavaScript settings files (`--no-js-config` turns it off). */
  allowJsConfig?: boolean
}

/** `new`: inserts an entry right after the header; creates the log when it is missing. */
export async function newEntry(options: NewOptions, io: Io): Promise<number> {
  const name = options.path ?? 'SESSION_LOG.md'
  const path = resolve(io.cwd, name)
  const {date} = options.values
  if (date !== undefined && !isCalendarDate(date)) {
    throw new UsageError(`--date ${JSON.stringify(date)} is not a date; write it as YYYY-MM-DD`)
  }
  const settings = await loadSettings(io.cwd, path, name, options.settings, options.allowJsConfig)
  let schema = useTemplate(settings.template)

  let original: LogFile | undefined
  let log: SessionLog | undefined
  if (exists(path)) {
    original = readLog(path, name, options.maxSize)
    const source = original.text.replace(/^\uFEFF/, '')
    // Without a template setting the log's own header says which template it follows.
    schema = templateFor(source, settings.template)
    log = buildModel(source, schema)
    if (source.trim() !== '' && !isSessionLog(log)) {
      throw new InputError(
        name,
        `is not a session log: it has no "# ${schema.title}" title and no entry`,
        'check the path; `session-log new` only adds entries to a log',
      )
    }
  }

  const title = options.values.title ?? (await askTitle(io))
  const engineer = options.values.engineer ?? gitUserName(dirname(path)) ?? osUserName()
  const inserted = insertEntry(
    original?.text ?? '',
    {...options.values, title, ...(engineer ? {engineer} : {})},
    {template: settings.template},
    log,
  )
  // A mode the template's grammar cannot read would fail `check` at once.
  if (options.values.mode !== undefined) {
    const unreadable = lint(inserted.entry, {template: schema.id}).find(
      (finding) => finding.ruleId === 'field-mode',
    )
    if (unreadable) throw new UsageError(`--mode ${options.values.mode}: ${unreadable.message}`)
  }
  if (options.dryRun) {
    const entry = `${inserted.entry.replace(/\r\n?/g, '\n')}\n`
    io.out(io.outIsTTY ? entry.split('\n').map(visible).join('\n') : entry)
    return 0
  }
  writeAtomic(path, name, inserted.output, original?.bytes)
  const heading = inserted.entry.split(/\r\n|\r|\n/)[0] ?? ''
  io.out(
    `${visible(name)}: added "${visible(heading)}" at line ${inserted.line}; ` +
      'fill in its placeholders, `session-log check` lists them\n',
  )
  return 0
}

async function askTitle(io: Io): Promise<string> {
  if (!io.stdin.isTTY) {
    throw new UsageError('--title is required, such as --title "Webhook retry queue"')
  }
  // The question goes to standard error: standard output may be piped (--dry-run).
  const prompt = createInterface({input: io.stdin, output: process.stderr})
  try {
    const answer = (await prompt.question('Title of the session: ')).trim()
    if (!answer) throw new UsageError('a title is required; nothing was written')
    return answer
  } finally {
    prompt.close()
  }
}

function gitUserName(cwd: string): string | undefined {
  const result = spawnSync('git', ['config', 'user.name'], {cwd, encoding: 'utf8'})
  return (result.status === 0 && result.stdout.trim()) || undefined
}

function osUserName(): string | undefined {
  try {
    return userInfo().username || undefined
  } catch {
    // No user database entry (some containers): the placeholder stays.
    return undefined
  }
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}
