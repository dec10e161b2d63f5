import {detectStyle} from './fix/template-text.js'
import {buildModel} from './model/model.js'
import type {Entry, SessionLog} from './model/types.js'
import {resolveOptions, type Options} from './options.js'
import type {Context, Edit} from './rule.js'
import {templateFor} from './template/load.js'
import type {Roles, Schema} from './template/schema.js'
import {detectEol} from './text/lines.js'
import {normalizeName, readBoldLabel} from './text/names.js'

/** What a new entry says. A value left out keeps the template's placeholder. */
export interface EntryValues {
  title?: string
  date?: string
  engineer?: string
  tool?: string
  feature?: string
  mode?: string
}

/** How the file around an inserted entry is written. */
export interface Style {
  eol: Context['eol']
  bullet: string
}

const defaultStyle: Style = {eol: '\n', bullet: '-'}

/** Which template field each value fills. */
const valueRoles: Array<[keyof EntryValues, keyof Roles]> = [
  ['date', 'dateField'],
  ['engineer', 'engineerField'],
  ['feature', 'featureField'],
  ['tool', 'toolField'],
  ['mode', 'modeField'],
]

/**
 * The template's entry block, from its heading to its closing `---` (without a line
 * ending after it), with the given values in place of their placeholders.
 */
export function renderEntry(
  schema: Schema,
  values: EntryValues,
  style: Style = defaultStyle,
): string {
  const lines = schema.source.entry.split(/\r\n|\r|\n/)
  // A title ending in `#`s would read as the heading's closing sequence and be dropped.
  const title = oneLine(values.title)?.replace(/(^|\s)#(#*)$/, '$1\\#$2')
  if (title && schema.entryPlaceholder && lines[0]) {
    lines[0] = lines[0].replace(schema.entryPlaceholder, () => title)
  }
  const byField = new Map<string, string>()
  for (const [key, role] of valueRoles) {
    const name = schema.roles[role]
    const value = oneLine(values[key])
    if (name && value) byField.set(normalizeName(name), value)
  }
  let inFields = true
  for (const [index, line] of lines.entries()) {
    if (index === 0) continue
    if (/^ {0,3}#/.test(line)) inFields = false
    if (inFields) lines[index] = fillField(line, byField)
    else if (style.bullet !== '-')
      lines[index] = line.replace(/^(\s*)-(?=\s|$)/, `$1${style.bullet}`)
  }
  return lines.join(style.eol)
}

/** A whole log: the template's header, the entry if one is given, and the footer. */
export function renderLog(schema: Schema, entry?: string, eol: Style['eol'] = '\n'): string {
  const parts = [schema.source.header, ...(entry ? [entry] : []), schema.source.footer.trimEnd()]
  return parts.join('\n\n').replace(/\r\n|\r|\n/g, eol) + eol
}

export interface Inserted {
  /** The new text; the input's BOM and line endings are kept. */
  output: string
  /** The one insert that turns the input into the output (offsets after any BOM). */
  edit: Edit
  /** The entry as inserted, without the blank lines around it. */
  entry: string
  /** The line the new entry's heading is on. */
  line: number
}

/**
 * Inserts a new entry where its date belongs, newest first: above the first entry older
 * than it (right after the header for today's), or after the last entry when it is older
 * than all; written in the file's own line endings and bullets, from the template the
 * log follows. The date defaults to `options.today`; the AI tool
 * and feature default to the newest entry's. Text that is blank becomes a whole new log.
 * Only the inserted bytes differ from the input.
 */
export function insertEntry(
  text: string,
  values: EntryValues,
  options: Options = {},
  /** The model of `text`, when the caller has built it already. */
  model?: SessionLog,
): Inserted {
  const resolved = resolveOptions(options)
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const source = text.slice(bom.length)
  // Without a template option the log's own header says which template it follows.
  const schema = templateFor(source, resolved.template)
  const log = model ?? buildModel(source, schema)
  const eol = detectEol(source)
  const filled: EntryValues = {date: resolved.today, ...latestValues(log), ...defined(values)}
  // Keep the author's bullet, as the newest entry writes it: the template's "-" in a file
  // written with "*" would be the one entry that looks different.
  const {bullet} = detectStyle(log.entries[0]?.source ?? source)
  const entry = renderEntry(schema, filled, {eol, bullet})

  let edit: Edit
  if (source.trim() === '') {
    edit = {start: 0, end: source.length, text: renderLog(schema, entry, eol)}
  } else {
    // Newest first: the entry goes above the first one older than it, the top for today.
    const older = log.entries.find((found) => (dateOf(found, log.schema) ?? '') < filled.date!)
    const last = log.entries.at(-1)
    const separator = log.header.separator
    if (older ?? (last && !last.separator)) {
      const before = older ?? log.entries[0]!
      const lineStart = before.start.offset - (before.start.column - 1)
      edit = {start: lineStart, end: lineStart, text: entry + eol + eol}
    } else if (last) {
      // Older than every entry: after the last one's `---`.
      edit = {start: last.end.offset, end: last.end.offset, text: eol + eol + entry}
    } else if (separator) {
      const at = separator.end.offset
      edit = {start: at, end: at, text: eol + eol + entry}
    } else {
      const at = log.header.end.offset
      edit = {start: at, end: at, text: eol + eol + '---' + eol + eol + entry}
    }
  }

  const changed = source.slice(0, edit.start) + edit.text + source.slice(edit.end)
  const before = changed.slice(0, edit.start + edit.text.indexOf(entry))
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length + 1
  return {output: bom + changed, edit, entry, line}
}

/** The AI tool and feature of the newest entry (latest date), where they are filled in. */
export function latestValues(log: SessionLog): EntryValues {
  const newest = newestEntry(log)
  if (!newest) return {}
  const values: EntryValues = {}
  const {toolField, featureField} = log.schema.roles
  const tool = toolField && filledValue(newest, toolField, log.schema)
  const feature = featureField && filledValue(newest, featureField, log.schema)
  if (tool) values.tool = tool
  if (feature) values.feature = feature
  return values
}

/**
 * Whether text is a session log at all (however broken): it has the template's title,
 * its version line, its footer, or an entry heading with the template's prefix.
 */
export function isSessionLog(log: SessionLog): boolean {
  const title = log.header.title?.content.text
  return (
    (title !== undefined && normalizeName(title) === normalizeName(log.schema.title)) ||
    log.header.version !== undefined ||
    log.footer !== undefined ||
    log.entries.some((entry) => entry.heading.hasPrefix)
  )
}

function fillField(line: string, values: Map<string, string>): string {
  const label = readBoldLabel(line)
  if (!label) return line
  const value = values.get(normalizeName(label.label))
  if (value === undefined) return line
  const hardBreak = /(?:\\|(?<! ) {2,})$/.exec(line)?.[0] ?? ''
  return `${line.slice(0, label.end)} ${value}${hardBreak}`
}

// A value is one line of text: a line break in a title would end the heading early.
function oneLine(value: string | undefined): string | undefined {
  const flat = value
    ?.replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return flat || undefined
}

function defined(values: EntryValues): EntryValues {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => oneLine(value) !== undefined),
  ) as EntryValues
}

/** The entry's date when it is written as one, `YYYY-MM-DD`. */
function dateOf(entry: Entry, schema: Schema): string | undefined {
  const date = schema.roles.dateField && filledValue(entry, schema.roles.dateField, schema)
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined
}

function newestEntry(log: SessionLog): Entry | undefined {
  let newest: Entry | undefined
  let newestDate = ''
  for (const entry of log.entries) {
    const date = dateOf(entry, log.schema)
    if (date && date > newestDate) {
      newest = entry
      newestDate = date
    }
  }
  return newest ?? log.entries[0]
}

function filledValue(entry: Entry, name: string, schema: Schema): string | undefined {
  const field = entry.fields.find((f) => normalizeName(f.name.text) === normalizeName(name))
  const value = field?.value.text.trim()
  if (!value || value === field?.spec?.placeholder || schema.placeholders.includes(value)) {
    return undefined
  }
  return value
}
