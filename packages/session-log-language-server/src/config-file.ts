import {readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {defaultThresholds, type Options} from 'remark-session-log'
import {readEditorSettings, resolveTemplate} from './settings.js'

/** Config files in the order they are looked for in each folder, as the CLI reads them. */
const rcNames = ['.session-logrc', '.session-logrc.json']

const thresholdKeys = Object.keys(defaultThresholds) as Array<keyof typeof defaultThresholds>

/**
 * The options of the config file nearest to `dir`, walking up: `.session-logrc`,
 * `.session-logrc.json`, or the `sessionLog` field of a `package.json`; undefined when
 * there is none. A file that cannot be used throws, naming the file.
 */
export async function findProjectOptions(dir: string): Promise<Options | undefined> {
  for (let at = dir; ; at = dirname(at)) {
    for (const name of rcNames) {
      const path = join(at, name)
      const text = await readIfExists(path)
      if (text !== undefined) return projectOptions(parse(text, path), path)
    }
    const path = join(at, 'package.json')
    const pkg = await readIfExists(path)
    if (pkg !== undefined) {
      const parsed = parse(pkg, path)
      const field = isRecord(parsed) ? parsed.sessionLog : undefined
      if (field !== undefined) return projectOptions(field, path)
    }
    if (dirname(at) === at) return undefined
  }
}

/** The keys the CLI accepts, checked the same way; a template path is relative to the file. */
function projectOptions(value: unknown, path: string): Options {
  if (!isRecord(value)) throw new Error(`${path}: expected an object of settings`)
  const {template, rules, ...rest} = value
  const {settings, problems} = readEditorSettings({template, rules}, '')
  const options: Options = {}
  if (settings.template) options.template = resolveTemplate(settings.template, dirname(path))
  if (settings.rules) options.rules = settings.rules
  for (const [key, number] of Object.entries(rest)) {
    if (!(thresholdKeys as string[]).includes(key)) problems.push(`unknown setting "${key}"`)
    else if (typeof number !== 'number' || !(number >= 0)) {
      problems.push(`"${key}" must be a number of 0 or more`)
    } else options[key as keyof typeof defaultThresholds] = number
  }
  if (problems.length > 0) throw new Error(`${path}: ${problems.join('; ')}`)
  return options
}

function parse(text: string, path: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined
    throw error
  }
}
