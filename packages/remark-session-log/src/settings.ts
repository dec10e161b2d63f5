// The project's settings files, `.session-logrc*` and the `sessionLog` key of
// `package.json`: found, read and checked the same way by the plugin under remark, the
// command line, the language server and the Action.
import {existsSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {parse as parseYaml} from 'yaml'
import {readRuleSetting, type Options, type RuleSetting} from './options.js'
import {defaultThresholds, type Thresholds} from './rule.js'
import {rules} from './rules/index.js'
import {builtinTemplates} from './template/load.js'

/** What a settings file (or the command line) sets for a log. */
export type Settings = Pick<Options, 'template' | 'rules' | keyof Thresholds>

/** Settings that cannot be used as written. */
export class SettingsError extends Error {
  override name = 'SettingsError'
}

/** The settings file names, in the order they are tried in each folder (unified-engine's). */
export const settingsFileNames: readonly string[] = [
  ...['', '.json', '.cjs', '.mjs', '.js', '.yaml', '.yml'].map((ext) => `.session-logrc${ext}`),
  'package.json',
]

/** The key of `package.json` that holds the settings. */
export const packageKey = 'sessionLog'

/** JavaScript settings files: loading one runs its code. */
export function isScriptSettings(name: string): boolean {
  return /\.[cm]?js$/.test(name)
}

/**
 * The settings file that applies to a log in `folder`: in the nearest folder that has
 * one, the first name of `settingsFileNames` there (a `package.json` only when it has
 * the key). With `allowJs` false, JavaScript files are passed over as if absent.
 */
export function findSettingsFile(folder: string, allowJs = true): string | undefined {
  for (let at = resolve(folder); ; at = dirname(at)) {
    for (const name of settingsFileNames) {
      if (!allowJs && isScriptSettings(name)) continue
      const path = join(at, name)
      if (!isFile(path)) continue
      if (name !== 'package.json' || hasPackageKey(path)) return path
    }
    if (dirname(at) === at) return undefined
  }
}

/** Reads and checks a settings file; a template path in it is made absolute. */
export async function readSettingsFile(path: string): Promise<Settings> {
  const text = readFileSync(path, 'utf8')
  let raw: unknown
  try {
    if (isScriptSettings(path)) {
      raw = ((await import(pathToFileURL(path).href)) as {default?: unknown}).default
    } else if (/\.ya?ml$/.test(path)) {
      raw = parseYaml(text)
    } else {
      const data = JSON.parse(text) as unknown
      raw = path.endsWith('package.json') ? (data as Record<string, unknown>)[packageKey] : data
    }
  } catch (error) {
    throw new SettingsError(`cannot read ${path}: ${(error as Error).message.split('\n')[0]}`)
  }
  return validateSettings(raw, dirname(path))
}

const thresholdKeys = Object.keys(defaultThresholds)
const knownKeys = ['template', 'rules', ...thresholdKeys]

/** Checks settings written by a person; a template path is relative to `base`. */
export function validateSettings(raw: unknown, base: string): Settings {
  if (!isRecord(raw)) throw new SettingsError('expected an object of settings')
  const settings: Settings = {}
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'template') {
      if (typeof value !== 'string' || value === '') {
        throw new SettingsError('"template" must be a template id or a path')
      }
      settings.template = resolveTemplate(value, base)
    } else if (key === 'rules') {
      settings.rules = validateRules(value)
    } else if (thresholdKeys.includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new SettingsError(`"${key}" must be a number of 0 or more`)
      }
      settings[key as keyof Thresholds] = value
    } else {
      throw new SettingsError(`unknown setting "${key}"; known settings: ${knownKeys.join(', ')}`)
    }
  }
  return settings
}

/** A template id stays as it is; a path is made absolute. */
export function resolveTemplate(template: string, base: string): string {
  return (builtinTemplates as readonly string[]).includes(template)
    ? template
    : resolve(base, template)
}

/** Throws when no rule has this id. */
export function checkRuleId(id: string): void {
  if (!rules.some((rule) => rule.id === id)) {
    throw new SettingsError(
      `unknown rule "${id}"; known rules: ${rules.map((rule) => rule.id).join(', ')}`,
    )
  }
}

function validateRules(value: unknown): Record<string, RuleSetting> {
  if (!isRecord(value)) {
    throw new SettingsError('"rules" must map rule ids to off, warn or error')
  }
  const result: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(value)) {
    checkRuleId(id)
    const read = readRuleSetting(setting)
    if (read === undefined) {
      throw new SettingsError(
        `rule "${id}" is set to ${JSON.stringify(setting)}; use off, warn or error`,
      )
    }
    result[id] = read
  }
  return result
}

function hasPackageKey(path: string): boolean {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown
    return isRecord(data) && data[packageKey] !== undefined
  } catch {
    // A package.json that does not parse is reported by what reads it for its own use.
    return false
  }
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile()
  } catch {
    return false
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
