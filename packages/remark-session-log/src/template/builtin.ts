import {readFileSync} from 'node:fs'
import type {Schema} from './schema.js'

/**
 * The text of a template shipped in the package's `templates/` folder. The bundled
 * command (`scripts/bundle.mjs`) swaps this module for one that holds the texts
 * themselves, so that the bundle runs without any file beside it.
 */
export function readBuiltinTemplate(id: string): string {
  return readFileSync(new URL(`../../templates/${id}.md`, import.meta.url), 'utf8')
}

/**
 * The schema of a built-in template, where it was derived ahead of time. The package
 * derives it when first asked (`loadTemplate`); the bundle carries the schemas that
 * `scripts/bundle.mjs` derived with the same code, because on a short log parsing the
 * template was a fifth of a whole run of the command.
 */
export function readBuiltinSchema(_id: string): Schema | undefined {
  return undefined
}
