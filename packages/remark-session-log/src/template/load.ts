import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parseTemplate} from './parse-template.js'
import type {Schema} from './schema.js'

/** Templates shipped in the package's `templates/` folder, by id. */
export const builtinTemplates = ['session-log.v0.2'] as const

const cache = new Map<string, Schema>()

/**
 * Loads a template by built-in id or by path to a template Markdown file.
 * Each template is read and parsed once per process.
 */
export function loadTemplate(template: string = builtinTemplates[0]): Schema {
  const cached = cache.get(template)
  if (cached) return cached
  const builtin = (builtinTemplates as readonly string[]).includes(template)
  const path = builtin
    ? fileURLToPath(new URL(`../../templates/${template}.md`, import.meta.url))
    : template
  const schema = parseTemplate(readFileSync(path, 'utf8'), template)
  cache.set(template, schema)
  return schema
}
