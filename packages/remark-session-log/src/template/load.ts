import {readFileSync} from 'node:fs'
import {normalizeName} from '../text/names.js'
import {readBuiltinSchema, readBuiltinTemplate} from './builtin.js'
import {parseTemplate} from './parse-template.js'
import type {Schema} from './schema.js'

/** Templates shipped in the package's `templates/` folder, by id; the first is the default. */
export const builtinTemplates = ['session-log.v0.2', 'heartbeat-log.v0.3'] as const

const cache = new Map<string, Schema>()

/**
 * Loads a template by built-in id or by path to a template Markdown file.
 * Each template is read and parsed once per process.
 */
export function loadTemplate(template: string = builtinTemplates[0]): Schema {
  const cached = cache.get(template)
  if (cached) return cached
  const builtin = (builtinTemplates as readonly string[]).includes(template)
  const schema =
    (builtin ? readBuiltinSchema(template) : undefined) ??
    parseTemplate(
      builtin ? readBuiltinTemplate(template) : readFileSync(template, 'utf8'),
      template,
    )
  cache.set(template, schema)
  return schema
}

/**
 * The template a log is checked against: the one given, or else the built-in template
 * the log's own header names, by its version line (`Version: 0.3`, `**Version:** 0.3`)
 * or, without one, by its title (`# Heartbeat Log`). The default when neither names one.
 */
export function templateFor(text: string, template?: string): Schema {
  if (template !== undefined) return loadTemplate(template)
  const log = namesOf(text)
  // Built-in templates are compared by their raw headers: parsing every one of them
  // would cost more than checking a short log.
  const named = builtinTemplates.map((id) => ({id, ...namesOf(readBuiltinTemplate(id))}))
  const found =
    (log.version && named.find((t) => t.version && sameVersion(t.version, log.version!))) ||
    (log.title &&
      named.find((t) => t.title && normalizeName(t.title) === normalizeName(log.title!))) ||
    // A log that lost its header still names its template in its entry headings.
    (!log.version &&
      !log.title &&
      log.prefix &&
      named.find((t) => t.prefix && normalizeName(t.prefix) === normalizeName(log.prefix!)))
  return loadTemplate(found ? found.id : undefined)
}

interface Names {
  version: string | undefined
  title: string | undefined
  /** The prefix of the first level-2 heading, `Session` in `## Session: …`. */
  prefix: string | undefined
}

/** The version and title a header states, if it states them, and the entry prefix. */
function namesOf(text: string): Names {
  const source = text.replace(/^\uFEFF/, '')
  const header = headerOf(source)
  const prefix = /^ {0,3}##[ \t]+([^:\n]{1,40}):/m.exec(source)?.[1]
  const version = /\bversion\b[*_ \t:]*(\d+(?:\.\d+)*)/i.exec(header)?.[1]
  const title = /^ {0,3}#[ \t]+(?![ \t])(.*?)(?:(?<![ \t])[ \t]+#+)?(?<![ \t])[ \t]*$/m.exec(
    header,
  )?.[1]
  return {version, title, prefix}
}

// The header ends where the first entry or `---` begins; a version further down is
// some entry's text, not the log's.
function headerOf(text: string): string {
  const end = /^ {0,3}(?:#{2,6}[ \t]|(?:[-*_][ \t]*){3,}$)/m.exec(text)
  return end ? text.slice(0, end.index) : text
}

/** `0.3` and `0.3.0` name one version. */
export function sameVersion(a: string, b: string): boolean {
  const x = a.split('.').map(Number)
  const y = b.split('.').map(Number)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return false
  }
  return true
}
