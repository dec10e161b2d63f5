import {basename, dirname, isAbsolute, relative, sep} from 'node:path'
import picomatch from 'picomatch'
import {
  defaultThresholds,
  readRuleSetting,
  type Options,
  type RuleSetting,
  type Thresholds,
} from 'remark-session-log'
// A template path is resolved as the command line resolves it.
import {resolveTemplate} from 'session-log/project'

/** The `sessionLog` section of the editor's settings. */
export interface EditorSettings {
  /** Globs of the files to check; patterns without a slash match the file name. */
  files?: string[]
  template?: string
  rules?: Record<string, RuleSetting>
  /**
   * Load `.session-logrc.js`, `.cjs` and `.mjs` of an opened folder (default true, as the
   * command line does). Loading one runs the folder's code; turn it off for folders you
   * do not trust. An untrusted VS Code workspace never loads them.
   */
  allowJsConfig?: boolean
  /** The playbook's thresholds, as in `.session-logrc`. */
  thresholds?: Partial<Thresholds>
}

/** The thresholds a `.session-logrc` may set, and so the editor too. */
export const thresholdNames = Object.keys(defaultThresholds) as Array<keyof Thresholds>

export const defaultFiles = ['**/SESSION_LOG.md']

/** What the server needs to know about one document. */
export interface DocumentSettings {
  /** Whether the document is a session log: its path matches the file globs. */
  matches: boolean
  options: Options
}

/**
 * Reads the editor's `sessionLog` section (`prefix` names it in messages). Settings
 * arrive as untyped JSON, so anything of the wrong shape is dropped and named in
 * `problems` rather than trusted.
 */
export function readEditorSettings(
  value: unknown,
  prefix = 'sessionLog.',
): {settings: EditorSettings; problems: string[]} {
  const problems: string[] = []
  const result: EditorSettings = {}
  if (value === undefined || value === null) return {settings: result, problems}
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {settings: result, problems: [`"${prefix.slice(0, -1)}" should be an object`]}
  }
  const {files, template, rules, allowJsConfig} = value as Record<string, unknown>
  for (const name of thresholdNames) {
    const given = (value as Record<string, unknown>)[name]
    if (typeof given === 'number' && Number.isFinite(given) && given >= 0) {
      result.thresholds = {...result.thresholds, [name]: given}
    } else if (given !== undefined && given !== null) {
      problems.push(`"${prefix}${name}" should be a number, 0 or more`)
    }
  }
  if (typeof allowJsConfig === 'boolean') result.allowJsConfig = allowJsConfig
  else if (allowJsConfig !== undefined && allowJsConfig !== null) {
    problems.push(`"${prefix}allowJsConfig" should be true or false`)
  }
  if (typeof files === 'string') result.files = [files]
  else if (Array.isArray(files) && files.every((file) => typeof file === 'string')) {
    result.files = files
  } else if (files !== undefined && files !== null) {
    problems.push(`"${prefix}files" should be a glob or a list of globs`)
  }
  if (typeof template === 'string' && template !== '') result.template = template
  else if (template !== undefined && template !== null) {
    problems.push(`"${prefix}template" should be a template id or a path`)
  }
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    result.rules = {}
    for (const [id, setting] of Object.entries(rules)) {
      const read = readRuleSetting(setting)
      if (read) result.rules[id] = read
      else problems.push(`"${prefix}rules.${id}" should be "off", "warn" or "error"`)
    }
  } else if (rules !== undefined && rules !== null) {
    problems.push(`"${prefix}rules" should map rule ids to "off", "warn" or "error"`)
  }
  return {settings: result, problems}
}

/**
 * Combines the project's config file with the editor's settings. The config file wins
 * key by key (rule by rule for severities): it is what the CLI and CI enforce, and the
 * editor should show what they will report. Editor settings fill in the rest; which
 * files are session logs is the editor's to say, as the CLI takes its files as arguments.
 */
export function documentSettings(
  path: string,
  editor: EditorSettings,
  folder: string | undefined,
  project: Options | undefined,
): DocumentSettings {
  const base = folder ?? dirname(path)
  // Key by key, the project's settings file wins over the editor's.
  const options: Options = {...editor.thresholds, ...project}
  const template = project?.template ?? editor.template
  if (template) options.template = project?.template ?? resolveTemplate(template, base)
  const rules = {...editor.rules, ...project?.rules}
  if (Object.keys(rules).length > 0) options.rules = rules
  return {matches: matches(path, editor.files ?? defaultFiles, base), options}
}

const matchers = new Map<string, (path: string) => boolean>()

/**
 * Globs match the path relative to `base`; a pattern without a slash matches the file
 * name anywhere, and that is all that can match a file outside `base`.
 */
function matches(path: string, patterns: string[], base: string): boolean {
  const key = JSON.stringify(patterns)
  let matcher = matchers.get(key)
  if (!matcher) {
    const byPath = patterns.filter((pattern) => pattern.includes('/'))
    const byName = patterns.filter((pattern) => !pattern.includes('/'))
    // picomatch's own `basename` option applies to every pattern, not only slashless ones.
    const pathMatch = byPath.length > 0 ? picomatch(byPath, {dot: true}) : () => false
    const nameMatch = byName.length > 0 ? picomatch(byName, {dot: true}) : () => false
    matcher = (local) => pathMatch(local) || nameMatch(local.slice(local.lastIndexOf('/') + 1))
    matchers.set(key, matcher)
  }
  const local = relative(base, path)
  const inside = local !== '' && !local.startsWith(`..${sep}`) && !isAbsolute(local)
  return matcher(inside ? local.split(sep).join('/') : basename(path))
}
