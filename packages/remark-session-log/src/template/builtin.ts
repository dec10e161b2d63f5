import {readFileSync} from 'node:fs'

/**
 * The text of a template shipped in the package's `templates/` folder. The bundled
 * command (`scripts/bundle.mjs`) swaps this module for one that holds the texts
 * themselves, so that the bundle runs without any file beside it.
 */
export function readBuiltinTemplate(id: string): string {
  return readFileSync(new URL(`../../templates/${id}.md`, import.meta.url), 'utf8')
}
